/**
 * List replies: the latest version of every record, cut by `limit` and resumed after the cursor (the
 * id of the last record of the previous page). Paginated routes (`x-pagination`) answer the page
 * envelope the spec describes (`items`, `has_more`, `pagination_key`); others a plain array.
 */
import type { MockRoute } from '../model.js';
import type { ParsedInput } from '../http/request.js';
import type { Json } from './resources.js';
import type { Reply } from './store.js';

export function listReply(all: Json[], route: MockRoute, input: ParsedInput, sample: unknown, idField: string): Reply {
  const idOf = (record: Json): string => String(record[idField]);
  const p = route.pagination;
  const source = p?.in === 'body' ? ((input.body ?? {}) as Json) : input.query;
  const limitName = p?.limitParam ?? 'limit';
  const cursorName = p?.cursorParam ?? 'pagination_key';
  const limit = typeof source[limitName] === 'number' ? (source[limitName] as number) : Number(source[limitName] ?? NaN);
  const cursor = source[cursorName];
  let start = 0;
  if (typeof cursor === 'string' && cursor !== '') {
    const at = all.findIndex((r) => idOf(r) === cursor);
    start = at >= 0 ? at + 1 : all.length;
  }
  const end = Number.isFinite(limit) && limit > 0 ? Math.min(all.length, start + limit) : all.length;
  const items = all.slice(start, end);
  if (!p) return { status: route.success.status, body: items };
  const hasMore = end < all.length;
  const envelope: Json = { ...(sample !== null && typeof sample === 'object' ? (sample as Json) : {}), [p.itemsField]: items, [p.hasMoreField]: hasMore };
  if (hasMore && items.length > 0) envelope[p.nextCursorField] = idOf(items[items.length - 1]!);
  else delete envelope[p.nextCursorField];
  return { status: route.success.status, body: envelope };
}
