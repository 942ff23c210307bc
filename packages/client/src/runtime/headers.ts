/**
 * Request headers as a plain object with lower-case names: cheaper to build per request than a `Headers`
 * (fetch copies whatever it is given into its own), and lower-casing makes `null` remove a header
 * whatever case it was set in.
 */
import type { HeadersLike } from './options.js';

/**
 * Copies `input` (any `HeadersLike`) over `target` with lower-cased names; `null` removes, `undefined`
 * leaves as is, an array value is joined with commas. Returns `target`.
 */
export function mergeHeaders(target: Record<string, string>, input: HeadersLike): Record<string, string> {
  if (input && 'nulls' in input && input.values instanceof Headers) {
    mergeHeaders(target, input.values);
    for (const name of input.nulls as Set<string>) delete target[name.toLowerCase()];
  } else if (input) {
    for (const [name, value] of Array.isArray(input) || input instanceof Headers ? input : Object.entries(input)) {
      const key = String(name).toLowerCase();
      if (value === null) delete target[key];
      else if (value !== undefined) target[key] = String(value);
    }
  }
  return target;
}
