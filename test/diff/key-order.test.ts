/**
 * The report depends on what the documents say, never on the order their mappings list keys in: every
 * fixture pair and a few hand-built pairs are diffed again with the keys of every object (in both
 * documents, independently) shuffled by a seeded generator, and must give the same bytes.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../packages/diff/src/load/document.js';
import { formatJson } from '../../packages/diff/src/report/json.js';
import { diffWire, doc, FIXTURES } from './helpers.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const Color = { type: 'string', enum: ['red', 'blue'] };

/** Mulberry32: a tiny seeded generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deep copy with every object's keys in a shuffled order (arrays keep theirs: their order is meaning). */
export function shuffleKeys(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, next));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, next)]));
}

function reportText(base: object, head: object): string {
  return formatJson(diffWire(base, head));
}

function expectStable(base: object, head: object, seeds = 8): void {
  const want = reportText(base, head);
  for (let seed = 1; seed <= seeds; seed++) {
    const next = random(seed);
    expect(reportText(shuffleKeys(base, next) as object, head), `seed ${seed}, base shuffled`).toBe(want);
    expect(reportText(base, shuffleKeys(head, next) as object), `seed ${seed}, head shuffled`).toBe(want);
    expect(reportText(shuffleKeys(base, next) as object, shuffleKeys(head, next) as object), `seed ${seed}, both shuffled`).toBe(want);
  }
}

describe('key order', () => {
  it('a $ref wrapped in a null union does not share the bare component cache entry (either property order)', () => {
    for (const sibling of ['a_color', 'z_color']) {
      const base = doc({ type: 'object' }, { type: 'object', properties: { [sibling]: ref('Color'), color: ref('Color') } }, { schemas: { Color } });
      const head = doc({ type: 'object' }, { type: 'object', properties: { [sibling]: ref('Color'), color: { oneOf: [ref('Color'), { type: 'null' }] } } }, { schemas: { Color } });
      const findings = diffWire(base, head).findings.map((f) => [f.id, f.location]);
      expect(findings, sibling).toEqual([['response-became-nullable', 'response(200).body(application/json).color']]);
      expectStable(base, head);
    }
  });

  it('a $ref with siblings changes only where it is wrapped, not in an unchanged operation sharing the component', () => {
    const twoOps = (wrapped: object) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { color: ref('Color') } } } } } } } },
        '/b': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { color: wrapped } } } } } } } },
      },
      components: { schemas: { Color } },
    });
    const base = twoOps(ref('Color'));
    const head = twoOps({ $ref: '#/components/schemas/Color', deprecated: true, nullable: true });
    const findings = diffWire(base, head).findings.map((f) => [f.id, f.operation]);
    expect(findings).toEqual([
      ['response-became-nullable', 'GET /b'],
      ['response-property-deprecated', 'GET /b'],
    ]);
    expectStable(base, head);
  });

  const pairs = readdirSync(FIXTURES).sort();
  it.each(pairs)('fixture %s gives the same report under shuffled keys', async (id) => {
    const [base, head] = await Promise.all([loadDocument('base', `${FIXTURES}${id}/base.yaml`, 'base'), loadDocument('head', `${FIXTURES}${id}/revision.yaml`, 'head')]);
    expectStable(base.root, head.root, 3);
  });
});
