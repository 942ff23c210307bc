/**
 * The mock server over HTTP: every route answers, requests are validated against the spec with a
 * message naming the bad field, and bad input (no key, unknown route, wrong method, malformed JSON,
 * a 10 MB body) gets a clear 4xx JSON error while the state stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { mockSpec, RESOURCES, samples, SchemaValidator } from '@retell-kit/mock';
import { fill, formOf, query, useMockServer } from './helpers.js';

const { server, call } = useMockServer();
const validator = new SchemaValidator(mockSpec);
const route = (operationId: string) => mockSpec.routes.find((r) => r.operationId === operationId)!;

async function createLlm(): Promise<string> {
  const res = await call('POST', '/create-retell-llm', { body: samples['createRetellLlm']!.request });
  expect(res.status).toBe(201);
  return (res.body as { llm_id: string }).llm_id;
}

async function createAgent(llmId: string): Promise<Record<string, unknown>> {
  const body = { ...(samples['createAgent']!.request as object), response_engine: { type: 'retell-llm', llm_id: llmId } };
  const res = await call('POST', '/create-agent', { body });
  expect(res.status).toBe(201);
  return res.body as Record<string, unknown>;
}

/** Ids of one record of each stateful resource, made through the API itself. */
interface World {
  llm: string;
  flow: string;
  agent: string;
  chatAgent: string;
  knowledgeBase: string;
  source: string;
  phoneNumber: string;
  app: string;
  contact: string;
}

/** Every `llm_id` / `conversation_flow_id` in a sample body pointed at records that exist. */
function rewire(value: unknown, world: World): unknown {
  if (Array.isArray(value)) return value.map((v) => rewire(v, world));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'llm_id' && typeof v === 'string' ? world.llm : k === 'conversation_flow_id' && typeof v === 'string' ? world.flow : rewire(v, world)]),
  );
}

async function created(method: string, path: string, init: Parameters<typeof call>[2], idField: string): Promise<Record<string, unknown>> {
  const res = await call(method, path, init);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(201);
  const body = res.body as Record<string, unknown>;
  expect(typeof body[idField]).toBe('string');
  return body;
}

/** A fresh store holding one of everything, agents at five versions (so one can be deleted). */
async function seedWorld(): Promise<World> {
  server().store.reset();
  const llm = String((await created('POST', '/create-retell-llm', { body: samples['createRetellLlm']!.request }, 'llm_id'))['llm_id']);
  const flow = String((await created('POST', '/create-conversation-flow', { body: samples['createConversationFlow']!.request }, 'conversation_flow_id'))['conversation_flow_id']);
  const partial = { llm, flow } as World;
  const agent = String((await created('POST', '/create-agent', { body: rewire(samples['createAgent']!.request, partial) }, 'agent_id'))['agent_id']);
  const chatAgent = String((await created('POST', '/create-chat-agent', { body: rewire(samples['createChatAgent']!.request, partial) }, 'agent_id'))['agent_id']);
  // Versions 0 to 4, so the version numbers the samples name (base_version, version) all exist.
  for (let v = 1; v <= 4; v++) {
    expect((await call('PATCH', `/update-agent/${agent}`, { body: { agent_name: `version ${v}` } })).status).toBe(200);
    expect((await call('PATCH', `/update-chat-agent/${chatAgent}`, { body: { agent_name: `version ${v}` } })).status).toBe(200);
  }
  const form = new FormData();
  form.append('knowledge_base_name', 'Seeded');
  form.append('knowledge_base_urls[]', 'https://example.com/faq');
  const kb = await created('POST', '/create-knowledge-base', { form }, 'knowledge_base_id');
  const source = String((kb['knowledge_base_sources'] as { source_id: string }[])[0]!.source_id);
  const phoneNumber = String((await created('POST', '/create-phone-number', { body: samples['createPhoneNumber']!.request }, 'phone_number'))['phone_number']);
  const app = String((await created('POST', '/create-app', { body: samples['createApp']!.request }, 'app_id'))['app_id']);
  const contact = String((await created('POST', '/create-contact', { body: samples['createContact']!.request }, 'contact_id'))['contact_id']);
  return { llm, flow, agent, chatAgent, knowledgeBase: String(kb['knowledge_base_id']), source, phoneNumber, app, contact };
}

/** Path values for a route: the seeded record of the resource the route serves. */
function pathValues(r: (typeof mockSpec.routes)[number], world: World): Record<string, string> {
  const chat = r.sdk[0]?.resource === 'chatAgent';
  return {
    agent_id: chat ? world.chatAgent : world.agent,
    llm_id: world.llm,
    conversation_flow_id: world.flow,
    knowledge_base_id: world.knowledgeBase,
    source_id: world.source,
    phone_number: world.phoneNumber,
    app_id: world.app,
    contact_id: world.contact,
  };
}

describe('mock server: every route', () => {
  it('answers every route of the spec with its documented success status and a schema-valid body', async () => {
    const problems: string[] = [];
    const stateful = new Set(RESOURCES.map((d) => d.resource));
    let world: World | undefined;
    for (const r of mockSpec.routes) {
      // A fresh world after any route that may have changed the store, so a delete earlier in the loop
      // cannot starve a later route; reads and stateless routes leave it as it was.
      world ??= await seedWorld();
      const changes = r.method !== 'GET' && r.sdk.some((b) => stateful.has(b.resource));
      const s = samples[r.operationId]!;
      const body = rewire(s.request, world);
      const init = r.body ? (r.body.kind === 'multipart' ? { form: formOf(body as Record<string, unknown>) } : { body }) : {};
      const res = await call(r.method, fill(r, pathValues(r, world)) + query(s.query), init);
      if (res.status !== r.success.status) problems.push(`${r.method} ${r.path}: ${res.status} (want ${r.success.status}) ${JSON.stringify(res.body)}`);
      else if (r.success.schema && res.body !== undefined && validator.check(r.success.schema, res.body, 'response').length > 0) problems.push(`${r.method} ${r.path}: invalid body`);
      else if (r.success.schema === undefined && res.body !== undefined) problems.push(`${r.method} ${r.path}: a body where the spec has none`);
      if (changes) world = undefined;
    }
    expect(problems).toEqual([]);
  });

  it('echoes path parameters and request fields in stateless samples', async () => {
    const res = await call('GET', '/v2/get-call/call_abc%2F1');
    expect(res.status).toBe(200);
    expect((res.body as Record<string, unknown>)['call_id']).toBe('call_abc/1');
    const phone = await call('POST', '/v2/create-phone-call', { body: { from_number: '+14155550100', to_number: '+14155550199' } });
    expect(phone.status).toBe(201);
    expect((phone.body as Record<string, unknown>)['to_number']).toBe('+14155550199');
  });
});

describe('mock server: validation', () => {
  const cases: [string, { path: string; method: string; body?: unknown; raw?: string }, number, string][] = [
    ['missing required field', { method: 'POST', path: '/create-agent', body: { voice_id: 'v' } }, 422, 'body.response_engine is required'],
    ['wrong type', { method: 'POST', path: '/create-agent', body: { voice_id: 7, response_engine: { type: 'retell-llm', llm_id: 'x' } } }, 400, 'body.voice_id must be string'],
    ['missing field inside a union branch', { method: 'POST', path: '/create-agent', body: { voice_id: 'v', response_engine: { type: 'retell-llm' } } }, 422, 'body.response_engine.llm_id is required'],
    ['unknown union tag', { method: 'POST', path: '/create-agent', body: { voice_id: 'v', response_engine: { type: 'gpt' } } }, 422, 'body.response_engine.type has an unknown value "gpt"'],
    ['query parameter of the wrong type', { method: 'GET', path: '/v2/list-retell-llms?limit=many' }, 400, 'query.limit must be integer'],
    ['missing required query parameter', { method: 'DELETE', path: '/delete-agent-version/agent_x' }, 422, 'query.version is required'],
    ['body that is not an object', { method: 'POST', path: '/create-retell-llm', body: [1, 2] }, 400, 'body must be object'],
    ['malformed JSON', { method: 'POST', path: '/create-retell-llm', raw: '{"general_prompt": ' }, 400, 'The request body is not valid JSON'],
  ];
  for (const [name, req, status, message] of cases) {
    it(`${name} → ${status} naming the field`, async () => {
      const res = await call(req.method, req.path, req.raw !== undefined ? { raw: req.raw } : { body: req.body });
      expect(res.status).toBe(status);
      expect((res.body as { message: string }).message).toContain(message);
      expect(validator.check(mockSpec.errorSchema!, res.body, 'error')).toEqual([]);
    });
  }

  it('422 when an agent points at an LLM the server does not know', async () => {
    const res = await call('POST', '/create-agent', { body: { voice_id: 'v', response_engine: { type: 'retell-llm', llm_id: 'llm_nope' } } });
    expect(res.status).toBe(422);
    expect((res.body as { message: string }).message).toContain('response_engine.llm_id');
  });

  it('415 for a JSON route sent as a form', async () => {
    const res = await call('POST', '/create-retell-llm', { raw: 'a=1', contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });
});

describe('mock server: bad input keeps serving and leaves state untouched', () => {
  it('answers 401, 404, 405, 400 and 413 with JSON errors; the agent is unchanged afterwards', async () => {
    const llm = await createLlm();
    const agent = await createAgent(llm);
    const id = String(agent['agent_id']);
    const before = await call('GET', `/get-agent/${id}`);
    const agentsBefore = server().store.collection('agent')!.size;

    const noKey = await call('PATCH', `/update-agent/${id}`, { body: { agent_name: 'x' }, auth: false });
    expect(noKey.status).toBe(401);
    expect((noKey.body as { message: string }).message).toMatch(/Bearer/);

    const unknown = await call('GET', '/get-agents-please');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { message: string }).message).toContain('/get-agents-please');

    const wrongMethod = await call('DELETE', `/update-agent/${id}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('PATCH');

    const malformed = await call('PATCH', `/update-agent/${id}`, { raw: '{"agent_name": "half' });
    expect(malformed.status).toBe(400);

    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    const tooLarge = await call('PATCH', `/update-agent/${id}`, { raw: huge });
    expect(tooLarge.status).toBe(413);
    expect((tooLarge.body as { message: string }).message).toContain('limit');

    const invalid = await call('PATCH', `/update-agent/${id}`, { body: { voice_speed: 'fast' } });
    expect(invalid.status).toBe(400);

    const after = await call('GET', `/get-agent/${id}`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(server().store.collection('agent')!.size).toBe(agentsBefore);
    expect((await call('POST', '/v2/list-agents', { body: {} })).status).toBe(200);
  });
});

describe('mock server: multipart', () => {
  it('creates a knowledge base from texts, URLs and files, then deletes one source', async () => {
    const form = new FormData();
    form.append('knowledge_base_name', 'Docs');
    form.append('knowledge_base_texts[][title]', 'Hours');
    form.append('knowledge_base_texts[][text]', 'Open 9 to 5');
    form.append('knowledge_base_urls[]', 'https://example.com/faq');
    form.append('knowledge_base_files[]', new File(['manual text'], 'manual.txt', { type: 'text/plain' }));
    form.append('max_chunk_size', '400');
    const res = await call('POST', '/create-knowledge-base', { form });
    expect(res.status).toBe(201);
    const kb = res.body as { knowledge_base_id: string; max_chunk_size: number; knowledge_base_sources: { type: string; source_id: string; filename?: string; file_size?: number; title?: string }[] };
    expect(kb.max_chunk_size).toBe(400);
    expect(kb.knowledge_base_sources.map((s) => s.type)).toEqual(['text', 'url', 'document']);
    expect(kb.knowledge_base_sources[0]!.title).toBe('Hours');
    expect(kb.knowledge_base_sources[2]).toMatchObject({ filename: 'manual.txt', file_size: 11 });

    const source = kb.knowledge_base_sources[1]!.source_id;
    const del = await call('DELETE', fill(route('deleteKnowledgeBaseSource'), { knowledge_base_id: kb.knowledge_base_id, source_id: source }));
    expect(del.status).toBe(200);
    expect((del.body as typeof kb).knowledge_base_sources.map((s) => s.type)).toEqual(['text', 'document']);
    const again = await call('DELETE', fill(route('deleteKnowledgeBaseSource'), { knowledge_base_id: kb.knowledge_base_id, source_id: source }));
    expect(again.status).toBe(404);
  });

  it('names the bad form field', async () => {
    const form = new FormData();
    form.append('knowledge_base_name', 'Docs');
    form.append('max_chunk_size', 'big');
    const res = await call('POST', '/create-knowledge-base', { form });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toBe('body.max_chunk_size must be number');
  });
});
