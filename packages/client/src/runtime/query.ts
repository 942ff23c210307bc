/**
 * Query strings, encoded the way OpenAPI's defaults describe (and openapi-fetch encodes them, so the
 * typed path methods and `request()` send the same thing): primitives as `name=value`, arrays exploded
 * (`ids=a&ids=b`), objects as deepObject (`filter[status]=ended`). `null`, `undefined` and empty arrays
 * are left out; names and values are percent-encoded, brackets excepted.
 */

/** `a=1&b=2` (no leading `?`), or `''` when nothing is left to send. */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  let out = '';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const encoded = encodeURIComponent(name);
    if (Array.isArray(value)) {
      for (const item of value) out = pair(out, encoded, item);
    } else if (typeof value === 'object') {
      for (const key in value) out = pair(out, `${encoded}[${encodeURIComponent(key)}]`, (value as Record<string, unknown>)[key]);
    } else {
      out = pair(out, encoded, value);
    }
  }
  return out;
}

/** Appends `name=value`; `name` is already encoded. */
function pair(out: string, name: string, value: unknown): string {
  if (value === undefined || value === null) return out;
  if (typeof value === 'object') {
    throw new TypeError(`Query parameter "${decodeURIComponent(name)}" is nested too deeply (one level at most).`);
  }
  const encoded = `${name}=${encodeURIComponent(String(value))}`;
  return out === '' ? encoded : `${out}&${encoded}`;
}
