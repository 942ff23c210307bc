/** Starts a Python custom-LLM server (Debian's /usr/bin/python3 with python3-websockets) and waits for its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PYTHON = '/usr/bin/python3';

export interface PythonServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startPython(script: string, args: string[] = []): Promise<PythonServer> {
  const child: ChildProcess = spawn(PYTHON, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, PYTHONPATH: `${ROOT}packages/python/src`, PYTHONUNBUFFERED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python server did not start:\n${output}`)), 60_000);
    const check = (): void => {
      const m = /listening (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`python server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
