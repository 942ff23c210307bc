/**
 * Cursor pagination, kept out of the core so an app that never pages does not carry it. `requestPage`
 * makes the first request through any `RequestClient`; the `PagePromise` it returns is that first page
 * (await it like any `APIPromise`) and an async iterable of every item on every page, fetched one page
 * at a time as the loop asks for more.
 */
import { APIPromise } from './api-promise.js';
import type { RequestClient } from './core.js';
import type { OperationSpec, PaginationSpec, RequestInput } from './operation.js';
import type { RequestOptions } from './options.js';

export class PagePromise<P, Item> extends APIPromise<P> {
  readonly #spec: PaginationSpec;
  readonly #next: (cursor: unknown) => PagePromise<P, Item>;

  /** `first` is the request for this page; `next` requests the page after it, given its cursor. */
  constructor(first: APIPromise<P>, spec: PaginationSpec, next: (cursor: unknown) => PagePromise<P, Item>) {
    super(...APIPromise.sourceOf(first));
    this.#spec = spec;
    this.#next = next;
  }

  /** Every item of this page and the pages after it; the next page is requested when this one runs out. */
  async *iterate(): AsyncGenerator<Item, void, undefined> {
    const spec = this.#spec;
    let page: PagePromise<P, Item> = this;
    let previous: unknown;
    for (;;) {
      const data = (await page) as Record<string, unknown> | null | undefined;
      const items = data?.[spec.itemsField];
      const list = Array.isArray(items) ? (items as Item[]) : [];
      yield* list;
      const cursor = data?.[spec.nextCursorField];
      const more = spec.hasMoreField ? data?.[spec.hasMoreField] === true : list.length > 0;
      // A cursor that does not move would loop forever; treat it as the end.
      if (!more || cursor === undefined || cursor === null || cursor === '' || cursor === previous) return;
      previous = cursor;
      page = this.#next(cursor);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.iterate();
  }
}

/**
 * The first page of a paginated operation (`op.pagination`, from `x-pagination`) as a `PagePromise`.
 * Later pages repeat the request with the cursor set in the query or the body, other fields kept.
 */
export function requestPage<P, Item>(
  client: RequestClient,
  op: OperationSpec,
  input: RequestInput = {},
  options?: RequestOptions,
): PagePromise<P, Item> {
  const spec = op.pagination;
  if (!spec) throw new TypeError(`Operation ${op.operationId} is not paginated.`);
  return new PagePromise<P, Item>(client.request<P>(op, input, options), spec, (cursor) =>
    requestPage<P, Item>(client, op, withCursor(input, spec, cursor), options),
  );
}

/** The same request input with the cursor set where the operation reads it. */
export function withCursor(input: RequestInput, spec: PaginationSpec, cursor: unknown): RequestInput {
  if (spec.in === 'query') return { ...input, query: { ...input.query, [spec.cursorParam]: cursor } };
  const body = input.body && typeof input.body === 'object' ? input.body : {};
  return { ...input, body: { ...body, [spec.cursorParam]: cursor } };
}
