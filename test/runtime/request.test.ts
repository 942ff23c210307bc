/** Path encoding, raw responses, pagination, the typed path methods and redaction in logs. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIPromise, NotFoundError, PagePromise, requestPage } from '@retell-kit/client';
import { BASE, KEY, captureLogger, getAgentOp, listAgentsOp, listCallsOp, makeClient, makePathClient } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('path parameters', () => {
  it.each([
    ['a/b c', '/get-agent/a%2Fb%20c'],
    ['?x=1#frag', '/get-agent/%3Fx%3D1%23frag'],
    ['agent_ü', '/get-agent/agent_%C3%BC'],
    ['...', '/get-agent/...'],
    [42, '/get-agent/42'],
  ])('encodes %j as one segment', async (id, path) => {
    const scope = nock(BASE).get(path).reply(200, { ok: true });
    await makeClient().request(getAgentOp, { path: { agent_id: id } });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['.', /must not be "\."/],
    ['..', /must not be "\.\."/],
    ['', /must not be empty/],
  ])('rejects %j with a TypeError and sends nothing', async (id, message) => {
    const error = await makeClient().request(getAgentOp, { path: { agent_id: id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(message);
  });

  it('rejects a missing path parameter', async () => {
    await expect(makeClient().request(getAgentOp, {})).rejects.toThrow('Path parameter "agent_id" must be a string or number, got undefined.');
  });
});

describe('APIPromise', () => {
  it('is a Promise of the parsed body', async () => {
    nock(BASE).get('/get-agent/a1').reply(200, { agent_id: 'a1' });
    const promise = makeClient().request<{ agent_id: string }>(getAgentOp, { path: { agent_id: 'a1' } });
    expect(promise).toBeInstanceOf(Promise);
    expect(promise).toBeInstanceOf(APIPromise);
    expect((await promise).agent_id).toBe('a1');
    // `then` yields plain promises, not APIPromises.
    expect(promise.then((x) => x)).not.toBeInstanceOf(APIPromise);
  });

  it('asResponse() gives the unread Response', async () => {
    nock(BASE).get('/get-agent/a1').reply(200, { agent_id: 'a1' }, { 'x-request-id': 'r1' });
    const response = await makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }).asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.json()).toEqual({ agent_id: 'a1' });
  });

  it('withResponse() gives data, response, attempts and round-trip time', async () => {
    nock(BASE).get('/get-agent/a1').reply(500, {}, { 'retry-after-ms': '5' }).get('/get-agent/a1').reply(200, { agent_id: 'a1' });
    const result = await makeClient().request(getAgentOp, { path: { agent_id: 'a1' } }).withResponse();
    expect(result.data).toEqual({ agent_id: 'a1' });
    expect(result.response.status).toBe(200);
    expect(result.attempts).toBe(2);
    expect(result.roundTripTimeMs).toBeGreaterThanOrEqual(5);
  });

  it('awaiting twice parses once', async () => {
    nock(BASE).get('/get-agent/a1').reply(200, { agent_id: 'a1' });
    const promise = makeClient().request(getAgentOp, { path: { agent_id: 'a1' } });
    const [a, b, c] = await Promise.all([promise, promise, promise.withResponse()]);
    expect(a).toBe(b);
    expect(c.data).toBe(a);
  });

  it('errors reject every view the same way', async () => {
    nock(BASE).get('/get-agent/a1').reply(404, { message: 'gone' });
    const promise = makeClient().request(getAgentOp, { path: { agent_id: 'a1' } });
    await expect(promise).rejects.toBeInstanceOf(NotFoundError);
    await expect(promise.asResponse()).rejects.toBeInstanceOf(NotFoundError);
    await expect(promise.withResponse()).rejects.toBeInstanceOf(NotFoundError);
    await expect(promise.catch((e: unknown) => (e as Error).name)).resolves.toBe('NotFoundError');
  });
});

describe('pagination', () => {
  it('walks every page with the cursor in the query, lazily', async () => {
    const scope = nock(BASE)
      .get('/list-agents').query({ limit: '2' }).reply(200, { items: [{ id: 1 }, { id: 2 }], has_more: true, pagination_key: 'k2' })
      .get('/list-agents').query({ limit: '2', pagination_key: 'k2' }).reply(200, { items: [{ id: 3 }, { id: 4 }], has_more: true, pagination_key: 'k4' })
      .get('/list-agents').query({ limit: '2', pagination_key: 'k4' }).reply(200, { items: [{ id: 5 }], has_more: false, pagination_key: 'k5' });
    const page = requestPage<{ items: { id: number }[] }, { id: number }>(makeClient(), listAgentsOp, { query: { limit: 2 } });
    expect(page).toBeInstanceOf(PagePromise);
    const seen: number[] = [];
    for await (const item of page) seen.push(item.id);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(scope.isDone()).toBe(true);
  });

  it('stops fetching when the loop breaks', async () => {
    nock(BASE).get('/list-agents').reply(200, { items: [{ id: 1 }, { id: 2 }], has_more: true, pagination_key: 'k2' });
    const next = nock(BASE).get('/list-agents').query({ pagination_key: 'k2' }).reply(200, { items: [], has_more: false });
    for await (const item of requestPage<unknown, { id: number }>(makeClient(), listAgentsOp).iterate()) {
      if (item.id === 1) break;
    }
    expect(next.isDone()).toBe(false);
  });

  it('puts the cursor in the body for body-paginated operations, keeping the other fields', async () => {
    const bodies: unknown[] = [];
    nock(BASE)
      .post('/v3/list-calls').reply(200, (_u, body) => (bodies.push(body), { items: ['c1'], has_more: true, pagination_key: 'c1' }))
      .post('/v3/list-calls').reply(200, (_u, body) => (bodies.push(body), { items: ['c2'], has_more: false }));
    const all: string[] = [];
    for await (const call of requestPage<unknown, string>(makeClient(), listCallsOp, { body: { limit: 1, sort_order: 'ascending' } })) all.push(call);
    expect(all).toEqual(['c1', 'c2']);
    expect(bodies).toEqual([{ limit: 1, sort_order: 'ascending' }, { limit: 1, sort_order: 'ascending', pagination_key: 'c1' }]);
  });

  it('the first page is the awaited value; a cursor that does not move fails the walk after its items', async () => {
    nock(BASE).get('/list-agents').reply(200, { items: [1], has_more: true, pagination_key: 'same' });
    nock(BASE).get('/list-agents').query({ pagination_key: 'same' }).reply(200, { items: [2], has_more: true, pagination_key: 'same' });
    const page = requestPage<{ items: number[] }, number>(makeClient(), listAgentsOp);
    expect((await page).items).toEqual([1]);
    const all: number[] = [];
    const walk = async (): Promise<void> => {
      for await (const n of page) all.push(n);
    };
    await expect(walk()).rejects.toThrow('Stopped paging listAgents at cursor "same" after 2 page(s)');
    expect(all).toEqual([1, 2]);
  });

  it('refuses operations without pagination', () => {
    expect(() => requestPage(makeClient(), getAgentOp)).toThrow('Operation getAgent is not paginated.');
  });
});

describe('typed path methods (openapi-fetch)', () => {
  it('return { data, error, response } and run over the same transport (auth, retries)', async () => {
    nock(BASE, { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get('/get-agent/a%2F1').reply(503, {}, { 'retry-after-ms': '0' })
      .get('/get-agent/a%2F1').reply(200, { agent_id: 'a/1' })
      .get('/get-agent/missing').reply(404, { message: 'not here' });
    // Paths is `{}` here, so the typed signature is bypassed; generated clients get real path types.
    const client = makePathClient() as unknown as {
      GET(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
    };
    const ok = await client.GET('/get-agent/{agent_id}', { params: { path: { agent_id: 'a/1' } } });
    expect(ok.data).toEqual({ agent_id: 'a/1' });
    const missing = await client.GET('/get-agent/{agent_id}', { params: { path: { agent_id: 'missing' } } });
    expect(missing.error).toEqual({ message: 'not here' });
    expect(missing.response.status).toBe(404);
  });

  it('honour a signal passed in the init', async () => {
    nock(BASE).get('/get-agent/slow').delay(500).reply(200, {});
    const client = makePathClient() as unknown as { GET(path: string, init: object): Promise<unknown> };
    const pending = client.GET('/get-agent/{agent_id}', { params: { path: { agent_id: 'slow' } }, signal: AbortSignal.timeout(20) });
    await expect(pending).rejects.toMatchObject({ name: 'APIUserAbortError' });
  });
});

describe('logging', () => {
  it('debug logs requests with the key redacted; errors never contain the key', async () => {
    const log = captureLogger();
    nock(BASE).get('/get-agent/a1').reply(500, { message: `echo ${'x'}` }, { 'retry-after-ms': '0' }).get('/get-agent/a1').reply(401, { message: 'bad key' });
    const error = await makeClient({ logLevel: 'debug', logger: log.logger }).request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);
    const text = log.text();
    expect(text).toContain(`-> GET ${BASE}/get-agent/a1 (attempt 1)`);
    expect(text).toContain('"authorization":"***"');
    expect(text).toContain('<- 401 GET');
    expect(text).not.toContain(KEY);
    expect(String(error)).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect((error as Error).stack).not.toContain(KEY);
  });

  it('logs nothing at the default level (warn) for a retried success', async () => {
    const log = captureLogger();
    nock(BASE).get('/get-agent/a1').reply(500, {}, { 'retry-after-ms': '0' }).get('/get-agent/a1').reply(200, {});
    await makeClient({ logLevel: undefined, logger: log.logger }).request(getAgentOp, { path: { agent_id: 'a1' } });
    expect(log.lines).toEqual([]);
  });
});
