/**
 * vitest globalSetup: generates the curated spec (spec/openapi.yaml) once per run instead of once per
 * test file that needs it, and hands the result to those files as a file path (`inject('curatedGeneration')`,
 * read by test/generator/helpers/curated.ts). The result is cached under node_modules/.cache keyed by
 * the bytes of the spec, the generator's sources and the lockfile, so a repeated local run with nothing
 * changed skips even that one generation; a fresh checkout (CI) always generates.
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
  }
}

const REPO = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(REPO, 'node_modules/.cache/retell-kit-tests');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** Everything the curated generation's bytes depend on. */
function inputsKey(): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(path.join(REPO, 'spec')), ...filesUnder(path.join(REPO, 'generator/src')), path.join(REPO, 'pnpm-lock.yaml')].sort();
  for (const file of inputs) hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 24);
}

export default async function setup(project: TestProject): Promise<void> {
  const file = path.join(CACHE_DIR, `curated-${inputsKey()}.bin`);
  if (!existsSync(file)) {
    const spec = path.join(REPO, 'spec/openapi.yaml');
    const mode = threadMode(spec);
    const { files, model, warnings } = await generateFiles(spec, { threads: mode });
    mkdirSync(CACHE_DIR, { recursive: true });
    // Older entries are for inputs that no longer exist.
    for (const old of readdirSync(CACHE_DIR)) if (old.startsWith('curated-')) rmSync(path.join(CACHE_DIR, old), { force: true });
    // Written whole, then renamed: a run killed halfway never leaves a truncated entry behind.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, serialize({ files, model, warnings, mode }));
    renameSync(partial, file);
  }
  project.provide('curatedGeneration', file);
}
