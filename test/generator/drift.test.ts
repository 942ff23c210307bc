/**
 * The drift check of `pnpm test`: the committed generated files are exactly what the curated spec
 * generates. Same options and comparison as `pnpm generate --check` (write/check.ts: differing, missing
 * and stale files, provenance), on the run's one shared generation instead of a second one.
 */
import { describe, expect, it } from 'vitest';
import { checkOutput } from '../../generator/src/write/check.js';
import { curatedGeneration } from './helpers/curated.js';
import { REPO } from './helpers/typecheck.js';

describe('generated code drift', () => {
  it('the committed output matches a fresh generation of spec/ (run `pnpm generate` if not)', async () => {
    const { files, warnings } = await curatedGeneration();
    // `generate --check` loads strictly: a warning there is an error.
    expect(warnings.map((w) => w.describe())).toEqual([]);
    const drift = checkOutput(REPO, files).map((d) => `${d.kind} ${d.path}${d.detail ? `: ${d.detail}` : ''}`);
    expect(drift).toEqual([]);
  });
});
