/**
 * `pnpm example`: starts the mock server on a free port, runs examples/quickstart against it as a
 * separate process (configured only through RETELL_BASE_URL / RETELL_API_KEY, as a real app is), prints
 * the app's output and what the server saw, and exits with the app's exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../packages/mock/src/index.js';

const APP = fileURLToPath(new URL('../examples/quickstart/src/main.ts', import.meta.url));
const APP_DIR = fileURLToPath(new URL('../examples/quickstart/', import.meta.url));

const seen: string[] = [];
const server = await startMockServer({ port: 0, log: (line) => seen.push(line) });
console.log(`mock server: ${server.url}`);

// `--conditions=source` resolves the workspace packages to their TypeScript sources: no build step.
const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', APP], {
  cwd: APP_DIR,
  env: { ...process.env, RETELL_BASE_URL: server.url, RETELL_API_KEY: 'quickstart-mock-key', RETELL_LOG: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const code = await new Promise<number>((resolve) => {
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`cannot start the example: ${err.message}`);
    resolve(1);
  });
});
await server.close();

console.log(`\nmock server answered ${seen.length} request(s):`);
for (const line of seen) console.log(`  ${line}`);
const failed = seen.filter((l) => !/-> 2\d\d$/.test(l));
if (code === 0 && failed.length > 0) console.error(`unexpected non-2xx answers: ${failed.length}`);
console.log(code === 0 && failed.length === 0 ? 'example finished: OK' : `example failed (exit ${code})`);
process.exit(code === 0 && failed.length === 0 ? 0 : 1);
