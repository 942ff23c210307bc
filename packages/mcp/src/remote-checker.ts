/**
 * The server's handle on the type checkers (checker-worker.ts): `check(code)` as a promise, served by a
 * small pool of warm worker threads from one first-come-first-served queue. Type-level code can make
 * TypeScript work for minutes (template-literal cross products) or grow without bound, so each check
 * has a deadline and each worker a heap limit: a worker past either is terminated and replaced, and
 * the check answers with a clear error. With two or more checkers, one bomb holds only its own slot;
 * the next `execute` goes to another warm checker.
 */
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { CheckResult, Diagnostic } from './diagnostics.js';
import { CheckCache } from './check-cache.js';
import { spawnWorker } from './isolate.js';

export interface Checker {
  check(code: string): Promise<CheckResult>;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface CheckerOptions {
  /** Checkers running side by side (default 2). */
  readonly size?: number;
  /** Deadline of one check, ms (default 10 000; `--typecheck-timeout` seconds). */
  readonly deadlineMs?: number;
  /** Checks waiting for a checker; past it a check is refused as busy (default 64). */
  readonly maxQueue?: number;
  /** Old-generation heap of one checker, MB (default 768). */
  readonly heapMb?: number;
  /** Finished checks remembered by code hash (default 256; 0 = every check runs). */
  readonly cacheEntries?: number;
}

/** Why a check did not run to an answer; the message is what the agent sees. */
export class CheckerError extends Error {}

interface Job {
  readonly code: string;
  readonly resolve: (r: CheckResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Warm (language service built) and not checking. */
  idle: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Promise of the warm-up answer. */
  ready: Promise<void>;
}

type Reply = { id: number; diagnostics?: Diagnostic[]; js?: string; map?: string; error?: string };

export class RemoteChecker implements Checker {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly size: number;
  private readonly deadlineMs: number;
  private readonly maxQueue: number;
  private readonly heapMb: number;
  private closed = false;
  /** Same code → same answer (the declarations never change while the server runs). */
  readonly cache: CheckCache;
  /** Checks of the same code already under way: a burst of one script runs one check. */
  private readonly inflight = new Map<string, Promise<CheckResult>>();
  private warmed = 0;
  private allWarm!: () => void;
  private readonly allWarmPromise = new Promise<void>((resolve) => (this.allWarm = resolve));

  /** `entry`: `checker-worker.js` (built) or `.ts` (source, through tsx). */
  constructor(
    private readonly entry: string,
    private readonly packageRoot: string,
    options: CheckerOptions = {},
  ) {
    this.size = Math.max(1, options.size ?? 2);
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.maxQueue = options.maxQueue ?? 64;
    this.heapMb = options.heapMb ?? 768;
    this.cache = new CheckCache({ maxEntries: options.cacheEntries ?? 256 });
  }

  static besideSandbox(sandboxEntry: string, packageRoot: string, options?: CheckerOptions): RemoteChecker {
    const ext = path.extname(sandboxEntry);
    return new RemoteChecker(path.join(path.dirname(sandboxEntry), `checker-worker${ext}`), packageRoot, options);
  }

  /** A new warm-up-first checker in place of `old` (or a new slot). */
  private spawn(old?: Slot): Slot {
    const worker = spawnWorker(this.entry, { packageRoot: this.packageRoot }, { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 });
    let warmed!: () => void;
    let failed!: (e: Error) => void;
    const slot: Slot = { worker, idle: false, ready: new Promise<void>((ok, ko) => ((warmed = ok), (failed = ko))) };
    slot.ready.catch(() => undefined);
    if (old) this.slots[this.slots.indexOf(old)] = slot;
    else this.slots.push(slot);
    worker.on('message', (msg: Reply) => {
      if (msg.id === 0) {
        slot.idle = true;
        warmed();
        if (++this.warmed >= this.size) this.allWarm();
        this.pump();
        // Checkers warm one after another: on a busy machine the first must not share its CPU.
        if (!this.closed && this.slots.length < this.size) this.spawn();
        return;
      }
      const job = slot.job;
      if (!job) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      slot.idle = true;
      if (msg.error !== undefined) job.reject(new CheckerError(`type checker: ${msg.error}`));
      else job.resolve({ diagnostics: msg.diagnostics ?? [], ...(msg.js !== undefined ? { js: msg.js } : {}), ...(msg.map !== undefined ? { map: msg.map } : {}) });
      this.pump();
    });
    const died = (why: string) => {
      if (!this.slots.includes(slot)) return;
      clearTimeout(slot.timer);
      const job = slot.job;
      slot.job = undefined;
      const wasWarm = slot.idle || job !== undefined;
      failed(new CheckerError(`type checker stopped: ${why}`));
      job?.reject(new CheckerError(/memory/i.test(why) ? 'the type check ran out of memory (type-level code too large?); simplify the types' : `the type checker stopped (${why})`));
      if (this.closed) return;
      if (wasWarm) this.spawn(slot);
      else {
        // It died while warming up: do not loop; answer the queue and let the next check try again.
        this.slots.splice(this.slots.indexOf(slot), 1);
        for (const j of this.queue.splice(0)) j.reject(new CheckerError(`the type checker failed to start: ${why}`));
      }
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => died(`exit ${code}`));
    worker.postMessage({ id: 0 });
    return slot;
  }

  /** Starts the first checker; the others follow as each warms (see the warm-up answer). */
  private fill(): void {
    if (this.slots.length === 0) this.spawn();
  }

  /** Hands queued checks to idle checkers, oldest first. */
  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.idle) continue;
      const job = this.queue.shift()!;
      slot.idle = false;
      slot.job = job;
      slot.timer = setTimeout(() => {
        // Past the deadline: the job fails now; the worker is killed and a fresh one warms up.
        slot.job = undefined;
        job.reject(new CheckerError(`the type check did not finish within ${this.deadlineMs / 1000} s (type-level code too expensive?); simplify the types or use explicit annotations`));
        this.spawn(slot);
        void slot.worker.terminate();
        this.pump();
      }, this.deadlineMs);
      slot.worker.postMessage({ id: 1, code: job.code });
    }
  }

  check(code: string): Promise<CheckResult> {
    if (this.closed) return Promise.reject(new CheckerError('the server is closing'));
    const key = CheckCache.key(code);
    const known = this.cache.get(key);
    if (known) return Promise.resolve(known);
    const running = this.inflight.get(key);
    if (running) return running;
    if (this.queue.length >= this.maxQueue) return Promise.reject(new CheckerError(`the server is busy (${this.queue.length} type checks waiting); retry in a few seconds`));
    this.fill();
    const answer = new Promise<CheckResult>((resolve, reject) => {
      this.queue.push({ code, resolve, reject });
      this.pump();
    });
    this.inflight.set(key, answer);
    // Only answers are remembered; a deadline or a dead worker is not a property of the code's types.
    answer.then(
      (result) => {
        this.inflight.delete(key);
        this.cache.set(key, code, result);
      },
      () => this.inflight.delete(key),
    );
    return answer;
  }

  /** Resolves once every checker has warmed (one after another). */
  async warmUp(): Promise<void> {
    this.fill();
    await Promise.race([this.allWarmPromise, ...this.slots.map((s) => s.ready)]).then(() => this.allWarmPromise);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new CheckerError('the server is closing'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
