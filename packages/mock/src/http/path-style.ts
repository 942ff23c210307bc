/**
 * Reading a path parameter written in an OpenAPI `style` (`simple`, `label`, `matrix`, exploded or not)
 * back into the value it stands for: a scalar, an array or an object, all of strings (the validator's
 * coercion then makes numbers and booleans of them). The inverse of the client runtime's `expandPath`.
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples
 */
import type { MockParam } from '../model.js';

/** Pairs `[k, v, k, v]` or `['k=v', ...]` as an object without a prototype (keys come from the request). */
function toObject(parts: readonly string[], exploded: boolean): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (exploded) {
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
    }
  } else {
    for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!] = parts[i + 1]!;
  }
  return { ...out };
}

/** The value of one (already percent-decoded) path segment; the raw text when it does not fit the style. */
export function readPathValue(p: MockParam, raw: string): unknown {
  const style = p.style ?? 'simple';
  const explode = p.explode ?? false;
  const shape = p.shape ?? 'scalar';
  let body = raw;
  let sep = ',';
  if (style === 'label') {
    if (!raw.startsWith('.')) return raw;
    body = raw.slice(1);
    if (explode) sep = '.';
  } else if (style === 'matrix') {
    if (!raw.startsWith(';')) return raw;
    if (explode && shape !== 'scalar') {
      const parts = raw.slice(1).split(';');
      if (shape === 'object') return toObject(parts, true);
      const prefix = `${p.name}=`;
      return parts.every((x) => x.startsWith(prefix)) ? parts.map((x) => x.slice(prefix.length)) : raw;
    }
    const prefix = `;${p.name}=`;
    if (!raw.startsWith(prefix)) return raw;
    body = raw.slice(prefix.length);
  }
  if (shape === 'array') return body === '' ? [] : body.split(sep);
  if (shape === 'object') return toObject(body === '' ? [] : body.split(sep), explode);
  return body;
}
