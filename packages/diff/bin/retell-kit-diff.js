#!/usr/bin/env node
// `retell-kit-diff` bin: runs the built CLI (plain JavaScript, so it starts without a TypeScript loader).
// In a fresh checkout where `pnpm build` has not run yet, it falls back to the sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/esm/cli.js', import.meta.url);
let runDiffCli;
if (existsSync(built)) {
  ({ runDiffCli } = await import(built.href));
} else {
  // The sources import the shared core (@retell-kit/openapi-core) through its `source` export condition, which
  // only a process started with `--conditions=source` follows: start one, once.
  if (!process.execArgv.includes('--conditions=source')) {
    const { spawnSync } = await import('node:child_process');
    const args = ['--conditions=source', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
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
