/**
 * Facade methods take one flat `params` object, as the official SDK does; the spec says which of its
 * fields travel in the query string. This splits the object by those names.
 */
import type { RequestInput } from '@retell-kit/client';

/**
 * `{ query, body }` for `params`: fields named in `queryNames` go to the query, the rest to the body.
 * `hasBody` false (GET, DELETE) sends every remaining field in the query too, so no field is dropped.
 */
export function splitParams(
  params: object | null | undefined,
  queryNames: readonly string[],
  hasBody: boolean,
): Pick<RequestInput, 'query' | 'body'> {
  if (!params) return {};
  if (!hasBody) return { query: params as Record<string, unknown> };
  let query: Record<string, unknown> | undefined;
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (queryNames.includes(key)) (query ??= {})[key] = value;
    else (body ??= {})[key] = value;
  }
  return { ...(query && { query }), ...(body && { body }) };
}
