/**
 * The mock server over HTTP: every route answers, requests are validated against the spec with a
 * message naming the bad field, and bad input (no key, unknown route, wrong method, malformed JSON,
 * a 10 MB body) gets a clear 4xx JSON error while the state stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { mockSpec, samples, SchemaValidator } from '@retell-kit/mock';
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

describe('mock server: every route', () => {
  it('answers every route of the spec with its documented status and a schema-valid body', async () => {
    const problems: string[] = [];
    for (const r of mockSpec.routes) {
      const s = samples[r.operationId]!;
      const init = r.body ? (r.body.kind === 'multipart' ? { form: formOf(s.request as Record<string, unknown>) } : { body: s.request }) : {};
      const res = await call(r.method, fill(r, {}) + query(s.query), init);
      // Stateful routes for an id nobody created answer 404; create routes may point at unknown engines (422).
      const acceptable = [r.success.status, 404, 422];
      if (!acceptable.includes(res.status)) problems.push(`${r.method} ${r.path}: ${res.status} ${JSON.stringify(res.body)}`);
      const schema = res.status === r.success.status ? r.success.schema : mockSpec.errorSchema;
      if (schema && res.body !== undefined && validator.check(schema, res.body, 'response').length > 0) problems.push(`${r.method} ${r.path}: invalid body`);
    }
    expect(problems).toEqual([]);
  });

  it('echoes path parameters and request fields in stateless samples', async () => {
    const res = await call('GET', '/v2/get-call/call_abc%2F1');
    expect(res.status).toBe(200);
    expect((res.body as Record<string, unknown>)['call_id']).toBe('call_abc/1');
    const web = await call('POST', '/v2/create-web-call', { body: { agent_id: 'agent_mine' } });
    expect(web.status).toBe(201);
    expect((web.body as Record<string, unknown>)['agent_id']).toBe('agent_mine');
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
    expect((await call('GET', '/list-agents')).status).toBe(200);
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
