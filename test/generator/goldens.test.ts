/**
 * Golden files: each fixture spec under test/fixtures/specs/<case>/ (one concern each) is generated
 * in memory (once per run, shared: helpers/fixtures.ts) and every client/SDK file is compared with
 * test/generator/__goldens__/<case>/. Then the goldens themselves are type-checked with `tsc --noEmit`
 * next to the real runtime, all cases in one tsc program.
 * Update with `pnpm tsx scripts/update-goldens.ts` after an intended change.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIRS, OUTPUT_FILES } from '../../generator/src/emit/files.js';
import { listTree, tempDir } from './helpers/files.js';
import { FIXTURE_CASES as CASES, fixtureGeneration } from './helpers/fixtures.js';
import { REPO, typecheckTrees } from './helpers/typecheck.js';

const GOLDENS = path.join(REPO, 'test/generator/__goldens__');

/** The client and SDK outputs are this suite's; the mock package tests its own generated data. */
function isGolden(rel: string): boolean {
  return rel.startsWith(`${OUTPUT_DIRS.client}/`) || rel.startsWith(`${OUTPUT_DIRS.sdk}/`) || Object.values(OUTPUT_FILES).includes(rel as never);
}

describe('golden outputs', () => {
  it.each(CASES)('%s matches its goldens', async (name) => {
    const { files } = await fixtureGeneration(name);
    const golden = [...files.keys()].filter(isGolden);
    expect(golden.length).toBeGreaterThan(5);
    for (const rel of golden) await expect(files.get(rel)).toMatchFileSnapshot(path.join(GOLDENS, name, rel));
    // A golden left behind by a file the generator no longer writes is an error too. (Skipped while
    // scripts/update-goldens.ts rewrites them: snapshot files are only written when the run ends.)
    if (process.env['UPDATING_GOLDENS'] !== '1') expect(listTree(path.join(GOLDENS, name))).toEqual(golden.sort());
  });

  // While goldens are being rewritten they do not exist yet; the update script runs the suite again after.
  it.skipIf(process.env['UPDATING_GOLDENS'] === '1')('every golden tree type-checks with tsc --noEmit', async () => {
    const parent = tempDir('goldens');
    for (const name of CASES) cpSync(path.join(GOLDENS, name), path.join(parent, name), { recursive: true });
    const result = await typecheckTrees(parent, CASES);
    // Errors name their file, so their case: `<case>/packages/...`.
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
