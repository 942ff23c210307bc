/**
 * The curated spec's generation, made once per test run by test/setup/curated-generation.ts and read
 * here (each test file gets its own copy, so no file can change what another sees). Run outside that
 * setup (another config), it generates in place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { generateFiles, threadMode, type ThreadMode } from '../../../generator/src/pipeline.js';
import { REPO } from './typecheck.js';

export interface CuratedGeneration {
  readonly files: Map<string, string>;
  readonly model: Awaited<ReturnType<typeof generateFiles>>['model'];
  readonly warnings: Awaited<ReturnType<typeof generateFiles>>['warnings'];
  /** The threading mode it was generated in. */
  readonly mode: ThreadMode;
}

let cached: Promise<CuratedGeneration> | undefined;

export function curatedGeneration(): Promise<CuratedGeneration> {
  return (cached ??= (async () => {
    const file = inject('curatedGeneration');
    if (file) return deserialize(readFileSync(file)) as CuratedGeneration;
    const spec = path.join(REPO, 'spec/openapi.yaml');
    const mode = threadMode(spec);
    return { ...(await generateFiles(spec, { threads: mode })), mode };
  })());
}
