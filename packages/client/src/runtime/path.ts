/**
 * Path parameter serialization for openapi-fetch's `pathSerializer` hook. Each value is percent-encoded
 * as one segment, and values that would change the route instead of naming a resource (empty, `.`,
 * `..`) are refused: `/get-agent/{agent_id}` with `..` must not become `/`.
 */

const PARAM = /\{([^{}]+)\}/g;

export function serializePath(url: string, params: Record<string, unknown>): string {
  return url.replace(PARAM, (_match, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new TypeError(`Path parameter "${name}" must be a string or number, got ${value === null ? 'null' : typeof value}.`);
    }
    const text = String(value);
    if (text === '' || text === '.' || text === '..') {
      throw new TypeError(`Path parameter "${name}" must not be ${text === '' ? 'empty' : `"${text}"`}.`);
    }
    return encodeURIComponent(text);
  });
}
