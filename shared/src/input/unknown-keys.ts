import { dotted, type Path } from './safe-text.ts';

/**
 * The keys of `input` that a zod parse dropped: every object schema strips what it does not name, so
 * a key present in the input and absent from the parsed output at the same place is one no schema
 * knows — a typo (`readyScor`) or a field of another shape (`dry_run`). One check for every schema,
 * nested ones included, without making each of them strict (stored documents stay readable).
 *
 * @example findUnknownKeys({ dry_run: true }, { dryRun: false }) // ['dry_run']
 */
export function findUnknownKeys(input: unknown, output: unknown, limit = 20): string[] {
  const found: string[] = [];
  type Step = { input: unknown; output: unknown; path: Path } | { unknown: string };
  // An explicit stack, children pushed last first: found in document order, whatever the depth.
  const stack: Step[] = [{ input, output, path: undefined }];
  while (stack.length > 0 && found.length < limit) {
    const step = stack.pop() as Step;
    if ('unknown' in step) {
      found.push(step.unknown);
      continue;
    }
    const { input: given, output: kept, path } = step;
    if (Array.isArray(given) && Array.isArray(kept) && given.length === kept.length) {
      for (let index = given.length - 1; index >= 0; index -= 1)
        stack.push({ input: given[index], output: kept[index], path: { parent: path, key: String(index) } });
    } else if (isPlainObject(given) && isPlainObject(kept)) {
      const keys = Object.keys(given);
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        stack.push(
          Object.hasOwn(kept, key)
            ? { input: given[key], output: kept[key], path: { parent: path, key } }
            : { unknown: dotted({ parent: path, key }) },
        );
      }
    }
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
