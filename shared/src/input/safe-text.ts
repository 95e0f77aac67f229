// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text that can be stored and compared safely: PostgreSQL refuses NUL in `text` and `jsonb`, and a
 * lone UTF-16 surrogate cannot be encoded as UTF-8 (it is silently replaced, or refused in `jsonb`).
 * Every place input enters checks its strings with this one guard.
 */
export function unsafeTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (loneSurrogate.test(text)) return 'must be valid Unicode (it holds a lone UTF-16 surrogate)';
  return undefined;
}

/** One unsafe string inside a value: its dotted path (`(root)` for the value itself) and the problem. */
export interface UnsafeText {
  path: string;
  problem: string;
}

/**
 * The unsafe strings of a JSON-like value, keys included, in document order (at most `limit`).
 *
 * @example findUnsafeText({ name: 'a\u0000b' }) // [{ path: 'name', problem: 'must not contain a NUL character' }]
 */
export function findUnsafeText(value: unknown, limit = 20): UnsafeText[] {
  const found: UnsafeText[] = [];
  // An explicit stack: a deeply nested value must not overflow the call stack.
  // An explicit stack, children pushed last first: found in document order, whatever the depth.
  type Step = { value: unknown; path: Path } | { found: UnsafeText };
  const stack: Step[] = [{ value, path: undefined }];
  while (stack.length > 0 && found.length < limit) {
    const step = stack.pop() as Step;
    if ('found' in step) {
      found.push(step.found);
      continue;
    }
    const { value: current, path } = step;
    if (typeof current === 'string') {
      const problem = unsafeTextProblem(current);
      if (problem) found.push({ path: dotted(path), problem });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        stack.push({ value: current[index], path: { parent: path, key: String(index) } });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        const keyProblem = unsafeTextProblem(key);
        // The key itself is named by a printable stand-in: it cannot be shown as it is.
        stack.push(
          keyProblem
            ? { found: { path: dotted({ parent: path, key: '(key)' }), problem: keyProblem } }
            : { value: (current as Record<string, unknown>)[key], path: { parent: path, key } },
        );
      }
    }
  }
  return found;
}

/** A path shared by its children: a deep value costs one link per level, not a copy. */
export type Path = { parent: Path; key: string } | undefined;

/** `a.b.0.c`, or `(root)` for the value itself. */
export function dotted(path: Path): string {
  const keys: string[] = [];
  for (let link = path; link; link = link.parent) keys.push(link.key);
  return keys.length === 0 ? '(root)' : keys.reverse().join('.');
}
