/**
 * Golden files: each fixture spec under test/fixtures/specs/<case>/ (one concern each) is generated
 * in memory and every client/SDK file is compared with test/generator/__goldens__/<case>/. Then the
 * goldens themselves are type-checked with `tsc --noEmit` next to the real runtime.
 * Update with `pnpm tsx scripts/update-goldens.ts` after an intended change.
 */
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/src/pipeline.js';
import { OUTPUT_DIRS, OUTPUT_FILES } from '../../generator/src/emit/files.js';
import { listTree, tempDir } from './helpers/files.js';
import { inParallel, REPO, typecheckOutput } from './helpers/typecheck.js';

const FIXTURES = path.join(REPO, 'test/fixtures/specs');
const GOLDENS = path.join(REPO, 'test/generator/__goldens__');
const CASES = readdirSync(FIXTURES).sort();

/** The client and SDK outputs are this suite's; the mock package tests its own generated data. */
function isGolden(rel: string): boolean {
  return rel.startsWith(`${OUTPUT_DIRS.client}/`) || rel.startsWith(`${OUTPUT_DIRS.sdk}/`) || Object.values(OUTPUT_FILES).includes(rel as never);
}

describe('golden outputs', () => {
  it.each(CASES)('%s matches its goldens', async (name) => {
    const { files } = await generateFiles(path.join(FIXTURES, name, 'openapi.yaml'));
    const golden = [...files.keys()].filter(isGolden);
    expect(golden.length).toBeGreaterThan(5);
    for (const rel of golden) await expect(files.get(rel)).toMatchFileSnapshot(path.join(GOLDENS, name, rel));
    // A golden left behind by a file the generator no longer writes is an error too. (Skipped while
    // scripts/update-goldens.ts rewrites them: snapshot files are only written when the run ends.)
    if (process.env['UPDATING_GOLDENS'] !== '1') expect(listTree(path.join(GOLDENS, name))).toEqual(golden.sort());
  });

  // While goldens are being rewritten they do not exist yet; the update script runs the suite again after.
  it.skipIf(process.env['UPDATING_GOLDENS'] === '1')('every golden tree type-checks with tsc --noEmit', async () => {
    const results = await inParallel(
      CASES.map((name) => async () => {
        const root = tempDir(`golden-${name}`);
        cpSync(path.join(GOLDENS, name), root, { recursive: true });
        return { name, ...(await typecheckOutput(root)) };
      }),
    );
    const failures = results.filter((r) => !r.ok).map((r) => `${r.name}:\n${r.output}`);
    expect(failures).toEqual([]);
  });
});
