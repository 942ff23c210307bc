/**
 * Streamable HTTP, in process, driven by the official MCP client against the mock API: the key comes
 * per request and never reaches the log, sessions are bound to their key, the default bind is
 * loopback, and the endpoint and dynamic tool modes with their filters.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMockServer, type MockServer } from '@retell-kit/mock';
import { createContext, methodDocs, startHttpServer, toolName, type RunningHttpServer, type ServerContext } from '@retell-kit/mcp';
import { jsonResult, MCP_ROOT, textOf } from './helpers.js';

const KEY_A = 'key_http_alpha_0123456789';
const KEY_B = 'key_http_bravo_9876543210';
let mock: MockServer;
let ctx: ServerContext;
let http: RunningHttpServer;
const logs: string[] = [];

async function connect(url: string, headers: Record<string, string>): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'retell-kit-http-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  ctx = createContext({ packageRoot: MCP_ROOT, sandboxEntry: path.join(MCP_ROOT, 'src/sandbox-worker.ts'), modes: ['code', 'dynamic'], limits: { timeoutMs: 20_000 } });
  http = await startHttpServer(ctx, { port: 0, baseURL: mock.url, log: (l) => logs.push(l) });
}, 60_000);

afterAll(async () => {
  await http?.close();
  await ctx?.close();
  await mock?.close();
});

describe('MCP server over Streamable HTTP', () => {
  it('binds to 127.0.0.1 by default', () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('lists tools, searches and runs code with the key of the request', async () => {
    const { client } = await connect(http.url, { authorization: `Bearer ${KEY_A}` });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['describe_endpoint', 'execute', 'invoke_endpoint', 'list_endpoints', 'search_docs']);
    const found = textOf(await client.callTool({ name: 'search_docs', arguments: { query: 'which webhook fires when a call ends' } }));
    expect(found.text).toContain('1. `webhook.call_ended`');
    const code = `async function run(client) {
  const llm = await client.llm.create({ general_prompt: 'Answer briefly.' });
  const agent = await client.agent.create({ response_engine: { type: 'retell-llm', llm_id: llm.llm_id }, voice_id: '11labs-Adrian' });
  const page = await client.agent.list();
  return page.items.some((a) => a.agent_id === agent.agent_id);
}`;
    const r = textOf(await client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 180_000 }));
    expect(r.isError, r.text).toBe(false);
    expect(jsonResult(r.text)).toBe(true);
    await client.close();
  }, 120_000);

  it('takes the key from X-Retell-Api-Key too, and refuses a session to another key', async () => {
    const { client, transport } = await connect(http.url, { 'x-retell-api-key': KEY_A });
    const sessionId = transport.sessionId!;
    expect(sessionId).toMatch(/\S/);
    const hijack = await fetch(http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId, authorization: `Bearer ${KEY_B}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(hijack.status).toBe(403);
    const stillMine = await client.listTools();
    expect(stillMine.tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it('rejects a session without a key, bad JSON and oversized bodies, and keeps serving', async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    expect((await fetch(http.url, { method: 'POST', headers, body: JSON.stringify(init) })).status).toBe(401);
    expect((await fetch(http.url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${KEY_A}` }, body: '{not json' })).status).toBe(400);
    expect((await fetch(http.url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${KEY_A}` }, body: 'x'.repeat(2_000_000) })).status).toBe(413);
    expect((await fetch(http.url.replace('/mcp', '/other'), { method: 'POST', headers, body: '{}' })).status).toBe(404);
    const { client } = await connect(http.url, { authorization: `Bearer ${KEY_B}` });
    expect((await client.listTools()).tools.length).toBe(5);
    await client.close();
  });

  it('dynamic tools list, describe and invoke endpoints; API errors keep status and body', async () => {
    const { client } = await connect(http.url, { authorization: `Bearer ${KEY_A}` });
    const list = textOf(await client.callTool({ name: 'list_endpoints', arguments: { resource: 'knowledgeBase' } }));
    expect(list.text).toContain('`knowledge_base_delete_source`');
    const described = textOf(await client.callTool({ name: 'describe_endpoint', arguments: { endpoint: 'llm.create' } }));
    expect(described.text).toContain('`POST /create-retell-llm`');
    expect(described.text).toContain('"type":"object"');
    const created = textOf(await client.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'llm_create', args: { general_prompt: 'Hi' } } }));
    expect(created.isError, created.text).toBe(false);
    const llmId = (JSON.parse(created.text) as { llm_id: string }).llm_id;
    const got = textOf(await client.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'llm.retrieve', args: { llm_id: llmId } } }));
    expect(JSON.parse(got.text)).toMatchObject({ llm_id: llmId });
    const missing = textOf(await client.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'agent.retrieve', args: { agent_id: 'agent_nope' } } }));
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain('status: 404');
    const badArgs = textOf(await client.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'agent.retrieve', args: {} } }));
    expect(badArgs.text).toContain('missing required argument `agent_id`');
    const unknown = textOf(await client.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'agent.explode' } }));
    expect(unknown.text).toContain('Unknown endpoint');
    await client.close();
  });

  it('never writes a key to its log', () => {
    expect(logs.length).toBeGreaterThan(3);
    for (const line of logs) {
      expect(line).not.toContain(KEY_A);
      expect(line).not.toContain(KEY_B);
    }
  });
});

describe('endpoint tools and filters', () => {
  it('one tool per method with a trimmed input schema; --read-only and --resource narrow them', async () => {
    const all = createContext({ packageRoot: MCP_ROOT, modes: ['endpoints'] });
    const server = await startHttpServer(all, { port: 0, baseURL: mock.url, log: () => undefined });
    const { client } = await connect(server.url, { authorization: `Bearer ${KEY_A}` });
    const { tools } = await client.listTools();
    // 114 methods in retell-sdk@5.66.1; the docs model must agree, and every method gets one tool.
    const docs = methodDocs();
    expect(docs).toHaveLength(114);
    expect(tools).toHaveLength(docs.length);
    const names = new Set(tools.map((t) => t.name));
    expect(names.size).toBe(docs.length);
    expect(names).toEqual(new Set(docs.map((m) => toolName(m))));
    const create = tools.find((t) => t.name === 'call_create_phone_call')!;
    expect(create.inputSchema.required).toEqual(expect.arrayContaining(['from_number', 'to_number']));
    expect(JSON.stringify(create.inputSchema)).not.toContain('$ref');
    const r = textOf(await client.callTool({ name: 'llm_create', arguments: { general_prompt: 'x' } }));
    expect(r.isError, r.text).toBe(false);
    const wrong = textOf(await client.callTool({ name: 'llm_retrieve', arguments: { llm_id: 5, extra: true } }));
    expect(wrong.isError).toBe(true);
    await client.close();
    await server.close();

    const readOnly = createContext({ packageRoot: MCP_ROOT, modes: ['endpoints'], filter: { readOnly: true, resources: ['agent', 'call'], deny: ['call.list'] } });
    const ids = readOnly.methods.map((m) => m.id).sort();
    // Expected from the docs model: the read-only methods of agent and call, less the denied one.
    const expectedReadOnly = docs.filter((m) => m.readOnly && (m.resource === 'agent' || m.resource === 'call') && m.id !== 'call.list').map((m) => m.id).sort();
    expect(ids).toEqual(expectedReadOnly);
    // Anchors that do not depend on the derivation: reads stay, writes, the denied method and other resources go.
    expect(ids).toEqual(expect.arrayContaining(['agent.getVersions', 'agent.list', 'agent.listVersions', 'agent.retrieve', 'call.retrieve']));
    for (const gone of ['agent.create', 'agent.update', 'agent.delete', 'call.createPhoneCall', 'call.list', 'llm.list']) expect(ids).not.toContain(gone);
    const allowOnly = createContext({ packageRoot: MCP_ROOT, filter: { allow: ['voice.*', 'llm_create'] } });
    const expectedAllowed = ['llm.create', ...docs.filter((m) => m.resource === 'voice').map((m) => m.id)].sort();
    expect(expectedAllowed).toEqual(expect.arrayContaining(['llm.create', 'voice.addResource', 'voice.clone', 'voice.list', 'voice.retrieve', 'voice.search']));
    expect(allowOnly.methods.map((m) => m.id).sort()).toEqual(expectedAllowed);
  }, 60_000);
});
