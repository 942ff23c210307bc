/**
 * `pnpm example:llm`: starts the example server as its own process (as a user's server would run),
 * replays script.yaml against it with the simulator (`retell-kit llm-sim`), prints the transcript with
 * timing and the verdict, and exits with the simulator's exit code. Offline: loopback only.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLlmSimCli } from '@retell-kit/llm-socket';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../script.yaml', import.meta.url));

const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', SERVER], {
  env: { ...process.env, PORT: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string | undefined>((resolve) => {
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    console.log(`server: ${line}`);
    const match = /listening: (ws:\/\/\S+)\/\{call_id\}/.exec(line);
    if (match) resolve(match[1]);
  });
  child.on('exit', () => resolve(undefined));
  setTimeout(() => resolve(undefined), 30_000).unref();
});

let code = 1;
if (!url) console.error('the example server did not start');
else code = await runLlmSimCli([url, '--script', SCRIPT]);
child.kill('SIGTERM');
console.log(code === 0 ? 'example finished: OK' : `example failed (exit ${code})`);
process.exit(code);
