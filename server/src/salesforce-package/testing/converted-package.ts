// force-app converted to a metadata-format package by source-deploy-retrieve, as `sf project deploy`
// would send it, and read back as plain objects for the package tests.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';

export const repositoryRoot = join(import.meta.dirname, '../../../..');

/** An element of a metadata file: text, or nested elements; repeated elements are always lists. */
export type Node = { [tag: string]: Node[] | string | undefined };

// Elements that repeat in the files under test: always parsed as lists, even with one item.
const LISTS = new Set([
  'types',
  'members',
  'fields',
  'value',
  'listViews',
  'fieldPermissions',
  'objectPermissions',
  'sections',
  'columns',
  'criteriaItems',
  'groupingsDown',
  'buckets',
  'components',
  'flexiPageRegions',
  'itemInstances',
  'componentInstanceProperties',
  'labels',
  'customLabels',
  'targets',
  'target',
  'targetConfig',
  'property',
  'object',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

export interface ConvertedPackage {
  /** The root element of a converted file, e.g. `read('objects/Account.object', 'CustomObject')`. */
  read(path: string, root: string): Promise<Node>;
  /** package.xml as type → members. */
  manifest: ReadonlyMap<string, readonly string[]>;
  /** How many components SDR found in force-app. */
  componentCount: number;
  dispose(): Promise<void>;
}

export async function convertForceApp(): Promise<ConvertedPackage> {
  const components = ComponentSet.fromSource(join(repositoryRoot, 'force-app'));
  const outputDirectory = await mkdtemp(join(tmpdir(), 'ripe-force-app-'));
  const { packagePath } = await new MetadataConverter().convert(components, 'metadata', {
    type: 'directory',
    outputDirectory,
    packageName: 'ripe',
    genUniqueDir: false,
  });
  if (!packagePath) throw new Error('SDR wrote no package');
  const read = async (path: string, root: string): Promise<Node> => {
    const parsed = parser.parse(await readFile(join(packagePath, path), 'utf8')) as Record<string, Node>;
    const element = parsed[root];
    if (!element) throw new Error(`${path} has no <${root}> root`);
    return element;
  };
  const packageXml = await read('package.xml', 'Package');
  const manifest = new Map(
    list(packageXml, 'types').map((type) => [text(type, 'name'), texts(type, 'members')] as const),
  );
  return {
    read,
    manifest,
    componentCount: components.size,
    dispose: () => rm(outputDirectory, { recursive: true, force: true }),
  };
}

/** The child elements named `tag` (none: an empty list). */
export function list(node: Node, tag: string): Node[] {
  const value = node[tag];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`<${tag}> is not a list element: add it to LISTS`);
  return value;
}

/** The text of the child `tag` (absent: undefined). */
export function text(node: Node, tag: string): string {
  const value = node[tag];
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const [first] = value;
  if (typeof first === 'string') return first;
  throw new Error(`<${tag}> holds elements, not text`);
}

/** The texts of a repeated child `tag`. */
export function texts(node: Node, tag: string): string[] {
  const value = node[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => {
    if (typeof item !== 'string') throw new Error(`<${tag}> holds elements, not text`);
    return item;
  });
}

/** The single child element `tag`. */
export function child(node: Node, tag: string): Node {
  const value = node[tag];
  const element = Array.isArray(value) ? value[0] : value;
  if (element === undefined || typeof element === 'string') throw new Error(`no <${tag}> element`);
  return element;
}
