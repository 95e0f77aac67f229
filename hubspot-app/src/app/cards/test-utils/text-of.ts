import { RenderedNodeType, type RenderedNode } from '@hubspot/ui-extensions/testing';

/** Every text under a rendered node, one line per text node (a node's own `text` holds its direct text only). */
export function textOf(node: RenderedNode): string {
  if (node.nodeType === RenderedNodeType.Text) return node.text;
  return node.childNodes.map(textOf).join('\n');
}
