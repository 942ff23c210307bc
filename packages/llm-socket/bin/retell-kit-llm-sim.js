#!/usr/bin/env node
// `retell-kit-llm-sim` bin: the built simulator when the package is built (`pnpm generate` builds it),
// else its TypeScript sources through tsx with the workspace's `source` export condition, so the bin
// works from a fresh clone before any build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/esm/sim/cli-run.js', import.meta.url);
if (existsSync(fileURLToPath(built))) {
  const { runLlmSimCli } = await import(built.href);
  process.exitCode = await runLlmSimCli(process.argv.slice(2));
} else {
  const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  // tsx is resolved from this package (the workspace has it), and the caller's cwd is kept so that
  // relative --script / --record paths mean what the user typed.
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
