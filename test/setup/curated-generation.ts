/**
 * vitest globalSetup: generates the curated spec (spec/openapi.yaml) and every fixture spec
 * (test/fixtures/specs/<case>/openapi.yaml) once per run instead of once per test file that needs them,
 * and hands the results to those files as file paths (`inject('curatedGeneration')`, read by
 * test/generator/helpers/curated.ts; `inject('fixtureGenerations')`, read by helpers/fixtures.ts).
 * The results are cached under node_modules/.cache keyed by the bytes of the specs, the generator's
 * sources and the lockfile, so a repeated local run with nothing changed skips even that one
 * generation; a fresh checkout (CI) always generates.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { generateFiles, threadMode } from '../../generator/src/pipeline.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the v8-serialized `{ files, model, warnings, mode }` of generating spec/openapi.yaml. */
    curatedGeneration: string;
    /** Path of the v8-serialized `Map<case, { files, warnings }>` of generating each fixture spec (default options). */
    fixtureGenerations: string;
  }
}

const REPO = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(REPO, 'node_modules/.cache/retell-kit-tests');
const FIXTURES = path.join(REPO, 'test/fixtures/specs');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** Everything the generations' bytes depend on: the specs, the generator, the locked dependencies. */
function inputsKey(specDir: string): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(specDir), ...filesUnder(path.join(REPO, 'generator/src')), path.join(REPO, 'pnpm-lock.yaml')].sort();
  for (const file of inputs) hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** The cache entry `<prefix>-<key>.bin`, made by `make` when missing; older entries of the prefix are dropped. */
async function cached(prefix: string, key: string, make: () => Promise<unknown>): Promise<string> {
  const file = path.join(CACHE_DIR, `${prefix}-${key}.bin`);
  if (existsSync(file)) return file;
  const value = await make();
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const old of readdirSync(CACHE_DIR)) if (old.startsWith(`${prefix}-`)) rmSync(path.join(CACHE_DIR, old), { force: true });
  // Written whole, then renamed: a run killed halfway never leaves a truncated entry behind.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, serialize(value));
  renameSync(partial, file);
  return file;
}

async function curated(): Promise<unknown> {
  const spec = path.join(REPO, 'spec/openapi.yaml');
  const mode = threadMode(spec);
  const { files, model, warnings } = await generateFiles(spec, { threads: mode });
  return { files, model, warnings, mode };
}

/** Fixture-sized specs generate on one thread (threadMode's choice for them), one after another. */
async function fixtures(): Promise<unknown> {
  const out = new Map<string, { files: Map<string, string>; warnings: unknown[] }>();
  for (const name of readdirSync(FIXTURES).sort()) {
    const { files, warnings } = await generateFiles(path.join(FIXTURES, name, 'openapi.yaml'));
    out.set(name, { files, warnings: [...warnings] });
  }
  return out;
}

export default async function setup(project: TestProject): Promise<void> {
  // The curated spec uses worker threads; the fixtures run on this thread meanwhile.
  const [curatedFile, fixturesFile] = await Promise.all([
    cached('curated', inputsKey(path.join(REPO, 'spec')), curated),
    cached('fixtures', inputsKey(FIXTURES), fixtures),
  ]);
  project.provide('curatedGeneration', curatedFile);
  project.provide('fixtureGenerations', fixturesFile);
}
