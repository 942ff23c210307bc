/**
 * Stateful resources: for each of agent, chat agent, LLM, conversation flow, knowledge base, phone
 * number, app and contact, create → retrieve → list → update → delete behave consistently, driven by the routes the spec
 * binds to the resource (`x-sdk`) and their samples. Then the version methods of agents.
 */
import { describe, expect, it } from 'vitest';
import { mockSpec, RESOURCES, samples, type MockRoute } from '@retell-kit/mock';
import { fill, formOf, query, useMockServer, type Answer } from './helpers.js';

const { call } = useMockServer();

function routeOf(resource: string, ...methods: string[]): MockRoute {
  const found = mockSpec.routes.find((r) => r.sdk.some((b) => b.resource === resource && methods.includes(b.method)));
  if (!found) throw new Error(`no ${resource}.${methods.join('/')} route in the spec`);
  return found;
}

/** Sample bodies point at engines that do not exist here; point them at ones we created. */
function withRefs(body: unknown, refs: { llm_id: string; conversation_flow_id: string }): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...(body as Record<string, unknown>) };
  const engine = out['response_engine'] as Record<string, unknown> | undefined;
  if (engine?.['type'] === 'retell-llm') out['response_engine'] = { ...engine, llm_id: refs.llm_id };
  if (engine?.['type'] === 'conversation-flow') out['response_engine'] = { ...engine, conversation_flow_id: refs.conversation_flow_id };
  return out;
}

function send(route: MockRoute, body: unknown, ids: Record<string, string> = {}): Promise<Answer> {
  const init = route.body?.kind === 'multipart' ? { form: formOf(body as Record<string, unknown>) } : body === undefined ? {} : { body };
  return call(route.method, fill(route, ids), init);
}

/** A whole list: the limit goes where the route pages (query or body); POST lists take a JSON body. */
function listAll(route: MockRoute): Promise<Answer> {
  const inBody = route.pagination?.in === 'body';
  const url = fill(route, {}) + (inBody ? '' : query({ limit: 1000 }));
  return call(route.method, url, route.method === 'GET' ? {} : { body: inBody ? { limit: 1000 } : {} });
}

function itemsOf(route: MockRoute, body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  return ((body as Record<string, unknown>)[route.pagination?.itemsField ?? 'items'] ?? []) as Record<string, unknown>[];
}

describe('stateful resources', () => {
  for (const def of RESOURCES) {
    it(`${def.resource}: create → retrieve → list → update → delete → 404`, async () => {
      const refs = {
        llm_id: ((await call('POST', '/create-retell-llm', { body: {} })).body as { llm_id: string }).llm_id,
        conversation_flow_id: ((await send(routeOf('conversationFlow', 'create'), samples['createConversationFlow']!.request)).body as { conversation_flow_id: string }).conversation_flow_id,
      };
      const create = routeOf(def.resource, 'create', 'import');
      const created = await send(create, withRefs(samples[create.operationId]!.request, refs));
      expect(created.status, JSON.stringify(created.body)).toBe(create.success.status);
      const record = created.body as Record<string, unknown>;
      const id = String(record[def.idField]);
      expect(id).not.toBe('');
      if (def.versioned) expect(record['version']).toBe(0);

      const retrieve = routeOf(def.resource, 'retrieve', 'get');
      const got = await send(retrieve, undefined, { [retrieve.pathParams[0]!.name]: id });
      expect(got.status).toBe(200);
      expect(got.body).toEqual(record);

      const list = routeOf(def.resource, 'list');
      const listed = await listAll(list);
      expect(listed.status).toBe(200);
      expect(itemsOf(list, listed.body).map((r) => r[def.idField])).toContain(id);

      const update = routeOf(def.resource, 'update', 'addSources');
      const updateBody = withRefs(samples[update.operationId]!.request, refs);
      const updated = await send(update, updateBody, { [update.pathParams[0]!.name]: id });
      expect(updated.status, JSON.stringify(updated.body)).toBe(update.success.status);
      const after = updated.body as Record<string, unknown>;
      expect(after[def.idField]).toBe(id);
      if (def.versioned) expect(after['version']).toBe(1);
      for (const [key, value] of Object.entries(updateBody as Record<string, unknown>)) {
        if (key in after && typeof value !== 'object') expect(after[key], key).toEqual(value);
      }
      const reread = await send(retrieve, undefined, { [retrieve.pathParams[0]!.name]: id });
      expect(reread.body).toEqual(after);

      const remove = routeOf(def.resource, 'delete');
      expect((await send(remove, undefined, { [remove.pathParams[0]!.name]: id })).status).toBe(remove.success.status);
      expect((await send(retrieve, undefined, { [retrieve.pathParams[0]!.name]: id })).status).toBe(404);
      expect((await send(remove, undefined, { [remove.pathParams[0]!.name]: id })).status).toBe(404);
      const relisted = await listAll(list);
      expect(itemsOf(list, relisted.body).map((r) => r[def.idField])).not.toContain(id);
    });
  }

  it('pages a paginated list with limit and cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await call('POST', '/create-retell-llm', { body: {} })).body as { llm_id: string }).llm_id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await call('GET', `/v2/list-retell-llms${query({ limit: 2, pagination_key: cursor })}`);
      const body = res.body as { items: { llm_id: string }[]; has_more: boolean; pagination_key?: string };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.llm_id));
      if (!body.has_more) break;
      cursor = body.pagination_key;
    }
    expect(seen.slice(-5)).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('agent versions', () => {
  it('publish, create and delete versions; retrieve by version', async () => {
    const llm = ((await call('POST', '/create-retell-llm', { body: {} })).body as { llm_id: string }).llm_id;
    const agent = (await call('POST', '/create-agent', { body: { voice_id: '11labs-Myra', response_engine: { type: 'retell-llm', llm_id: llm } } })).body as { agent_id: string };
    const id = agent.agent_id;
    const updated = (await call('PATCH', `/update-agent/${id}`, { body: { agent_name: 'v1' } })).body as { version: number; last_modification_timestamp: number };
    expect(updated.version).toBe(1);

    expect((await call('POST', `/publish-agent-version/${id}`, { body: { version: 1, version_description: 'launch' } })).status).toBe(204);
    const published = (await call('GET', `/get-agent/${id}?version=1`)).body as { is_published: boolean; version_description: string };
    expect(published).toMatchObject({ is_published: true, version_description: 'launch' });
    const draft = (await call('GET', `/get-agent/${id}`)).body as { version: number; is_published: boolean; last_modification_timestamp: number };
    expect(draft).toMatchObject({ version: 2, is_published: false });
    expect(draft.last_modification_timestamp).toBeGreaterThan(updated.last_modification_timestamp);

    const copy = (await call('POST', `/create-agent-version/${id}`, { body: { base_version: 0 } })).body as { version: number; base_version: number };
    expect(copy).toMatchObject({ version: 3, base_version: 0 });
    const versions = (await call('GET', `/get-agent-versions/${id}`)).body as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([0, 1, 2, 3]);

    expect((await call('DELETE', `/delete-agent-version/${id}?version=2`)).status).toBe(204);
    expect((await call('GET', `/get-agent/${id}?version=2`)).status).toBe(404);
    expect((await call('DELETE', `/delete-agent-version/${id}?version=2`)).status).toBe(404);
    expect(((await call('GET', `/get-agent-versions/${id}`)).body as { version: number }[]).map((v) => v.version)).toEqual([0, 1, 3]);
  });

  it('serves the version routes shared with chat agents for chat agent ids', async () => {
    const llm = ((await call('POST', '/create-retell-llm', { body: {} })).body as { llm_id: string }).llm_id;
    const created = await call('POST', '/create-chat-agent', { body: { response_engine: { type: 'retell-llm', llm_id: llm } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const chat = created.body as { agent_id: string };
    const copy = await call('POST', `/create-agent-version/${chat.agent_id}`, { body: { base_version: 0 } });
    expect(copy.status).toBe(201);
    expect((copy.body as { version: number }).version).toBe(1);
    expect(((await call('GET', `/get-chat-agent-versions/${chat.agent_id}`)).body as unknown[]).length).toBe(2);
  });
});
