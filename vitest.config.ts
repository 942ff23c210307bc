import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests import the workspace packages from source so that `pnpm test` needs no build step.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@retell-kit\/client$/, replacement: here('./packages/client/src/index.ts') },
      { find: /^@retell-kit\/client\/runtime$/, replacement: here('./packages/client/src/runtime/lean.ts') },
      { find: /^@retell-kit\/sdk$/, replacement: here('./packages/sdk/src/index.ts') },
      { find: /^@retell-kit\/mock$/, replacement: here('./packages/mock/src/index.ts') },
      { find: /^@retell-kit\/openapi-core$/, replacement: here('./packages/openapi-core/src/index.ts') },
      { find: /^@retell-kit\/diff$/, replacement: here('./packages/diff/src/index.ts') },
      { find: /^@retell-kit\/mcp$/, replacement: here('./packages/mcp/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The work in these tests scales with machine load (generation, tsc, servers on loopback), so no
    // test or hook has a tight wall-clock limit: 15 minutes only stops a run that truly hangs.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // The Python packages the suite needs, then one generation of the curated spec per run, shared by
    // the files that need it.
    globalSetup: ['test/setup/python-deps.ts', 'test/setup/curated-generation.ts'],
    // Each file's CPU seconds, and the 10 slowest files printed after the run.
    setupFiles: ['test/setup/cpu-usage.ts'],
    reporters: ['default', './test/setup/slowest-files.ts'],
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on a 2-core machine that is one file at a
    // time, while much of a file's time is spent waiting on tsc children, worker threads and sockets.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
