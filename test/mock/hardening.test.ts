/**
 * Hostile input against the running mock: prototype-pollution keys on every input path, nesting far
 * deeper than any real body, a reply that cannot be serialized, and HEAD on GET routes. After each, the
 * server keeps answering and `Object.prototype` is as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockSpec, samples, SchemaValidator } from '@retell-kit/mock';
import { MAX_INPUT_DEPTH } from '../../packages/mock/src/http/shape.js';
import { useMockServer } from './helpers.js';

const { server, call } = useMockServer();
const validator = new SchemaValidator(mockSpec);

const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
function expectCleanPrototype(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
  expect(({} as Record<string, unknown>)['voice_id']).toBeUndefined();
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

/** Routes that answered before a hostile request still answer the same afterwards. */
async function expectStillServing(): Promise<void> {
  expect((await call('GET', '/get-concurrency')).status).toBe(200);
  expect((await call('GET', '/v2/list-retell-llms')).status).toBe(200);
  expectCleanPrototype();
}

function expectJsonError(res: { status: number; body: unknown }, status: number, text: string | RegExp): void {
  expect(res.status).toBe(status);
  expect(validator.check(mockSpec.errorSchema!, res.body, 'error')).toEqual([]);
  const message = (res.body as { message: string }).message;
  if (typeof text === 'string') expect(message).toContain(text);
  else expect(message).toMatch(text);
}

afterEach(() => expectCleanPrototype());

describe('prototype-pollution keys', () => {
  it.each([
    ['__proto__[voice_id]', '__proto__'],
    ['constructor[prototype][polluted]', 'constructor'],
    ['knowledge_base_texts[][__proto__]', '__proto__'],
    ['knowledge_base_texts[][constructor][prototype]', 'constructor'],
    ['prototype', 'prototype'],
  ])('multipart field %s is a 400 naming the key, and pollutes nothing', async (name, key) => {
    const form = new FormData();
    form.append('knowledge_base_name', 'Docs');
    form.append(name, 'yes');
    const res = await call('POST', '/create-knowledge-base', { form });
    expectJsonError(res, 400, `"${key}"`);
    await expectStillServing();
  });

  it.each([
    ['top level', '{"__proto__": {"polluted": "yes"}, "voice_id": "v"}', 'body.__proto__'],
    ['nested in metadata', '{"metadata": {"a": {"__proto__": {"polluted": "yes"}}}}', 'body.metadata.a.__proto__'],
    ['constructor.prototype', '{"metadata": {"constructor": {"prototype": {"polluted": "yes"}}}}', 'body.metadata.constructor'],
    ['inside an array', '{"metadata": {"list": [{"prototype": 1}]}}', 'body.metadata.list[0].prototype'],
  ])('a JSON body with such a key (%s) is a 400 naming where it is', async (_name, raw, where) => {
    const res = await call('POST', '/v2/create-phone-call', { raw: raw.replace('{', '{"from_number": "+14155550100", "to_number": "+14155550101", ') });
    expectJsonError(res, 400, where);
    await expectStillServing();
  });

  it('a stored record never carries such a key: create then update with one is refused, the record unchanged', async () => {
    const created = await call('POST', '/create-retell-llm', { body: samples['createRetellLlm']!.request });
    expect(created.status).toBe(201);
    const id = (created.body as { llm_id: string }).llm_id;
    const before = await call('GET', `/get-retell-llm/${id}`);
    const res = await call('PATCH', `/update-retell-llm/${id}`, { raw: '{"general_prompt": "x", "__proto__": {"general_prompt": "polluted"}}' });
    expectJsonError(res, 400, 'body.__proto__');
    expect((await call('GET', `/get-retell-llm/${id}`)).body).toEqual(before.body);
    await expectStillServing();
  });

  it.each(['__proto__', 'constructor', 'prototype', '__proto__[polluted]'])('a query parameter named %s is a 400', async (name) => {
    const res = await call('GET', `/v2/list-retell-llms?${encodeURIComponent(name)}=yes&limit=2`);
    expectJsonError(res, 400, `query`);
    await expectStillServing();
  });

  it('the stateless sample echo does not follow inherited names', async () => {
    // `constructor` is "in" every object through its prototype; echoing it would be a foreign field.
    // `/v3/create-web-call` is retell-sdk@5.66.1's route (the spec dropped `/v2/create-web-call`).
    const res = await call('POST', '/v3/create-web-call', { body: { agent_id: 'agent_mine' } });
    expect(res.status).toBe(201);
    expect(Object.hasOwn(res.body as object, 'constructor')).toBe(false);
  });
});

describe('nesting depth', () => {
  const deep = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('a create-phone-call whose metadata is nested 10,000 deep is a 400, and the server stays up', async () => {
    const raw = `{"from_number": "+14155550100", "to_number": "+14155550101", "metadata": ${deep(10_000)}}`;
    const res = await call('POST', '/v2/create-phone-call', { raw });
    expectJsonError(res, 400, new RegExp(`nested deeper than ${MAX_INPUT_DEPTH} levels at body\\.metadata\\.a`));
    await expectStillServing();
  });

  it('arrays count as levels too, and bodies at the limit still pass', async () => {
    const arrays = `{"from_number": "+14155550100", "to_number": "+14155550101", "metadata": {"x": ${'['.repeat(200)}${']'.repeat(200)}}}`;
    expectJsonError(await call('POST', '/v2/create-phone-call', { raw: arrays }), 400, 'nested deeper');
    // body (1) > metadata (2) > ... : MAX_INPUT_DEPTH levels in all is accepted.
    const ok = `{"from_number": "+14155550100", "to_number": "+14155550101", "metadata": ${deep(MAX_INPUT_DEPTH - 1)}}`;
    const over = `{"from_number": "+14155550100", "to_number": "+14155550101", "metadata": ${deep(MAX_INPUT_DEPTH)}}`;
    expectJsonError(await call("POST", "/v2/create-phone-call", { raw: over }), 400, "nested deeper");
    expect((await call('POST', '/v2/create-phone-call', { raw: ok })).status).toBe(201);
  });

  it('multipart field names nested deeper than the limit are a 400', async () => {
    const form = new FormData();
    form.append('knowledge_base_name', 'Docs');
    form.append(`knowledge_base_texts${'[a]'.repeat(MAX_INPUT_DEPTH + 5)}`, 'x');
    expectJsonError(await call('POST', '/create-knowledge-base', { form }), 400, 'nested deeper');
    await expectStillServing();
  });
});

describe('error boundary', () => {
  it('a reply that cannot be serialized is a 500 JSON error, and the server (and this process) carry on', async () => {
    const { startMockServer } = await import('@retell-kit/mock');
    // Reply checking off, so the cyclic body reaches the serializer (as a 10,000-deep one once did).
    const unchecked = await startMockServer({ port: 0, validateResponses: false });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    unchecked.store.handle = () => ({ status: 200, body: cyclic });
    try {
      // A route the spec has (5.66.1 lists agents with `POST /v2/list-agents`; `GET /list-agents` is gone, a 404).
      const res = await fetch(`${unchecked.url}/v2/list-agents`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: '{}',
      });
      expectJsonError({ status: res.status, body: await res.json() }, 500, 'Mock server error');
      const again = await fetch(`${unchecked.url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
      expect(again.status).toBe(500);
    } finally {
      await unchecked.close();
    }
    await expectStillServing();
  });

  it('a log callback that throws does not stop the server', async () => {
    const { startMockServer } = await import('@retell-kit/mock');
    const noisy = await startMockServer({ port: 0, log: () => { throw new Error('log sink down'); } });
    try {
      const first = await fetch(`${noisy.url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
      expect(first.status).toBe(200);
      const second = await fetch(`${noisy.url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
      expect(second.status).toBe(200);
      expect(await second.json()).toBeTypeOf('object');
    } finally {
      await noisy.close();
    }
  });
});

describe('HEAD', () => {
  it('answers a GET route as GET would, without a body', async () => {
    const get = await fetch(`${server().url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
    const getText = await get.text();
    const head = await fetch(`${server().url}/get-concurrency`, { method: 'HEAD', headers: { authorization: 'Bearer k' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(getText)));
    expect(await head.text()).toBe('');
  });

  it('is checked like GET (401 without a key, 404 for an unknown path) and listed in Allow', async () => {
    const noKey = await fetch(`${server().url}/get-concurrency`, { method: 'HEAD' });
    expect(noKey.status).toBe(401);
    const unknown = await fetch(`${server().url}/nope`, { method: 'HEAD', headers: { authorization: 'Bearer k' } });
    expect(unknown.status).toBe(404);
    const post = await call('POST', '/get-concurrency');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
