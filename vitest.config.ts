import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests import the workspace packages from source so that `pnpm test` needs no build step.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@retell-kit\/client$/, replacement: here('./packages/client/src/index.ts') },
      { find: /^@retell-kit\/sdk$/, replacement: here('./packages/sdk/src/index.ts') },
      { find: /^@retell-kit\/mock$/, replacement: here('./packages/mock/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // beforeAll hooks that generate or type-check take far longer than the 10 s default on a loaded 2-core machine.
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
