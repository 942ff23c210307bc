/**
 * The type-check answer cache (check-cache.ts): same code → the remembered answer; least recently used
 * out first; bounded in characters; large answers never kept. And the spelling correction that search
 * relies on for one-letter typos.
 */
import { describe, expect, it } from 'vitest';
import { CheckCache } from '../../packages/mcp/src/check-cache.js';
import { DocsSearch } from '../../packages/mcp/src/search.js';

const answer = (js: string) => ({ diagnostics: [], js, map: '{}' });

describe('CheckCache', () => {
  it('answers the same code from memory and keys by content', () => {
    const cache = new CheckCache();
    const code = 'async function run(client) { return 1; }';
    expect(cache.get(CheckCache.key(code))).toBeUndefined();
    cache.set(CheckCache.key(code), code, answer('one'));
    expect(cache.get(CheckCache.key(code))?.js).toBe('one');
    expect(cache.get(CheckCache.key(`${code} `))).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('drops the least recently used entry past its entry bound', () => {
    const cache = new CheckCache({ maxEntries: 2 });
    for (const c of ['a', 'b']) cache.set(CheckCache.key(c), c, answer(c));
    cache.get(CheckCache.key('a'));
    cache.set(CheckCache.key('c'), 'c', answer('c'));
    expect(cache.size).toBe(2);
    expect(cache.get(CheckCache.key('b'))).toBeUndefined();
    expect(cache.get(CheckCache.key('a'))?.js).toBe('a');
    expect(cache.get(CheckCache.key('c'))?.js).toBe('c');
  });

  it('is bounded in characters and keeps no answer larger than a quarter of the bound', () => {
    const cache = new CheckCache({ maxChars: 1_000 });
    cache.set(CheckCache.key('big'), 'big', answer('x'.repeat(400)));
    expect(cache.size).toBe(0);
    for (let i = 0; i < 10; i++) cache.set(CheckCache.key(`c${i}`), `c${i}`, answer('y'.repeat(200)));
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.get(CheckCache.key('c9'))).toBeDefined();
    expect(cache.get(CheckCache.key('c0'))).toBeUndefined();
  });

  it('is off with maxEntries 0', () => {
    const cache = new CheckCache({ maxEntries: 0 });
    cache.set(CheckCache.key('a'), 'a', answer('a'));
    expect(cache.get(CheckCache.key('a'))).toBeUndefined();
  });
});

describe('spelling correction', () => {
  const search = new DocsSearch();
  it('fixes a swap, a missing letter and a wrong letter, and leaves real words alone', () => {
    expect(search.correct('lsit agents')).toBe('list agents');
    expect(search.correct('knowlege base')).toBe('knowledge base');
    expect(search.correct('transfar the call')).toBe('transfer the call');
    expect(search.correct('create an agent')).toBe('create an agent');
  });
});
