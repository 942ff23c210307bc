/**
 * Path parameter serialization, for `request()` and openapi-fetch's `pathSerializer` hook alike. Each value is percent-encoded
 * as one segment, and values that would change the route instead of naming a resource (empty, `.`,
 * `..`) are refused: `/get-agent/{agent_id}` with `..` must not become `/`.
 */

export function serializePath(url: string, params: Record<string, unknown>): string {
  // A hand-rolled scan: this runs on every request, and a regex replace with a callback costs more.
  let out = '';
  let from = 0;
  for (let open = url.indexOf('{'); open !== -1; open = url.indexOf('{', from)) {
    const close = url.indexOf('}', open);
    if (close === -1) break;
    const name = url.slice(open + 1, close);
    out += url.slice(from, open) + encodeSegment(name, params[name]);
    from = close + 1;
  }
  return from === 0 ? url : out + url.slice(from);
}

function encodeSegment(name: string, value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`Path parameter "${name}" must be a string or number, got ${value === null ? 'null' : typeof value}.`);
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new TypeError(`Path parameter "${name}" must not be ${text === '' ? 'empty' : `"${text}"`}.`);
  }
  return encodeURIComponent(text);
}
