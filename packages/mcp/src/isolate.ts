/**
 * Runs sandbox jobs on worker threads (sandbox-worker.ts): a small pool of warm workers (QuickJS
 * loaded once each), one job per worker at a time. The main thread answers the worker's SDK calls
 * through the bridge and terminates a worker that passes the wall deadline, so no agent code can
 * hold the server: the next call gets a fresh worker. A worker whose run ended in a limit (memory,
 * stack, time) is not reused: its WebAssembly memory never shrinks, so it is terminated and the
 * memory goes back with it. At most `maxConcurrent` sandboxes run at once; the rest wait in a
 * first-come-first-served queue, and past `queueWaitMs` are answered "busy, retry".
 */
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { HostCall, RunOutcome, SandboxLimits } from './sandbox.js';
import { DEFAULT_LIMITS, HostCallError } from './sandbox.js';

/** Extra time past the sandbox's own deadline before the worker is terminated from outside. */
const GRACE_MS = 1_500;
/** Warm-up jobs: what an agent's run does (a call through the bridge, an error caught, JSON out). */
const WARM_RUNS = 6;
const WARM_JS = `async function run(client) {
  const out = [];
  try { await client.llm.retrieve('llm_warm'); } catch (e) { out.push(e.message); }
  for (let i = 0; i < 50; i++) out.push({ i, s: String(i).padStart(3, '0') });
  console.log(out.length);
  return out.slice(0, 5);
}`;
/** The longest a fresh worker may take to start before its run counts as stopped. */
const BOOT_MS = 60_000;

type FromWorker =
  | { type: 'ready' }
  | { type: 'call'; callId: number; method: string; argsJson: string; iterate: boolean }
  | { type: 'done'; outcome: RunOutcome };

/** A worker for a module: the built `.js`, or a `.ts` source loaded through tsx's loader. */
export function spawnWorker(entry: string, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { ...(workerData === undefined ? {} : { workerData }), ...(resourceLimits ? { resourceLimits } : {}) };
  const worker = entry.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`, { eval: true, ...options })
    : new Worker(entry, options);
  worker.unref();
  return worker;
}

export interface PoolOptions {
  /** Sandboxes running at once (default 4); more wait in a queue. */
  readonly maxConcurrent?: number;
  /** How long a run may wait for a free sandbox before it is answered "busy, retry" (default 15 000 ms). */
  readonly queueWaitMs?: number;
  /** Runs waiting at most; past it a run is answered "busy" at once (default 64). */
  readonly maxQueue?: number;
  /** Warm workers kept between runs (default 2). */
  readonly maxIdle?: number;
  /** V8 heap of one sandbox worker, MB (the host side of a run: dumps, JSON; QuickJS has its own limit). */
  readonly heapMb?: number;
}

/** Outcomes after which a worker is not trusted again: its WebAssembly heap may have grown to the limit. */
function spent(outcome: RunOutcome): boolean {
  if (outcome.ok) return false;
  const { name, message } = outcome.error;
  return name === 'InternalError' || name === 'TimeoutError' || name === 'SandboxError' || /memory|stack/i.test(message);
}

export class SandboxPool {
  private readonly idle: Worker[] = [];
  private running = 0;
  private readonly waiting: { start: () => void; cancel: () => void }[] = [];
  private readonly maxConcurrent: number;
  private readonly queueWaitMs: number;
  private readonly maxQueue: number;
  private readonly maxIdle: number;
  private readonly heapMb: number;

  /** `entry`: the worker module (`dist/esm/sandbox-worker.js`, or `src/sandbox-worker.ts` run through tsx). */
  constructor(
    private readonly entry: string,
    options: PoolOptions = {},
  ) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
    this.queueWaitMs = options.queueWaitMs ?? 15_000;
    this.maxQueue = options.maxQueue ?? 64;
    this.maxIdle = options.maxIdle ?? 2;
    this.heapMb = options.heapMb ?? 256;
  }

  private spawn(): Worker {
    return spawnWorker(this.entry, undefined, { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 32 });
  }

  /**
   * Starts a worker now (it loads QuickJS while the server waits for work), then runs a few small jobs
   * in it: V8 compiles the WebAssembly engine and the bridge's paths to optimised code only after they
   * have run, and the first agent runs would otherwise pay for that (ten times a warm run's time).
   * `limits`: the server's (the first run sizes the worker's WebAssembly memory to its memory limit).
   */
  async warmUp(limits: SandboxLimits = DEFAULT_LIMITS): Promise<void> {
    const worker = this.spawn();
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => {
        this.release(worker);
        resolve();
      });
      worker.once('error', reject);
    });
    const refuse: HostCall = () => Promise.reject(new Error('warm-up'));
    for (let i = 0; i < WARM_RUNS; i++) await this.run(WARM_JS, ['agent.list', 'llm.retrieve'], refuse, { ...limits, timeoutMs: Math.min(limits.timeoutMs, 5_000) });
  }

  private release(worker: Worker): void {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    if (this.idle.length < this.maxIdle) this.idle.push(worker);
    else void worker.terminate();
  }

  /** Waits for a free sandbox slot; false when the wait ran out (or the queue is full). */
  private acquire(): Promise<boolean> {
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.maxQueue) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const entry = {
        start: () => {
          clearTimeout(timer);
          this.running += 1;
          resolve(true);
        },
        cancel: () => {
          clearTimeout(timer);
          resolve(false);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        resolve(false);
      }, this.queueWaitMs);
      this.waiting.push(entry);
    });
  }

  private releaseSlot(): void {
    this.running -= 1;
    this.waiting.shift()?.start();
  }

  async run(js: string, methods: readonly string[], host: HostCall, limits: SandboxLimits): Promise<RunOutcome> {
    const queued = performance.now();
    if (!(await this.acquire())) {
      return {
        ok: false,
        error: { name: 'BusyError', message: `the server is busy (${this.running} sandboxes running, ${this.waiting.length} waiting); nothing was run, retry in a few seconds` },
        console: '',
        calls: 0,
        ms: Math.round(performance.now() - queued),
      };
    }
    try {
      return await this.runNow(js, methods, host, limits);
    } finally {
      this.releaseSlot();
    }
  }

  private runNow(js: string, methods: readonly string[], host: HostCall, limits: SandboxLimits): Promise<RunOutcome> {
    const warm = this.idle.pop();
    const worker = warm ?? this.spawn();
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
      const stop = () => finish({ ok: false, error: { name: 'TimeoutError', message: `the code did not finish within ${limits.timeoutMs} ms (sandbox stopped)` }, console: '', calls, ms: Math.round(performance.now() - started) }, false);
      // A fresh worker's start (loading QuickJS) does not count against the run's time; it has its own bound.
      let killer = setTimeout(stop, limits.timeoutMs + GRACE_MS + (warm ? 0 : BOOT_MS));
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          clearTimeout(killer);
          killer = setTimeout(stop, limits.timeoutMs + GRACE_MS);
        } else if (msg.type === 'done') finish(msg.outcome, !spent(msg.outcome));
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
    for (const w of this.waiting.splice(0)) w.cancel();
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}
