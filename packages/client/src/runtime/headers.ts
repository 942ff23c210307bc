/**
 * Request headers as a plain object with lower-case names: cheaper to build per request than a `Headers`
 * (fetch copies whatever it is given into its own), and lower-casing makes `null` remove a header
 * whatever case it was set in.
 */
import type { HeadersInput } from './options.js';

/** Copies `input` over `target` (lower-cased names); `null` removes, `undefined` leaves as is. Returns `target`. */
export function mergeHeaders(target: Record<string, string>, input: HeadersInput | undefined): Record<string, string> {
  for (const name in input) {
    const value = input[name];
    if (value === null) delete target[name.toLowerCase()];
    else if (value !== undefined) target[name.toLowerCase()] = value;
  }
  return target;
}
