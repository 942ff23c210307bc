import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
  BadRequestError,
  NotFoundError,
} from '@retell-kit/client';
import { BASE, captureLogger, createAgentOp, createPhoneCallOp, getAgentOp, makeClient } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * Settles `promise` under fake timers. Only setTimeout is faked, so nock's and undici's I/O keep running
 * on real ticks; fake time moves 25 ms per real tick until the promise settles.
 */
async function withFakeTime<T>(promise: Promise<T>): Promise<{ value: T; fakeMs: number }> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let settled = false;
  const tracked = promise.finally(() => (settled = true));
  let fakeMs = 0;
  while (!settled && fakeMs < 120_000) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(25);
    fakeMs += 25;
  }
  vi.useRealTimers();
  return { value: await tracked, fakeMs };
}

/** Server-directed waits of 0 ms keep retry tests instant without touching the backoff code path's timers. */
const now = { 'retry-after-ms': '0' };

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503])('retries status %i and returns the final success', async (status) => {
    const scope = nock(BASE).get('/get-agent/a1').reply(status, { message: 'try again' }, now).get('/get-agent/a1').reply(200, { agent_id: 'a1' });
    const { data, attempts } = await makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }).withResponse();
    expect(data).toEqual({ agent_id: 'a1' });
    expect(attempts).toBe(2);
    expect(scope.isDone()).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('never retries status %i', async (status) => {
    const scope = nock(BASE).get('/get-agent/a1').reply(status, { message: 'no' }, now);
    const second = nock(BASE).get('/get-agent/a1').reply(200, {});
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } })).rejects.toMatchObject({ status });
    expect(scope.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const scope = nock(BASE).get('/get-agent/a1').times(3).reply(503, { message: 'down' }, now);
    const error = await makeClient({ maxRetries: 2 }).request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(String(error)).toContain('503 down');
    expect(scope.isDone()).toBe(true);
  });

  it('maxRetries per request overrides the client', async () => {
    const scope = nock(BASE).get('/get-agent/a1').reply(429, {}, now);
    await expect(makeClient({ maxRetries: 5 }).request(getAgentOp, { path: { agent_id: 'a1' } }, { maxRetries: 0 })).rejects.toBeInstanceOf(RateLimitError);
    expect(scope.isDone()).toBe(true);
  });

  it('obeys x-should-retry: true on a 400 and false on a 500', async () => {
    nock(BASE).get('/get-agent/a1').reply(400, {}, { ...now, 'x-should-retry': 'true' }).get('/get-agent/a1').reply(200, { ok: 1 });
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } })).resolves.toEqual({ ok: 1 });
    const once = nock(BASE).get('/get-agent/a2').reply(500, {}, { ...now, 'x-should-retry': 'false' });
    const again = nock(BASE).get('/get-agent/a2').reply(200, {});
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a2' } })).rejects.toBeInstanceOf(InternalServerError);
    expect(once.isDone() && !again.isDone()).toBe(true);
  });

  it('waits what retry-after-ms / Retry-After say (as logged), and backs off otherwise', async () => {
    const log = captureLogger();
    nock(BASE)
      .get('/get-agent/a1').reply(429, {}, { 'retry-after-ms': '7' })
      .get('/get-agent/a1').reply(503, {}, { 'retry-after': '0' })
      .get('/get-agent/a1').reply(200, { ok: true });
    await makeClient({ maxRetries: 3, logLevel: 'info', logger: log.logger }).request(getAgentOp, { path: { agent_id: 'a1' } });
    const retries = log.lines.filter((l) => l.level === 'info').map((l) => l.message);
    expect(retries).toEqual([
      `retell: GET ${BASE}/get-agent/a1 status 429; retrying in 7 ms (3 left)`,
      `retell: GET ${BASE}/get-agent/a1 status 503; retrying in 0 ms (2 left)`,
    ]);
  });

  it('uses exponential backoff when the server gives no hint (fake timers)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const log = captureLogger();
    const scope = nock(BASE).get('/get-agent/a1').times(2).reply(500, {}).get('/get-agent/a1').reply(200, { ok: 1 });
    const client = makeClient({ logLevel: 'info', logger: log.logger });
    const { value, fakeMs } = await withFakeTime(client.request(getAgentOp, { path: { agent_id: 'a1' } }));
    expect(value).toEqual({ ok: 1 });
    expect(log.lines.map((l) => l.message.replace(/.* status 500; /, ''))).toEqual(['retrying in 500 ms (2 left)', 'retrying in 1000 ms (1 left)']);
    expect(fakeMs).toBeGreaterThanOrEqual(1500);
    expect(scope.isDone()).toBe(true);
  });

  it('retries connection errors, then reports APIConnectionError with the cause', async () => {
    nock(BASE).get('/get-agent/a1').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }).get('/get-agent/a1').reply(200, { ok: 1 });
    const { value, fakeMs } = await withFakeTime(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }));
    expect(value).toEqual({ ok: 1 });
    expect(fakeMs).toBeGreaterThanOrEqual(375); // first backoff: 500 ms less at most 25 % jitter
    nock(BASE).get('/get-agent/a2').replyWithError({ code: 'ECONNREFUSED', message: 'refused' });
    const error = await makeClient({ maxRetries: 0 }).request(getAgentOp, { path: { agent_id: 'a2' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toMatchObject({ status: undefined, method: 'GET', url: `${BASE}/get-agent/a2` });
    expect((error as Error).cause).toBeDefined();
  });

  it('re-sends a JSON body intact on every attempt', async () => {
    const bodies: unknown[] = [];
    nock(BASE)
      .post('/create-agent').times(2).reply(503, (_uri, body) => (bodies.push(body), {}), now)
      .post('/create-agent').reply(201, (_uri, body) => (bodies.push(body), { agent_id: 'new' }));
    const payload = { agent_name: 'Front desk', voice_id: '11labs-Adrian', response_engine: { type: 'retell-llm', llm_id: 'llm_1' } };
    await expect(makeClient().request(createAgentOp, { body: payload })).resolves.toEqual({ agent_id: 'new' });
    expect(bodies).toEqual([payload, payload, payload]);
  });
});

describe('timeouts and aborts', () => {
  it('retries a timed-out attempt, then succeeds', async () => {
    const scope = nock(BASE).get('/get-agent/a1').delay(300).reply(200, { late: true }, now).get('/get-agent/a1').reply(200, { ok: 1 });
    // Real time: under fake time the clock would outrun nock's I/O and time out the healthy attempt too.
    const { data, attempts } = await makeClient({ timeout: 50 }).request(getAgentOp, { path: { agent_id: 'a1' } }).withResponse();
    expect(data).toEqual({ ok: 1 });
    expect(attempts).toBe(2);
    expect(scope.isDone()).toBe(true);
  });

  it('throws APIConnectionTimeoutError when every attempt times out', async () => {
    nock(BASE).get('/get-agent/a1').times(2).delay(300).reply(200, {});
    const error = await makeClient({ timeout: 30, maxRetries: 1 }).request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(String(error)).toContain('timed out after 30 ms');
  });

  it('uses the operation timeout unless the user set one (client or request)', async () => {
    const op = { ...createPhoneCallOp, timeoutMs: 40 };
    nock(BASE).post('/v2/create-phone-call').delay(200).reply(201, { call_id: 'c1' });
    await expect(makeClient({ maxRetries: 0 }).request(op, { body: {} })).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    nock(BASE).post('/v2/create-phone-call').delay(200).reply(201, { call_id: 'c2' });
    await expect(makeClient({ maxRetries: 0, timeout: 2000 }).request(op, { body: {} })).resolves.toEqual({ call_id: 'c2' });
    nock(BASE).post('/v2/create-phone-call').delay(200).reply(201, { call_id: 'c3' });
    await expect(makeClient({ maxRetries: 0 }).request(op, { body: {} }, { timeout: 2000 })).resolves.toEqual({ call_id: 'c3' });
    nock(BASE).post('/v2/create-phone-call').delay(200).reply(201, { call_id: 'c4' });
    await expect(makeClient({ maxRetries: 0, timeout: 2000 }).request(op, { body: {} }, { timeout: 20 })).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a user abort is never retried', async () => {
    const controller = new AbortController();
    const scope = nock(BASE).get('/get-agent/a1').delay(500).reply(200, {});
    const second = nock(BASE).get('/get-agent/a1').reply(200, {});
    const pending = makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(scope.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('an already-aborted signal fails before any request', async () => {
    const scope = nock(BASE).get('/get-agent/a1').reply(200, {});
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(scope.isDone()).toBe(false);
  });

  it('aborting during the backoff wait stops the retries', async () => {
    const controller = new AbortController();
    nock(BASE).get('/get-agent/a1').reply(503, {}, { 'retry-after': '30' });
    const second = nock(BASE).get('/get-agent/a1').reply(200, {});
    const pending = makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(second.isDone()).toBe(false);
  });
});

describe('headers and query', () => {
  it('sends the bearer key, default headers and query, per-request headers and query', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        authorization: 'Bearer key_4f8e0c1b2a3d5e6f7a8b9c0d',
        'x-team': 'voice',
        'x-trace': 't-1',
        'idempotency-key': 'idem-1',
      },
      badheaders: ['x-removed'],
    })
      .get('/get-agent/a1')
      .query({ region: 'eu', version: '3' })
      .reply(200, { ok: true });
    const client = makeClient({ defaultHeaders: { 'x-team': 'voice', 'x-removed': 'yes' }, defaultQuery: { region: 'eu' } });
    await client.request(getAgentOp, { path: { agent_id: 'a1' }, query: { version: 3 } }, {
      headers: { 'x-trace': 't-1', 'x-removed': null },
      idempotencyKey: 'idem-1',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('per-request query overrides the input query and default query', async () => {
    const scope = nock(BASE).get('/list-agents').query({ limit: '5', region: 'us' }).reply(200, { items: [] });
    const client = makeClient({ defaultQuery: { region: 'eu' } });
    await client.request({ operationId: 'listAgents', method: 'GET', path: '/list-agents' }, { query: { limit: 1 } }, { query: { limit: 5, region: 'us' } });
    expect(scope.isDone()).toBe(true);
  });

  it('applies fetchOptions without letting them replace method, headers, body or signal', async () => {
    const seen: { input: unknown; init: RequestInit }[] = [];
    const client = makeClient({
      fetchOptions: { headers: { authorization: 'overridden' }, cache: 'no-store', method: 'PUT', body: 'x' },
      fetch: async (input, init) => {
        seen.push({ input, init: init ?? {} });
        return new Response('{"ok":1}', { status: 200 });
      },
    });
    const user = new AbortController();
    await client.request(getAgentOp, { path: { agent_id: 'a' } }, { fetchOptions: { keepalive: true, signal: user.signal } });
    const { input, init } = seen[0]!;
    // A URL and an init, not a Request: fetch builds its own Request, one is enough.
    expect(input).toBe(`${BASE}/get-agent/a`);
    expect(init).toMatchObject({ cache: 'no-store', keepalive: true, method: 'GET', body: undefined });
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer key_4f8e0c1b2a3d5e6f7a8b9c0d');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal).not.toBe(user.signal);
  });

  it('sends a JSON body with its content type, which default headers may override', async () => {
    const seen: RequestInit[] = [];
    const fetch = async (_input: unknown, init?: RequestInit): Promise<Response> => (seen.push(init ?? {}), new Response('{}', { status: 201 }));
    await makeClient({ fetch }).request(createAgentOp, { body: { agent_name: 'a' } });
    await makeClient({ fetch, defaultHeaders: { 'Content-Type': 'application/vnd.retell+json' } }).request(createAgentOp, { body: {} });
    await makeClient({ fetch }).request(getAgentOp, { path: { agent_id: 'a' } });
    expect(seen.map((init) => [new Headers(init.headers).get('content-type'), init.body])).toEqual([
      ['application/json', '{"agent_name":"a"}'],
      ['application/vnd.retell+json', '{}'],
      [null, undefined],
    ]);
  });

  it('removes a default header whatever the case it is removed in, and lets a custom fetch change its copy', async () => {
    const seen: Headers[] = [];
    const client = makeClient({
      defaultHeaders: { 'X-Team': 'voice' },
      fetch: async (_input, init) => {
        seen.push(new Headers(init?.headers));
        (init?.headers as Record<string, string>)['x-mutated'] = 'yes';
        return new Response('{}', { status: 200 });
      },
    });
    await client.request(getAgentOp, { path: { agent_id: 'a' } }, { headers: { 'x-team': null } });
    await client.request(getAgentOp, { path: { agent_id: 'a' } });
    expect(seen[0]!.has('x-team')).toBe(false);
    expect(seen[1]!.get('x-team')).toBe('voice');
    expect(seen[1]!.has('x-mutated')).toBe(false);
  });
});

describe('errors', () => {
  it.each([
    [400, 'BadRequestError'], [401, 'AuthenticationError'], [403, 'PermissionDeniedError'], [404, 'NotFoundError'],
    [409, 'ConflictError'], [422, 'UnprocessableEntityError'], [429, 'RateLimitError'], [500, 'InternalServerError'],
    [503, 'InternalServerError'], [418, 'APIError'],
  ])('maps %i to %s with status, headers, body, method and URL', async (status, name) => {
    nock(BASE).delete('/delete-agent/a1').reply(status, { message: 'nope', status: 'error' }, { 'x-request-id': 'req_1' });
    const error = await makeClient({ maxRetries: 0 }).request(deleteAgentOp(), { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name, status, error: { message: 'nope', status: 'error' }, method: 'DELETE', url: `${BASE}/delete-agent/a1`, requestID: 'req_1',
    });
    expect((error as Error).message).toBe(`${status} nope`);
  });

  it('keeps the raw text of an error body that is not JSON (an HTML page is named, not quoted, in the message)', async () => {
    nock(BASE).get('/get-agent/a1').reply(404, '<html>Not Found</html>', { 'content-type': 'text/html' });
    const error = await makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ error: '<html>Not Found</html>', message: '404 Not Found (HTML body, 22 characters)' });
  });

  it('an empty error body still names the status', async () => {
    nock(BASE).get('/get-agent/a1').reply(400);
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } })).rejects.toThrow(BadRequestError);
    nock(BASE).get('/get-agent/a1').reply(400);
    await expect(makeClient().request(getAgentOp, { path: { agent_id: 'a1' } })).rejects.toThrow('400 status code (no body)');
  });

  it('a 2xx whose body is not JSON is an APIError that keeps the text', async () => {
    nock(BASE).get('/get-agent/a1').reply(200, 'upstream proxy says hi', { 'content-type': 'text/plain' });
    const error = await makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'APIError', status: 200, error: 'upstream proxy says hi' });
    expect(String(error)).toContain('not JSON: upstream proxy says hi');
  });

  it('204 resolves undefined', async () => {
    nock(BASE).delete('/delete-agent/a1').reply(204);
    await expect(makeClient().request(deleteAgentOp(), { path: { agent_id: 'a1' } })).resolves.toBeUndefined();
  });
});

function deleteAgentOp() {
  return { operationId: 'deleteAgent', method: 'DELETE', path: '/delete-agent/{agent_id}' } as const;
}
