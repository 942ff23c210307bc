/**
 * Search quality over the hand-written question set (queries.ts): the expected page must be among the
 * first three results for at least 95% of the questions. Prints the top-1 and top-3 rates.
 */
import { describe, expect, it } from 'vitest';
import { DocsSearch } from '@retell-kit/mcp';
import { QUALITY_QUERIES } from './queries.js';

describe('search_docs quality', () => {
  const search = new DocsSearch();

  it('has at least 60 questions, each expecting pages that exist', () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(60);
    for (const { expect: ids } of QUALITY_QUERIES) for (const id of ids) expect(search.page(id), id).toBeDefined();
  });

  it('finds the expected page in the top 3 for ≥ 95% of the questions', () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { q, expect: ids } of QUALITY_QUERIES) {
      const got = search.search(q, { limit: 3 }).map((h) => h.id);
      if (ids.includes(got[0]!)) top1 += 1;
      if (got.some((id) => ids.includes(id))) top3 += 1;
      else misses.push(`${q} → ${got.join(', ')} (want ${ids.join(' | ')})`);
    }
    const n = QUALITY_QUERIES.length;
    console.log(`search quality: ${n} questions, top-1 ${((100 * top1) / n).toFixed(1)}%, top-3 ${((100 * top3) / n).toFixed(1)}%${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(top3 / n).toBeGreaterThanOrEqual(0.95);
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
