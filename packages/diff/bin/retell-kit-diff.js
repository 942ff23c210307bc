#!/usr/bin/env node
// `retell-kit-diff` bin: runs the built CLI (plain JavaScript, so it starts without a TypeScript loader).
// In a fresh checkout where `pnpm build` has not run yet, it falls back to the sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/esm/cli.js', import.meta.url);
let runDiffCli;
if (existsSync(built)) {
  ({ runDiffCli } = await import(built.href));
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('retell-kit diff: packages/diff is not built; run `pnpm build` (or `pnpm generate`) first\n');
    process.exit(2);
  }
  ({ runDiffCli } = await import(new URL('../src/cli.ts', import.meta.url).href));
}
try {
  process.exitCode = await runDiffCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`retell-kit diff: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 3;
}
