/**
 * Pagination against servers that never end a walk: cursor cycles, endless empty pages, a page served
 * again under a new cursor, and the caller's `maxPages`. Each guard fails with a `PaginationError` that
 * names the cursor, after yielding every item it had good reason to believe.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PaginationError, RetellError, requestPage } from '@retell-kit/client';
import { listAgentsOp, listCallsOp, makeClient } from './helpers.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

type Page = { items: unknown[]; has_more: boolean; pagination_key?: string };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `pages(cursor)` as JSON for GET /list-agents?pagination_key=<cursor> (no cursor: `''`). */
async function pagedServer(pages: (cursor: string) => Page): Promise<{ url: string; cursors: string[] }> {
  const cursors: string[] = [];
  server = await startFaultServer((req, res) => {
    const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('pagination_key') ?? '';
    cursors.push(cursor);
    const text = JSON.stringify(pages(cursor));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
  });
  return { url: server.url, cursors };
}

/** Walks the pages, collecting items until the walk ends or throws; never more than `cap` items. */
async function walk(url: string, options?: { maxPages?: number }, cap = 10_000): Promise<{ items: unknown[]; error?: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of requestPage<Page, unknown>(makeClient({ baseURL: url }), listAgentsOp).iterate(options)) {
      items.push(item);
      if (items.length >= cap) return { items, error: new Error(`walk did not end after ${cap} items`) };
    }
  } catch (error) {
    return { items, error };
  }
  return { items };
}

describe('pagination guards', () => {
  it('a cursor cycle A -> B -> A fails naming the cursor, after the items of A and B', async () => {
    const { url, cursors } = await pagedServer((cursor) =>
      cursor === '' ? { items: [1], has_more: true, pagination_key: 'A' }
      : cursor === 'A' ? { items: [2], has_more: true, pagination_key: 'B' }
      : { items: [3], has_more: true, pagination_key: 'A' },
    );
    const { items, error } = await walk(url);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(RetellError);
    expect((error as Error).message).toContain('"A"');
    expect((error as Error).message).toMatch(/listAgents/);
    expect((error as PaginationError).cursor).toBe('A');
    expect(items).toEqual([1, 2, 3]);
    expect(cursors).toEqual(['', 'A', 'B']);
  });

  it('a cursor that repeats at once fails too (the server says there is more, but points back)', async () => {
    const { url } = await pagedServer((cursor) => (cursor === '' ? { items: [1], has_more: true, pagination_key: 'same' } : { items: [2], has_more: true, pagination_key: 'same' }));
    const { items, error } = await walk(url);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).cursor).toBe('same');
    expect(items).toEqual([1, 2]);
  });

  it('a run of empty pages with has_more and a fresh cursor each time fails, naming the last cursor', async () => {
    const { url, cursors } = await pagedServer((cursor) => {
      const n = cursor === '' ? 0 : Number(cursor.slice(1));
      return n === 0 ? { items: ['x'], has_more: true, pagination_key: 'c1' } : { items: [], has_more: true, pagination_key: `c${n + 1}` };
    });
    const { items, error } = await walk(url);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/empty pages/);
    expect((error as Error).message).toContain(`"${(error as PaginationError).cursor}"`);
    expect(items).toEqual(['x']);
    // Bounded: the first page and a short run of empty ones, not thousands.
    expect(cursors.length).toBeLessThanOrEqual(12);
  });

  it('a few empty pages in between are fine (a filtered listing may have them)', async () => {
    const { url } = await pagedServer((cursor) =>
      cursor === '' ? { items: [1], has_more: true, pagination_key: 'e1' }
      : cursor === 'e1' ? { items: [], has_more: true, pagination_key: 'e2' }
      : cursor === 'e2' ? { items: [], has_more: true, pagination_key: 'e3' }
      : { items: [2], has_more: false },
    );
    expect(await walk(url)).toEqual({ items: [1, 2] });
  });

  it('a page served again under a new cursor is not yielded twice', async () => {
    const same = [{ id: 'a' }, { id: 'b' }];
    const { url } = await pagedServer((cursor) => {
      const n = cursor === '' ? 0 : Number(cursor.slice(1));
      return { items: same, has_more: true, pagination_key: `k${n + 1}` };
    });
    const { items, error } = await walk(url);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/same items/);
    expect((error as PaginationError).cursor).toBe('k1');
    expect(items).toEqual(same);
  });

  it('maxPages stops the walk with an error naming the next cursor; within the limit it is invisible', async () => {
    const { url, cursors } = await pagedServer((cursor) => {
      const n = cursor === '' ? 0 : Number(cursor.slice(1));
      return { items: [n], has_more: n < 4, ...(n < 4 ? { pagination_key: `p${n + 1}` } : {}) };
    });
    expect(await walk(url, { maxPages: 5 })).toEqual({ items: [0, 1, 2, 3, 4] });
    cursors.length = 0;
    const { items, error } = await walk(url, { maxPages: 3 });
    expect(items).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/maxPages \(3\)/);
    expect((error as PaginationError).cursor).toBe('p3');
    expect(cursors).toEqual(['', 'p1', 'p2']);
  });

  it('refuses a maxPages that is not a positive integer', () => {
    const page = requestPage(makeClient({ fetch: (async () => new Response('{}')) as typeof fetch }), listCallsOp);
    expect(() => page.iterate({ maxPages: 0 })).toThrow(/maxPages/);
    expect(() => page.iterate({ maxPages: 1.5 })).toThrow(/maxPages/);
  });
});
