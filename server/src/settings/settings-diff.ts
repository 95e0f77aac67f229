/**
 * The dotted paths whose value differs between two JSON documents: leaves of objects, and arrays
 * element by element when their lengths agree (`priceBook.tiers.0.seatPrice`), whole otherwise.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [prefix || '(root)'];
    return before.flatMap((item, index) => changedPaths(item, after[index], join(prefix, String(index))));
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], join(prefix, key)));
  }
  return [prefix || '(root)'];
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
