/**
 * Determinism: two runs give identical bytes, and shuffling every object's keys in the spec (a
 * different but equivalent document) gives the same bytes too, provenance included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../generator/src/load/index.js';
import { generateFiles } from '../../generator/src/pipeline.js';
import { curatedGeneration } from './helpers/curated.js';
import { fixtureGeneration } from './helpers/fixtures.js';
import { tempDir } from './helpers/files.js';
import { REPO } from './helpers/typecheck.js';

/** Small seeded PRNG (mulberry32) so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rnd)]));
}

function expectSameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  const differing = [...a.keys()].filter((k) => a.get(k) !== b.get(k));
  expect(differing).toEqual([]);
}

const FIXTURES = ['retell-like', 'composition', 'naming'];

describe('determinism', () => {
  // Three runs on the curated spec, one per threading mode: identical bytes across runs and modes.
  // The run's shared generation (helpers/curated.ts) is one of them; the other two modes run here.
  it('serial, split and pooled runs give the same bytes', async () => {
    const spec = path.join(REPO, 'spec/openapi.yaml');
    const shared = await curatedGeneration();
    const modes = (['serial', 'split', 'pool'] as const).filter((m) => m !== shared.mode);
    expect(modes).toHaveLength(2);
    for (const threads of modes) expectSameFiles((await generateFiles(spec, { threads })).files, shared.files);
  });

  it.each(FIXTURES)('%s: shuffled keys give the same bytes', async (name) => {
    const file = path.join(REPO, 'test/fixtures/specs', name, 'openapi.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as unknown;
    const shuffled = path.join(tempDir(`shuffle-${name}`), 'openapi.json');
    writeFileSync(shuffled, JSON.stringify(shuffleKeys(doc, random(7))));
    expect(readFileSync(shuffled, 'utf8')).not.toBe(JSON.stringify(doc));
    // The run's shared generation of the fixture (helpers/fixtures.ts) is the unshuffled side.
    expectSameFiles((await fixtureGeneration(name)).files, (await generateFiles(shuffled)).files);
  });

  // The shared generation of spec/openapi.yaml stands in for "bundled in order": bundling the split
  // files into one document is itself a change of source that must not change a byte.
  it('the curated spec, bundled and shuffled, gives the same bytes as the spec itself', async () => {
    const { bundled: document } = await loadSpec(path.join(REPO, 'spec/openapi.yaml'));
    const shuffled = path.join(tempDir('shuffle-retell'), 'shuffled.json');
    writeFileSync(shuffled, JSON.stringify(shuffleKeys(document, random(42))));
    expectSameFiles((await generateFiles(shuffled)).files, (await curatedGeneration()).files);
  });
});
