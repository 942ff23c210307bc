/**
 * Cursor pagination. A `PagePromise` is the first page (await it like any `APIPromise`) and an async
 * iterable of every item on every page, fetched one page at a time as the loop asks for more.
 */
import { APIPromise, type ParseResponse } from './api-promise.js';
import type { PaginationSpec, RequestInput } from './operation.js';
import type { SendPlan } from './transport.js';

export class PagePromise<P, Item> extends APIPromise<P> {
  readonly #spec: PaginationSpec;
  readonly #next: (cursor: unknown) => PagePromise<P, Item>;

  constructor(
    response: Promise<Response>,
    plan: SendPlan,
    parse: ParseResponse<P>,
    spec: PaginationSpec,
    next: (cursor: unknown) => PagePromise<P, Item>,
  ) {
    super(response, plan, parse);
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

/** The same request input with the cursor set where the operation reads it. */
export function withCursor(input: RequestInput, spec: PaginationSpec, cursor: unknown): RequestInput {
  if (spec.in === 'query') return { ...input, query: { ...input.query, [spec.cursorParam]: cursor } };
  const body = input.body && typeof input.body === 'object' ? input.body : {};
  return { ...input, body: { ...body, [spec.cursorParam]: cursor } };
}
