/**
 * Runs sandbox jobs on worker threads (sandbox-worker.ts): a small pool of warm workers (QuickJS
 * loaded once each), one job per worker at a time. The main thread answers the worker's SDK calls
 * through the bridge and terminates a worker that passes the wall deadline, so no agent code can
 * hold the server: the next call gets a fresh worker.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostCall, RunOutcome, SandboxLimits } from './sandbox.js';
import { HostCallError } from './sandbox.js';

/** Extra time past the sandbox's own deadline before the worker is terminated from outside. */
const GRACE_MS = 1_500;

type FromWorker =
  | { type: 'ready' }
  | { type: 'call'; callId: number; method: string; argsJson: string; iterate: boolean }
  | { type: 'done'; outcome: RunOutcome };

/** A worker for a module: the built `.js`, or a `.ts` source loaded through tsx's loader. */
export function spawnWorker(entry: string, workerData?: unknown): Worker {
  const options = workerData === undefined ? {} : { workerData };
  const worker = entry.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`, { eval: true, ...options })
    : new Worker(entry, options);
  worker.unref();
  return worker;
}

export class SandboxPool {
  private readonly idle: Worker[] = [];

  /** `entry`: the worker module (`dist/esm/sandbox-worker.js`, or `src/sandbox-worker.ts` run through tsx). */
  constructor(
    private readonly entry: string,
    private readonly maxIdle = 2,
  ) {}

  private spawn(): Worker {
    return spawnWorker(this.entry);
  }

  /** Starts a worker now (it loads QuickJS while the server waits for work). */
  warmUp(): Promise<void> {
    const worker = this.spawn();
    return new Promise((resolve, reject) => {
      worker.once('message', () => {
        this.release(worker);
        resolve();
      });
      worker.once('error', reject);
    });
  }

  private release(worker: Worker): void {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    if (this.idle.length < this.maxIdle) this.idle.push(worker);
    else void worker.terminate();
  }

  run(js: string, methods: readonly string[], host: HostCall, limits: SandboxLimits): Promise<RunOutcome> {
    const worker = this.idle.pop() ?? this.spawn();
    const started = performance.now();
    let calls = 0;
    return new Promise<RunOutcome>((resolve) => {
      let done = false;
      const finish = (outcome: RunOutcome, reusable: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(killer);
        if (reusable) this.release(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      const killer = setTimeout(() => {
        finish({ ok: false, error: { name: 'TimeoutError', message: `the code did not finish within ${limits.timeoutMs} ms (sandbox stopped)` }, console: '', calls, ms: Math.round(performance.now() - started) }, false);
      }, limits.timeoutMs + GRACE_MS);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'done') finish(msg.outcome, true);
        else if (msg.type === 'call') {
          calls += 1;
          host(msg.method, msg.argsJson, msg.iterate).then(
            (text) => !done && worker.postMessage({ type: 'reply', callId: msg.callId, ok: true, text }),
            (error: unknown) => {
              if (done) return;
              const details = error instanceof HostCallError ? error.details : { name: error instanceof Error ? error.name : 'Error' };
              worker.postMessage({ type: 'reply', callId: msg.callId, ok: false, error: { ...details, message: error instanceof Error ? error.message : String(error) } });
            },
          );
        }
      });
      worker.on('error', (error) => finish({ ok: false, error: { name: 'SandboxError', message: `the sandbox failed: ${error.message}` }, console: '', calls, ms: Math.round(performance.now() - started) }, false));
      worker.on('exit', (code) => finish({ ok: false, error: { name: 'SandboxError', message: `the sandbox stopped (exit ${code})` }, console: '', calls, ms: Math.round(performance.now() - started) }, false));
      worker.postMessage({ type: 'job', js, methods, limits });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}
