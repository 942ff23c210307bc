/**
 * The lean core's own request building (query encoding, body encoders, per-call abort controller) and
 * the split from the typed path client: `RetellCore` has no openapi-fetch methods, `RetellPathClient`
 * adds them over the same transport, and `requestPage` pages through any client.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RetellCore, RetellPathClient, requestPage, type OperationSpec, type RequestClient } from '@retell-kit/client';
import { serializeQuery } from '../../packages/client/src/runtime/query.js';
import { BASE, KEY, getAgentOp, listAgentsOp, makeClient, makePathClient } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const listOp: OperationSpec = { operationId: 'listThings', method: 'GET', path: '/list-things' };

describe('query encoding', () => {
  it.each([
    [{ limit: 10, sort_order: 'ascending', is_latest: true }, 'limit=10&sort_order=ascending&is_latest=true'],
    [{ ids: ['a', 'b c'], empty: [] }, 'ids=a&ids=b%20c'],
    [{ filter: { status: 'ended', agent_id: 'a&b' } }, 'filter[status]=ended&filter[agent_id]=a%26b'],
    [{ skipped: undefined, also: null, kept: 0, list: [null, 'x'] }, 'kept=0&list=x'],
    [{ 'odd name': 'ü/?' }, 'odd%20name=%C3%BC%2F%3F'],
    [undefined, ''],
  ])('encodes %j as %s', (query, expected) => {
    expect(serializeQuery(query as Record<string, unknown> | undefined)).toBe(expected);
  });

  it('refuses values nested deeper than one level, naming the parameter', async () => {
    expect(() => serializeQuery({ filter: { range: { from: 1 } } })).toThrow('Query parameter "filter[range]" is nested too deeply');
    const error = await makeClient().request(listOp, { query: { ids: [['a']] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
  });

  it('sends the same query through request() and the typed path methods', async () => {
    const query = { limit: 2, ids: ['a', 'b'], filter: { status: 'ended' } };
    const scope = nock(BASE).get('/list-things').query({ limit: '2', ids: ['a', 'b'], 'filter[status]': 'ended', region: 'eu' }).twice().reply(200, {});
    await makeClient({ defaultQuery: { region: 'eu' } }).request(listOp, { query });
    const client = makePathClient({ defaultQuery: { region: 'eu' } }) as unknown as { GET(path: string, init: object): Promise<{ response: Response }> };
    expect((await client.GET('/list-things', { params: { query } })).response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });
});

describe('body encoders', () => {
  it('calls op.encode and lets fetch set the content type of what it returns', async () => {
    const formOp: OperationSpec = {
      operationId: 'submitForm', method: 'POST', path: '/submit', body: 'json',
      encode: (body) => new URLSearchParams(body as Record<string, string>),
    };
    const scope = nock(BASE, { reqheaders: { 'content-type': /application\/x-www-form-urlencoded/ } })
      .post('/submit', 'name=Ada&team=voice').reply(200, { ok: true });
    await expect(makeClient().request(formOp, { body: { name: 'Ada', team: 'voice' } })).resolves.toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a FormData the caller built as is on an operation without an encoder', async () => {
    const op: OperationSpec = { operationId: 'submitForm', method: 'POST', path: '/submit' };
    const seen: RequestInit[] = [];
    const form = new FormData();
    form.append('name', 'Ada');
    const client = makeClient({ fetch: async (_input, init) => (seen.push(init!), Response.json({ ok: true })) });
    await client.request(op, { body: form });
    expect(seen[0]!.body).toBe(form);
    expect(new Headers(seen[0]!.headers).has('content-type')).toBe(false);
  });

  it('refuses a multipart operation without an encoder instead of sending JSON', async () => {
    const op: OperationSpec = { operationId: 'createKnowledgeBase', method: 'POST', path: '/create-knowledge-base', body: 'multipart' };
    const scope = nock(BASE).post('/create-knowledge-base').reply(201, {});
    const error = await makeClient().request(op, { body: { knowledge_base_name: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('createKnowledgeBase has a multipart body but no encode (use multipartBody)');
    expect(scope.isDone()).toBe(false);
  });
});

describe('abort controller per call', () => {
  it('keeps one signal across retries of a response, and gives the attempt after a timeout a fresh one', async () => {
    const signals: AbortSignal[] = [];
    let call = 0;
    const client = makeClient({
      timeout: 30,
      maxRetries: 3,
      fetch: (_input, init) => {
        const signal = init!.signal!;
        signals.push(signal);
        call++;
        if (call === 1) return Promise.resolve(new Response('{}', { status: 503, headers: { 'retry-after-ms': '0' } }));
        // The second attempt hangs until its signal aborts (the timeout); the third answers.
        if (call === 2) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        return Promise.resolve(Response.json({ ok: true }));
      },
    });
    const { data, attempts } = await client.request(getAgentOp, { path: { agent_id: 'a1' } }).withResponse();
    expect([data, attempts]).toEqual([{ ok: true }, 3]);
    expect(signals[1]).toBe(signals[0]);
    expect(signals[1]!.aborted).toBe(true);
    expect(signals[2]).not.toBe(signals[1]);
    expect(signals[2]!.aborted).toBe(false);
  });
});

describe('RetellCore and RetellPathClient', () => {
  it('the core has no typed path methods; the path client adds them and is still a core', () => {
    const core = makeClient() as unknown as Record<string, unknown>;
    for (const name of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'use', 'eject']) {
      expect(core[name]).toBeUndefined();
      expect(typeof (makePathClient() as unknown as Record<string, unknown>)[name]).toBe('function');
    }
    const pathClient = makePathClient();
    expect(pathClient).toBeInstanceOf(RetellCore);
    expect(pathClient.withOptions({ timeout: 5 })).toBeInstanceOf(RetellPathClient);
    expect(JSON.stringify(pathClient)).not.toContain(KEY);
  });

  it('the typed path methods send auth and default headers, with per-request headers on top', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${KEY}`, 'x-team': 'voice', 'x-trace': 't1' }, badheaders: ['x-removed'] })
      .get('/get-agent/a1').reply(200, { agent_id: 'a1' });
    const client = makePathClient({ defaultHeaders: { 'X-Team': 'voice', 'x-removed': 'yes' } }) as unknown as {
      GET(path: string, init: object): Promise<{ data?: unknown }>;
    };
    const { data } = await client.GET('/get-agent/{agent_id}', { params: { path: { agent_id: 'a1' } }, headers: { 'x-trace': 't1', 'X-Removed': null } });
    expect(data).toEqual({ agent_id: 'a1' });
    expect(scope.isDone()).toBe(true);
  });

  it('fetchOptions reach the typed path methods without replacing the Request\'s method, headers or body', async () => {
    const sent: Request[] = [];
    const inits: RequestInit[] = [];
    const client = makePathClient({
      fetchOptions: { method: 'PUT', headers: { authorization: 'overridden' }, body: 'x', cache: 'no-store' },
      fetch: async (input, init) => (sent.push(new Request(input as Request, init)), inits.push(init!), Response.json({ ok: true })),
    }) as unknown as { POST(path: string, init: object): Promise<{ data?: unknown }> };
    const { data } = await client.POST('/create-agent', { body: { agent_name: 'a' } });
    expect(data).toEqual({ ok: true });
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(await sent[0]!.text()).toBe('{"agent_name":"a"}');
    expect(inits[0]).toMatchObject({ cache: 'no-store' });
  });

  it('requestPage pages through any RequestClient', async () => {
    nock(BASE)
      .get('/list-agents').reply(200, { items: [1], has_more: true, pagination_key: 'k1' })
      .get('/list-agents').query({ pagination_key: 'k1' }).reply(200, { items: [2], has_more: false });
    const seen: string[] = [];
    const core = makePathClient();
    const logging: RequestClient = {
      request: (op, input, options) => (seen.push(`${op.operationId} ${JSON.stringify(input?.query ?? {})}`), core.request(op, input, options)),
    };
    const items: number[] = [];
    for await (const n of requestPage<unknown, number>(logging, listAgentsOp)) items.push(n);
    expect(items).toEqual([1, 2]);
    expect(seen).toEqual(['listAgents {}', 'listAgents {"pagination_key":"k1"}']);
  });
});
