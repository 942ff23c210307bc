/**
 * Per-call `RequestOptions` on the facade reach the wire as retell-sdk@5.33.0's do: `path`, `method`,
 * `query` and `body` replace what the method would send (its `{ query, body, ...options }` spread), the
 * client's default query stays under the call's, and the other keys keep their meaning. nock sees the
 * actual requests. `agent.list` is retell-sdk@5.66.1's `POST /v2/list-agents` (5.33.0 had `GET /list-agents`),
 * so the override tests expect a POST: `path` and `query` replace the route, not the verb.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Retell from '@retell-kit/sdk';

const BASE = 'https://api.retell.test';
const KEY = 'key_sdk_options_5c1e';
const client = (options: ConstructorParameters<typeof Retell>[0] = {}) =>
  new Retell({ apiKey: KEY, baseURL: BASE, logLevel: 'off', maxRetries: 0, ...options });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('route overrides reach the wire', () => {
  it('path: the call goes to the given path, not the method\'s route', async () => {
    const elsewhere = nock(BASE).post('/elsewhere').reply(200, [{ agent_id: 'a1' }]);
    const routed = nock(BASE).post('/v2/list-agents').reply(200, []);
    expect(await client().agent.list({}, { path: '/elsewhere' })).toEqual([{ agent_id: 'a1' }]);
    expect(elsewhere.isDone()).toBe(true);
    expect(routed.isDone()).toBe(false);
  });

  it('path: an absolute URL is used as is; a ?query in the path is kept under the call\'s query', async () => {
    const scope = nock('https://other.retell.test').post('/v9/agents').query({ a: '1', b: '2' }).reply(200, { ok: true });
    await client().agent.list({}, { path: 'https://other.retell.test/v9/agents?a=1&b=9', query: { b: 2 } });
    expect(scope.isDone()).toBe(true);
  });

  it('method: the call is sent with the given verb (lower or upper case)', async () => {
    const scope = nock(BASE).put('/get-agent/a1').reply(200, { agent_id: 'a1' }).delete('/get-agent/a2').reply(204);
    await client().agent.retrieve('a1', {}, { method: 'put' });
    await client().agent.retrieve('a2', {}, { method: 'DELETE' });
    expect(scope.isDone()).toBe(true);
  });

  it('query: replaces the method\'s query; defaultQuery stays under it', async () => {
    let seen = '';
    nock(BASE).post(/\/v2\/list-agents/).reply(200, function () {
      seen = this.req.path;
      return [];
    });
    await client({ defaultQuery: { tenant: 't1', limit: '5' } }).agent.list({ limit: 10 }, { query: { limit: 3, extra: 'x' } });
    expect(new URLSearchParams(seen.split('?')[1]).toString()).toBe('tenant=t1&limit=3&extra=x');
  });

  it('body: replaces the method\'s JSON body', async () => {
    let body: unknown;
    nock(BASE).post('/create-agent', (b) => ((body = b), true)).reply(201, { agent_id: 'a1' });
    await client().agent.create({ response_engine: { type: 'retell-llm', llm_id: 'l1' }, voice_id: 'v' }, { body: { replaced: true } });
    expect(body).toEqual({ replaced: true });
  });

  it('body: on a multipart method the override is encoded as multipart, like the method\'s own', async () => {
    let contentType = '';
    let raw = '';
    nock(BASE)
      .post('/create-knowledge-base', (b) => ((raw = String(b)), true))
      .reply(201, function () {
        contentType = String(this.req.headers['content-type']);
        return { knowledge_base_id: 'kb1' };
      });
    await client().knowledgeBase.create({ knowledge_base_name: 'original' }, { body: { knowledge_base_name: 'override' } });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(raw).toContain('override');
    expect(raw).not.toContain('original');
  });

  it('body: a string with a content type, URLSearchParams and bytes go as they are', async () => {
    const seen: { type: string; body: string }[] = [];
    const record = function (this: nock.ReplyFnContext, _uri: string, body: nock.Body) {
      seen.push({ type: String(this.req.headers['content-type']), body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { ok: true };
    };
    nock(BASE).post('/create-agent').times(3).reply(200, record);
    await client().agent.create({} as never, { body: 'a=1', headers: { 'Content-Type': 'text/plain' } });
    await client().agent.create({} as never, { body: new URLSearchParams({ b: '2' }) });
    await client().agent.create({} as never, { body: new TextEncoder().encode('raw-bytes') });
    expect(seen.map((s) => s.body)).toEqual(['a=1', 'b=2', 'raw-bytes']);
    expect(seen[0]!.type).toBe('text/plain');
    expect(seen[1]!.type).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('undefined overrides nothing', async () => {
    const scope = nock(BASE).get('/get-agent/a1').query({ version: '2' }).reply(200, { agent_id: 'a1' });
    await client().agent.retrieve('a1', { version: 2 }, { path: undefined, method: undefined, query: undefined, body: undefined });
    expect(scope.isDone()).toBe(true);
  });
});

describe('the other RequestOptions keys', () => {
  it('headers: a Headers, [name, value] pairs and null removing a default header', async () => {
    const seen: Record<string, unknown>[] = [];
    nock(BASE).get('/get-agent/a1').times(2).reply(200, function () {
      seen.push({ ...this.req.headers });
      return {};
    });
    const c = client({ defaultHeaders: { 'X-Team': 'blue', 'X-Drop': 'me' } });
    await c.agent.retrieve('a1', {}, { headers: new Headers({ 'X-One': '1' }) });
    await c.agent.retrieve('a1', {}, { headers: [['X-Two', '2'], ['X-Drop', null]] });
    expect(seen[0]).toMatchObject({ 'x-one': '1', 'x-team': 'blue', 'x-drop': 'me' });
    expect(seen[1]).toMatchObject({ 'x-two': '2', 'x-team': 'blue' });
    expect(seen[1]).not.toHaveProperty('x-drop');
  });

  it('defaultBaseURL applies only when the client\'s base URL was not set', async () => {
    const scope = nock('https://regional.retell.test').get('/get-agent/a1').reply(200, {});
    const saved = process.env['RETELL_BASE_URL'];
    delete process.env['RETELL_BASE_URL'];
    try {
      const unset = new Retell({ apiKey: KEY, logLevel: 'off' });
      await unset.agent.retrieve('a1', {}, { defaultBaseURL: 'https://regional.retell.test' });
      expect(scope.isDone()).toBe(true);
      // Set explicitly: the client's own base URL wins.
      const set = nock(BASE).get('/get-agent/a1').reply(200, {});
      await client().agent.retrieve('a1', {}, { defaultBaseURL: 'https://regional.retell.test' });
      expect(set.isDone()).toBe(true);
    } finally {
      if (saved !== undefined) process.env['RETELL_BASE_URL'] = saved;
    }
  });

  it('__binaryResponse resolves with the unread Response; stream changes nothing', async () => {
    nock(BASE).get('/get-agent/a1').reply(200, 'not json at all').get('/get-agent/a2').reply(200, { agent_id: 'a2' });
    const response = (await client().agent.retrieve('a1', {}, { __binaryResponse: true })) as unknown as Response;
    expect(response).toBeInstanceOf(Response);
    expect(await response.text()).toBe('not json at all');
    expect(await client().agent.retrieve('a2', {}, { stream: true })).toEqual({ agent_id: 'a2' });
  });

  it('timeout, maxRetries, signal, idempotencyKey and fetchOptions keep their meaning', async () => {
    nock(BASE).get('/get-agent/a1').reply(500, {}).get('/get-agent/a1').reply(200, function () {
      return { key: this.req.headers['idempotency-key'] };
    });
    const ok = await client().agent.retrieve('a1', {}, { maxRetries: 1, timeout: 10_000, idempotencyKey: 'idem-1', fetchOptions: { cache: 'no-store' } });
    expect(ok).toEqual({ key: 'idem-1' });
    const controller = new AbortController();
    controller.abort();
    await expect(client().agent.retrieve('a1', {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'APIUserAbortError' });
  });
});

describe('raw route methods, as on retell-sdk\'s client', () => {
  it('get/post/put/patch/delete send to any path with the client\'s auth', async () => {
    const seen: string[] = [];
    const scope = nock(BASE)
      .get('/v2/new-thing').query({ q: '1' }).reply(200, function () {
        seen.push(String(this.req.headers['authorization']));
        return { got: true };
      })
      .post('/v2/new-thing', { a: 1 }).reply(200, { posted: true })
      .put('/v2/new-thing').reply(200, {}).patch('/v2/new-thing').reply(200, {}).delete('/v2/new-thing').reply(204);
    const c = client();
    expect(await c.get('/v2/new-thing', { query: { q: 1 } })).toEqual({ got: true });
    expect(await c.post('/v2/new-thing', { body: { a: 1 } })).toEqual({ posted: true });
    await c.put('/v2/new-thing');
    await c.patch('/v2/new-thing');
    await c.delete('/v2/new-thing');
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`Bearer ${KEY}`]);
  });

  it('request({ method, path, ... }) and promised options', async () => {
    const scope = nock(BASE).post('/custom', { x: 1 }).reply(200, { ok: 1 }).get('/later').reply(200, { ok: 2 });
    const c = client();
    expect(await c.request({ method: 'post', path: '/custom', body: { x: 1 } })).toEqual({ ok: 1 });
    expect(await c.get('/ignored', Promise.resolve({ path: '/later' }))).toEqual({ ok: 2 });
    expect(scope.isDone()).toBe(true);
  });

  it('buildURL and buildRequest build without sending', async () => {
    const c = client({ defaultQuery: { d: '1' } });
    const built = new URL(c.buildURL('/list-agents?p=0&limit=9', { limit: 2 }));
    expect(`${built.origin}${built.pathname}`).toBe(`${BASE}/list-agents`);
    expect(Object.fromEntries(built.searchParams)).toEqual({ p: '0', d: '1', limit: '2' });
    const { url, req, timeout } = await c.buildRequest({ method: 'post', path: '/create-agent', body: { a: 1 }, timeout: 1234 });
    expect(url).toBe(`${BASE}/create-agent?d=1`);
    expect(req).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(timeout).toBe(1234);
  });

  it('fetchWithTimeout aborts through the controller after ms', async () => {
    const c = client({ fetch: (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) });
    const controller = new AbortController();
    await expect(c.fetchWithTimeout(`${BASE}/x`, {}, 20, controller)).rejects.toThrow('aborted');
    expect(controller.signal.aborted).toBe(true);
  });
});
