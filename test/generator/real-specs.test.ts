/**
 * Generality on large real-world specs installed from npm: GitHub's REST API (@octokit/openapi,
 * ~1,200 operations, 13 MB, OpenAPI 3.0) and Directus (@directus/specs, OpenAPI 3.0). Each is
 * generated and the client and facade are type-checked with `tsc --noEmit`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIRS } from '../../generator/src/emit/files.js';
import { SpecError } from '../../generator/src/errors.js';
import { generateFiles } from '../../generator/src/pipeline.js';
import { tempDir, writeTree } from './helpers/files.js';
import { typecheckOutput } from './helpers/typecheck.js';

const require = createRequire(import.meta.url);
/** A data file inside an installed package, found through its package.json (some packages export no subpaths). */
const packageFile = (pkg: string, rel: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);

export const REAL_SPECS = [
  { name: 'github', file: packageFile('@octokit/openapi', 'generated/api.github.com.json'), minOperations: 1000, warnings: 0 },
  // Directus ships one structural defect (`schema: null` on a request body): loaded leniently, reported.
  { name: 'directus', file: packageFile('@directus/specs', 'dist/openapi.json'), minOperations: 100, warnings: 1 },
] as const;

describe('real-world specs', () => {
  it.each(REAL_SPECS)('$name: generates and type-checks', async ({ name, file, minOperations, warnings }) => {
    // Unformatted, as the generator wrote specs of this size before `--format` stopped following the size.
    const result = await generateFiles(file, { strict: warnings === 0, format: 'never' });
    const { files, model } = result;
    expect(result.warnings).toHaveLength(warnings);
    expect(model.operations.length).toBeGreaterThanOrEqual(minOperations);
    // Every operation is reachable from the facade exactly once per binding.
    const methods = model.resources.reduce((n, r) => n + r.methods.length, 0);
    expect(methods).toBe(model.operations.length);
    const root = tempDir(`real-${name}`);
    writeTree(root, new Map([...files].filter(([rel]) => rel.startsWith(OUTPUT_DIRS.client) || rel.startsWith(OUTPUT_DIRS.sdk) || rel === 'packages/sdk/src/index.ts')));
    const check = await typecheckOutput(root);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
  });

  it.each(['serial', 'pool'] as const)('directus in strict mode is rejected (%s validation)', async (threads) => {
    const error = await generateFiles(REAL_SPECS[1].file, { threads }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).code).toBe('invalid-structure');
    expect((error as SpecError).describe()).toMatch(/openapi\.json#\/paths\/~1items~1\{collection\}\/post\/requestBody/);
  });
});
