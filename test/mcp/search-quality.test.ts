/**
 * Search quality over the hand-written question set (queries.ts), split by a stable hash of each
 * question into a tuning half and a check half. Aliases and search settings are tuned looking only at
 * the tuning half's misses; the check half reports rates only, so its figures say how search does on
 * questions nobody tuned for. Prints both halves.
 */
import { describe, expect, it } from 'vitest';
import { DocsSearch } from '@retell-kit/mcp';
import { QUALITY_QUERIES, type QualityQuery } from './queries.js';

/** FNV-1a, 32 bits: the same split on every machine and run. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const half = (q: QualityQuery): 'tuning' | 'check' => (fnv1a(q.q) % 2 === 0 ? 'tuning' : 'check');
const TUNING = QUALITY_QUERIES.filter((q) => half(q) === 'tuning');
const CHECK = QUALITY_QUERIES.filter((q) => half(q) === 'check');
const STOP = new Set('a an and are as at be by can do does for from how i in is it its me my of on or the this to what when where which who why will with you your i\'m i\'d don\'t so that there have has get one all'.split(' '));

describe('search_docs quality', () => {
  const search = new DocsSearch();

  const score = (set: readonly QualityQuery[]) => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { q, expect: ids } of set) {
      const got = search.search(q, { limit: 3 }).map((h) => h.id);
      if (ids.includes(got[0]!)) top1 += 1;
      else misses.push(`${q} → ${got.join(', ')} (want ${ids.join(' | ')})`);
      if (got.some((id) => ids.includes(id))) top3 += 1;
    }
    return { n: set.length, top1: top1 / set.length, top3: top3 / set.length, misses };
  };

  it('has at least 150 questions, 80 of them tasks with words their page does not use', () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(150);
    for (const { expect: ids } of QUALITY_QUERIES) for (const id of ids) expect(search.page(id), id).toBeDefined();
    const foreign = QUALITY_QUERIES.filter((q) => {
      if (!q.task) return false;
      const page = search.page(q.expect[0]!)!.markdown.toLowerCase();
      return q.q.toLowerCase().split(/[^a-z0-9']+/).some((w) => w.length > 2 && !STOP.has(w) && !page.includes(w));
    });
    expect(foreign.length).toBeGreaterThanOrEqual(80);
    expect(TUNING.length).toBeGreaterThan(50);
    expect(CHECK.length).toBeGreaterThan(50);
  });

  it('tuning and check halves: top-1 and top-3', () => {
    const tuning = score(TUNING);
    const check = score(CHECK);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(
      `search quality (${QUALITY_QUERIES.length} questions)\n` +
        `  tuning half: ${tuning.n} questions, top-1 ${pct(tuning.top1)}, top-3 ${pct(tuning.top3)}\n` +
        `  check half:  ${check.n} questions, top-1 ${pct(check.top1)}, top-3 ${pct(check.top3)} (never tuned on; misses not shown)` +
        (tuning.misses.length ? `\n  tuning misses (top-1):\n    ${tuning.misses.join('\n    ')}` : ''),
    );
    expect(tuning.top3).toBeGreaterThanOrEqual(0.95);
    expect(check.top3).toBeGreaterThanOrEqual(0.9);
  });

  it('filters by resource and bounds the markdown', () => {
    const hits = search.search('delete', { resource: 'phoneNumber', limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.page.resource).toBe('phoneNumber');
    const md = search.render('create an agent', { maxChars: 2_000 });
    expect(md.length).toBeLessThanOrEqual(2_000);
    expect(md).toContain('`agent.create`');
    expect(search.render('zzzqqqxxx')).toContain('No documentation matched');
  });
});
