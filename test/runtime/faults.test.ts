/**
 * The transport against a real misbehaving server (see fault-server.ts): a connection reset after the
 * headers, a body that stalls, and what the caller's signal and the per-attempt timeout do about them.
 * Deadlines here are generous bounds on "still pending", never timings: each case settles in well
 * under a second on a quiet machine and is given 10 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  RetellError,
} from '@retell-kit/client';
import { captureLogger, getAgentOp, KEY, makeClient, makePathClient } from './helpers.js';
import { jsonHead, settledWithin, startFaultServer, type FaultServer } from './fault-server.js';

const PENDING_BOUND_MS = 10_000;
const body = JSON.stringify({ agent_id: 'a1', agent_name: 'x'.repeat(2_000) });

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends the headers and part of the body, then resets the connection. */
function resetMidBody(res: import('node:http').ServerResponse): void {
  res.writeHead(200, jsonHead(Buffer.byteLength(body)));
  res.write(body.slice(0, 100), () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
}

/** Sends the headers and part of the body, then never sends the rest. */
function stallBody(res: import('node:http').ServerResponse): void {
  res.writeHead(200, jsonHead(Buffer.byteLength(body)));
  res.write(body.slice(0, 100));
}

const path = { path: { agent_id: 'a1' } };

describe('a connection reset after the headers', () => {
  it('is an APIConnectionError, not undici\'s raw TypeError', async () => {
    server = await startFaultServer((_req, res) => resetMidBody(res));
    const error = await makeClient({ baseURL: server.url, maxRetries: 0 }).request(getAgentOp, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(RetellError);
    expect((error as Error).message).not.toContain(KEY);
  });

  it('is retried like any connection error, and the retry\'s body is the answer', async () => {
    server = await startFaultServer((_req, res, hit) => {
      if (hit === 1) return resetMidBody(res);
      res.writeHead(200, jsonHead(Buffer.byteLength(body))).end(body);
    });
    const { data, attempts } = await makeClient({ baseURL: server.url, maxRetries: 2 }).request<{ agent_id: string }>(getAgentOp, path).withResponse();
    expect(data.agent_id).toBe('a1');
    expect(attempts).toBe(2);
    expect(server.hits()).toBe(2);
  });

  it('is an APIConnectionError for an error response whose body is cut, too', async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(400, jsonHead(500));
      res.write('{"message":"bad', () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
    });
    const error = await makeClient({ baseURL: server.url, maxRetries: 1 }).request(getAgentOp, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.hits()).toBe(2);
  });
});

describe('a body that stalls after the headers', () => {
  it('the caller\'s signal ends the call, whatever the timeout', async () => {
    server = await startFaultServer((_req, res) => stallBody(res));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const call = makeClient({ baseURL: server.url, timeout: 60_000, maxRetries: 2 }).request(getAgentOp, path, { signal: controller.signal });
    const outcome = await settledWithin(call, PENDING_BOUND_MS);
    expect(outcome).not.toBe('pending');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(APIUserAbortError);
    expect(server.hits()).toBe(1);
  });

  it('the caller\'s signal wins over retries of timed-out attempts (timeout 150 ms, abort at 600 ms)', async () => {
    server = await startFaultServer((_req, res) => stallBody(res));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 600);
    const call = makeClient({ baseURL: server.url, timeout: 150, maxRetries: 50 }).request(getAgentOp, path, { signal: controller.signal });
    const outcome = await settledWithin(call, PENDING_BOUND_MS);
    expect(outcome).not.toBe('pending');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(APIUserAbortError);
  });

  it('the per-attempt timeout covers reading the body: each attempt times out, then the last error is a timeout', async () => {
    server = await startFaultServer((_req, res) => stallBody(res));
    const call = makeClient({ baseURL: server.url, timeout: 150, maxRetries: 1 }).request(getAgentOp, path);
    const outcome = await settledWithin(call, PENDING_BOUND_MS);
    expect(outcome).not.toBe('pending');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.hits()).toBe(2);
  });

  it('a stalled attempt is retried and a good second attempt is the answer', async () => {
    server = await startFaultServer((_req, res, hit) => {
      if (hit === 1) return stallBody(res);
      res.writeHead(200, jsonHead(Buffer.byteLength(body))).end(body);
    });
    // A timeout far above a loopback round trip, and spare retries, so a busy machine cannot fail it.
    const { data, attempts } = await makeClient({ baseURL: server.url, timeout: 1_000, maxRetries: 4 }).request<{ agent_id: string }>(getAgentOp, path).withResponse();
    expect(data.agent_id).toBe('a1');
    expect(attempts).toBeGreaterThanOrEqual(2);
  });

  it('the caller\'s signal wins even over a custom fetch whose body ignores aborts', async () => {
    // A fetch that never honours the signal: its body yields one chunk and then waits forever.
    const stubbornFetch = async (): Promise<Response> =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"agent_id":')) }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const call = makeClient({ fetch: stubbornFetch as typeof fetch, timeout: 60_000 }).request(getAgentOp, path, { signal: controller.signal });
    const outcome = await settledWithin(call, PENDING_BOUND_MS);
    expect(outcome).not.toBe('pending');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(APIUserAbortError);
  });

  it('the typed path methods get the same timeout over the body', async () => {
    server = await startFaultServer((_req, res) => stallBody(res));
    const client = makePathClient({ baseURL: server.url, timeout: 150, maxRetries: 0 }) as unknown as {
      GET(path: string, init: object): Promise<unknown>;
    };
    const outcome = await settledWithin(client.GET('/get-agent/{agent_id}', { params: { path: { agent_id: 'a1' } } }), PENDING_BOUND_MS);
    expect(outcome).not.toBe('pending');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('a body that arrives', () => {
  it('is still a fresh, unread Response for asResponse(), with status, headers and url', async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { ...jsonHead(Buffer.byteLength(body)), 'x-request-id': 'req_1' }).end(body);
    });
    const response = await makeClient({ baseURL: server.url }).request(getAgentOp, path).asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.url).toBe(`${server.url}/get-agent/a1`);
    expect(await response.json()).toEqual(JSON.parse(body));
  });

  it('debug logging shows the response headers, credentials redacted', async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { ...jsonHead(2), 'x-request-id': 'req_42', 'set-cookie': 'session=secret' }).end('{}');
    });
    const log = captureLogger();
    await makeClient({ baseURL: server.url, logLevel: 'debug', logger: log.logger }).request(getAgentOp, path);
    const response = log.lines.find((l) => l.message.includes('<- 200'));
    expect(response).toBeDefined();
    expect(JSON.stringify(response!.rest)).toContain('"x-request-id":"req_42"');
    expect(JSON.stringify(response!.rest)).toContain('"set-cookie":"***"');
    expect(log.text()).not.toContain('session=secret');
  });
});
