// RFC 7396 JSON merge patch, generated: what turns `before` into `after`. Objects are diffed key by key, a
// removed key is `null`, and an array or any other value that changed is sent whole (merge patch cannot edit
// an array element).
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function createMergePatch(before: Json, after: Json): Json | undefined {
  if (isObject(before) && isObject(after)) {
    const patch: { [key: string]: Json } = {};
    for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
    for (const [key, value] of Object.entries(after)) {
      const child = key in before ? createMergePatch(before[key] as Json, value) : value;
      if (child !== undefined) patch[key] = child;
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? undefined : after;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
