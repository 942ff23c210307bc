/**
 * The fixture specs' generations (test/fixtures/specs/<case>, default options), made once per test run
 * by test/setup/curated-generation.ts and read here. Run outside that setup (another config), each is
 * generated in place on first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { generateFiles } from '../../../generator/src/pipeline.js';
import { REPO } from './typecheck.js';

export const FIXTURES_DIR = path.join(REPO, 'test/fixtures/specs');
export const FIXTURE_CASES = readdirSync(FIXTURES_DIR).sort();

export interface FixtureGeneration {
  readonly files: Map<string, string>;
  readonly warnings: readonly unknown[];
}

let shared: Map<string, FixtureGeneration> | undefined;
const local = new Map<string, Promise<FixtureGeneration>>();

export function fixtureGeneration(name: string): Promise<FixtureGeneration> {
  const file = inject('fixtureGenerations');
  if (file) {
    shared ??= deserialize(readFileSync(file)) as Map<string, FixtureGeneration>;
    const found = shared.get(name);
    if (!found) throw new Error(`no shared generation for fixture ${name}`);
    return Promise.resolve(found);
  }
  let entry = local.get(name);
  if (!entry) {
    entry = generateFiles(path.join(FIXTURES_DIR, name, 'openapi.yaml'));
    local.set(name, entry);
  }
  return entry;
}
