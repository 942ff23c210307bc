/**
 * The server's handle on the type checker's worker thread (checker-worker.ts): `check(code)` as a
 * promise. One worker, started on first use (or by `warmUp`), restarted if it dies.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckResult, Diagnostic } from './diagnostics.js';
import { spawnWorker } from './isolate.js';

export interface Checker {
  check(code: string): Promise<CheckResult>;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export class RemoteChecker implements Checker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: CheckResult) => void; reject: (e: Error) => void }>();

  /** `entry`: `checker-worker.js` (built) or `.ts` (source, through tsx). */
  constructor(
    private readonly entry: string,
    private readonly packageRoot: string,
  ) {}

  static besideSandbox(sandboxEntry: string, packageRoot: string): RemoteChecker {
    const ext = path.extname(sandboxEntry);
    return new RemoteChecker(path.join(path.dirname(sandboxEntry), `checker-worker${ext}`), packageRoot);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker(this.entry, { packageRoot: this.packageRoot });
    worker.on('message', (msg: { id: number; diagnostics?: Diagnostic[]; js?: string; error?: string }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error !== undefined) p.reject(new Error(`type checker: ${msg.error}`));
      else p.resolve({ diagnostics: msg.diagnostics ?? [], ...(msg.js !== undefined ? { js: msg.js } : {}) });
    });
    const fail = (why: string) => {
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(new Error(`type checker stopped: ${why}`));
      this.pending.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  private send(code: string | undefined): Promise<CheckResult> {
    const worker = this.ensure();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(code === undefined ? { id } : { id, code });
    });
  }

  check(code: string): Promise<CheckResult> {
    return this.send(code);
  }

  async warmUp(): Promise<void> {
    await this.send(undefined);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
