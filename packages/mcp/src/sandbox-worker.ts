/**
 * The sandbox's thread: runs QuickJS for one job at a time (sandbox.ts) and forwards its SDK calls to
 * the main thread by message. Living on its own thread, a run that no interrupt can stop (one long
 * native operation, a slow allocation near the memory limit) costs only this worker, which the main
 * thread terminates at the wall deadline; the server keeps answering meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { HostCallError, runInSandbox, type SandboxLimits } from './sandbox.js';

export interface JobMessage {
  readonly type: 'job';
  readonly js: string;
  readonly methods: readonly string[];
  readonly limits: SandboxLimits;
}
export interface ReplyMessage {
  readonly type: 'reply';
  readonly callId: number;
  readonly ok: boolean;
  readonly text?: string;
  readonly error?: { readonly message: string; readonly name: string; readonly status?: number; readonly body?: unknown };
}

const port = parentPort;
if (port) {
  let nextCall = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();
  port.on('message', (msg: JobMessage | ReplyMessage) => {
    if (msg.type === 'reply') {
      const p = pending.get(msg.callId);
      pending.delete(msg.callId);
      if (!p) return;
      if (msg.ok) p.resolve(msg.text ?? 'null');
      else p.reject(new HostCallError(msg.error?.message ?? 'host call failed', { name: msg.error?.name ?? 'Error', ...(msg.error?.status !== undefined ? { status: msg.error.status, body: msg.error.body } : {}) }));
      return;
    }
    const host = (method: string, argsJson: string, iterate: boolean) =>
      new Promise<string>((resolve, reject) => {
        const callId = ++nextCall;
        pending.set(callId, { resolve, reject });
        port.postMessage({ type: 'call', callId, method, argsJson, iterate });
      });
    runInSandbox(msg.js, msg.methods, host, msg.limits).then(
      (outcome) => port.postMessage({ type: 'done', outcome }),
      (error: unknown) => port.postMessage({ type: 'done', outcome: { ok: false, error: { name: 'SandboxError', message: String(error) }, console: '', calls: 0, ms: 0 } }),
    );
  });
  port.postMessage({ type: 'ready' });
}
