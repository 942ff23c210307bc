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
import { RetellError } from './errors.js';

/** Options of one walk through the pages. */
export interface PageWalkOptions {
  /**
   * Fetch at most this many pages (the first included); the walk fails with a `PaginationError` when
   * the server still says there is more. Default: no limit (the guards below still apply).
   */
  maxPages?: number;
}

/** Consecutive empty pages that still claim `has_more` before the walk gives up. */
export const MAX_EMPTY_PAGES = 10;

/** A walk through the pages was stopped because the server's cursors would never end it. */
export class PaginationError extends RetellError {
  override name = 'PaginationError';
  /** The cursor the walk would have requested next. */
  readonly cursor: unknown;
  /** Pages fetched before the guard tripped. */
  readonly pages: number;

  constructor(message: string, cursor: unknown, pages: number) {
    super(message);
    this.cursor = cursor;
    this.pages = pages;
  }
}

export class PagePromise<P, Item> extends APIPromise<P> {
  readonly #spec: PaginationSpec;
  readonly #operationId: string;
  readonly #next: (cursor: unknown) => PagePromise<P, Item>;

  /** `first` is the request for this page; `next` requests the page after it, given its cursor. */
  constructor(first: APIPromise<P>, spec: PaginationSpec, next: (cursor: unknown) => PagePromise<P, Item>, operationId = 'list') {
    super(...APIPromise.sourceOf(first));
    this.#spec = spec;
    this.#next = next;
    this.#operationId = operationId;
  }

  /**
   * Every item of this page and the pages after it; the next page is requested when this one runs out.
   * A walk that would never end fails with a `PaginationError` naming the cursor: a cursor seen before
   * (a cycle, A -> B -> A, or one that does not move), more than `MAX_EMPTY_PAGES` empty pages in a row
   * that still claim more, a page whose items are those of the page before it, or `maxPages` reached.
   */
  iterate(options: PageWalkOptions = {}): AsyncGenerator<Item, void, undefined> {
    const { maxPages = Infinity } = options;
    if (maxPages !== Infinity && (!Number.isInteger(maxPages) || maxPages < 1)) {
      throw new TypeError(`Invalid maxPages ${String(maxPages)}: expected an integer >= 1.`);
    }
    return this.#walk(maxPages);
  }

  async *#walk(maxPages: number): AsyncGenerator<Item, void, undefined> {
    const spec = this.#spec;
    const stop = (why: string, cursor: unknown, pages: number): PaginationError =>
      new PaginationError(`Stopped paging ${this.#operationId} at cursor ${describeCursor(cursor)} after ${pages} page(s): ${why}.`, cursor, pages);
    let page: PagePromise<P, Item> = this;
    // Cursors are compared by their JSON text, so an object cursor that comes back equal is caught too.
    const seen = new Set<string>();
    let previousItems: string | undefined;
    let emptyRun = 0;
    /** The cursor this page was requested with (`undefined` for the first). */
    let requested: unknown;
    for (let pages = 1; ; pages++) {
      const data = (await page) as Record<string, unknown> | null | undefined;
      const items = data?.[spec.itemsField];
      const list = Array.isArray(items) ? (items as Item[]) : [];
      const cursor = data?.[spec.nextCursorField];
      if (list.length > 0) {
        // A server that ignores the cursor serves the same page again under a new one: do not yield it twice.
        const text = JSON.stringify(list);
        if (text === previousItems) throw stop('the server sent the same items as on the page before', requested, pages);
        previousItems = text;
      }
      yield* list;
      const more = spec.hasMoreField ? data?.[spec.hasMoreField] === true : list.length > 0;
      if (!more || cursor === undefined || cursor === null || cursor === '') return;
      const key = JSON.stringify(cursor);
      if (seen.has(key)) throw stop('the server sent this cursor before (a cycle)', cursor, pages);
      seen.add(key);
      emptyRun = list.length === 0 ? emptyRun + 1 : 0;
      if (emptyRun >= MAX_EMPTY_PAGES) throw stop(`${emptyRun} empty pages in a row still claim more`, cursor, pages);
      if (pages >= maxPages) throw stop(`maxPages (${maxPages}) reached and the server has more`, cursor, pages);
      requested = cursor;
      page = this.#next(cursor);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.iterate();
  }
}

/** A cursor for an error message: its JSON, cut short so a huge cursor cannot flood the message. */
function describeCursor(cursor: unknown): string {
  const text = JSON.stringify(cursor) ?? String(cursor);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
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
  return new PagePromise<P, Item>(
    client.request<P>(op, input, options),
    spec,
    (cursor) => requestPage<P, Item>(client, op, withCursor(input, spec, cursor), options),
    op.operationId,
  );
}

/** The same request input with the cursor set where the operation reads it. */
export function withCursor(input: RequestInput, spec: PaginationSpec, cursor: unknown): RequestInput {
  if (spec.in === 'query') return { ...input, query: { ...input.query, [spec.cursorParam]: cursor } };
  const body = input.body && typeof input.body === 'object' ? input.body : {};
  return { ...input, body: { ...body, [spec.cursorParam]: cursor } };
}
