/**
 * A local HTTP server for fault tests: node:http on 127.0.0.1, a free port, one handler per test. Unlike
 * nock it speaks real TCP, so a reset or a stalled body reaches undici exactly as it would from a network.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface FaultServer {
  readonly url: string;
  /** Requests received so far. */
  readonly hits: () => number;
  close(): Promise<void>;
}

export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    // Drain the request body first so a handler sees the whole request before it misbehaves.
    req.resume();
    req.on('end', () => handler(req, res, hits));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headers of a JSON reply that promises `length` bytes. */
export function jsonHead(length: number): Record<string, string> {
  return { 'content-type': 'application/json', 'content-length': String(length) };
}

/** Resolves with `'pending'` after `ms` unless `promise` settles first (then with its outcome). */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<{ value?: T; error?: unknown } | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return Promise.race([outcome, deadline]).finally(() => clearTimeout(timer));
}
