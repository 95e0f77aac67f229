// A small serializer for Metadata API XML: elements in the order the object lists them (the WSDL's
// sequence order, which the Metadata API enforces), four-space indentation like `sf project retrieve`.

/** A text value, a nested element, or a list of either (the tag repeated once per item). */
export type XmlValue = string | number | boolean | XmlElement | readonly XmlValue[];

/** An element's children in order; `undefined` children are left out. */
export interface XmlElement {
  readonly [tag: string]: XmlValue | undefined;
}

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** A whole metadata file: declaration, root element in the Metadata API namespace, trailing newline. */
export function metadataXml(root: string, body: XmlElement): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="${METADATA_NAMESPACE}">`,
    ...children(body, 1),
    `</${root}>`,
    '',
  ].join('\n');
}

function children(body: XmlElement, depth: number): string[] {
  return Object.entries(body).flatMap(([tag, value]) => element(tag, value, depth));
}

function element(tag: string, value: XmlValue | undefined, depth: number): string[] {
  if (value === undefined) return [];
  if (isList(value)) return value.flatMap((item) => element(tag, item, depth));
  const indent = '    '.repeat(depth);
  if (typeof value === 'object')
    return [`${indent}<${tag}>`, ...children(value, depth + 1), `${indent}</${tag}>`];
  return [`${indent}<${tag}>${escapeText(String(value))}</${tag}>`];
}

function isList(value: XmlValue): value is readonly XmlValue[] {
  return Array.isArray(value);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
