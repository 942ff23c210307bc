import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `pnpm test:quick`, the inner loop (under a minute): the unit, runtime, mock, contract, diff, MCP and
 * socket tests against the committed generated code. Left to `pnpm test` (which proves everything):
 * generating specs (curated, fixtures, third-party), type-checking generated output with tsc/pyright,
 * pytest, the spec lint, fuzzing, the files that spawn CLIs or third-party servers, and the few other
 * files over 5 CPU seconds. Measured: see the README's test-suite figures.
 */
export const HEAVY = [
  'test/generator/api-doc.test.ts',
  'test/generator/determinism.test.ts',
  'test/generator/drift.test.ts',
  'test/generator/format-split.test.ts',
  'test/generator/generality.test.ts',
  'test/generator/goldens.test.ts',
  'test/generator/hostile-text.test.ts',
  'test/generator/real-specs.test.ts',
  'test/generator/sdk-compat-types.test.ts',
  'test/generator/sdk-parity.test.ts',
  'test/generator/sdk-surface-types.test.ts',
  'test/python/python.test.ts',
  'test/spec/lint.test.ts',
  'test/mock/fuzz.test.ts',
  'test/mcp/stdio.test.ts',
  'test/contract/prism-multipart.test.ts',
  'test/diff/cli.test.ts',
  'test/packaging/readme-commands.test.ts',
  // Each over 5 CPU s: the generator CLI end to end, every mock sample and spec example validated,
  // MCP over HTTP, the docs index build, and a 50 MB error body.
  'test/generator/cli.test.ts',
  'test/mock/samples.test.ts',
  'test/spec/examples.test.ts',
  'test/mcp/http.test.ts',
  'test/mcp/docs-index.test.ts',
  'test/runtime/error-serialization.test.ts',
];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [...(base.test?.exclude ?? ['**/node_modules/**']), ...HEAVY],
    // No shared generation: no file here generates a spec. The Python packages are still provisioned.
    globalSetup: ['test/setup/python-deps.ts'],
  },
});
