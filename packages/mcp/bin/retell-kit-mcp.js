#!/usr/bin/env node
// `retell-kit-mcp` bin: the built server when the package is built (`pnpm generate` builds it), else
// its TypeScript sources through tsx with the workspace's `source` export condition.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = new URL('../dist/esm/cli.js', import.meta.url);
if (existsSync(fileURLToPath(built))) {
  const { main } = await import(built.href);
  process.exitCode = await main(process.argv.slice(2), root);
} else {
  const source = fileURLToPath(new URL('../src/run.ts', import.meta.url));
  // cwd = the package: `--import tsx` (and the workers' loader) resolve tsx from the workspace, whatever
  // folder the editor started us in.
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
