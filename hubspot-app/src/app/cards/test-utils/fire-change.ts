/**
 * Fires an input's `onChange` with a value, as a user typing or picking would. The renderer's `trigger` types its
 * argument as the handler itself (`TProps[name]`), so a value does not type-check through it directly.
 */
export function fireChange(node: { trigger: unknown }, value: unknown): void {
  (node.trigger as (eventPropName: string, eventArg: unknown) => void).call(node, 'onChange', value);
}
