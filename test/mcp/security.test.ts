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
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startMockServer, type MockServer } from '@retell-kit/mock';
import { createApiClient, createContext, DEFAULT_LIMITS, startHttpServer, guardedFetch, methodDocs, RequestBudget, RequestPolicy, SandboxPool } from '@retell-kit/mcp';
import { Retell } from '@retell-kit/sdk';
import { jsonResult, MCP_ROOT, spawnStdioClient, textOf } from './helpers.js';

const KEY = 'key_security_secret_0123456789';
let mock: MockServer;
const mockLog: string[] = [];
let foreign: Server;
let foreignUrl: string;
const foreignHits: string[] = [];
let readOnly: Client;
let filtered: Client;
let limited: Client;
let limitedPid: number;
let limitedStderr: () => string;
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
  const [a, b, c] = await Promise.all([
    spawnStdioClient(['--read-only', '--tools=code,dynamic', '--timeout-ms=20000', '--checkers=1'], { RETELL_API_KEY: KEY, RETELL_BASE_URL: mock.url }),
    spawnStdioClient(['--allow=agent.*,llm.list', '--deny=agent.delete', '--timeout-ms=20000', '--checkers=1'], { RETELL_API_KEY: KEY }),
    spawnStdioClient(['--typecheck-timeout=3', '--memory-mb=32', '--timeout-ms=30000'], { RETELL_API_KEY: KEY, RETELL_BASE_URL: mock.url }),
  ]);
  readOnly = a.client;
  filtered = b.client;
  limited = c.client;
  limitedStderr = c.stderr;
  limitedPid = c.transport.pid!;
}, 180_000);

afterAll(async () => {
  await Promise.all([readOnly?.close(), filtered?.close(), limited?.close()]);
  await mock?.close();
  await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
});

const run = async (client: Client, code: string) => textOf(await client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 180_000 }));
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

  it('refuses defaultBaseURL, baseURL, fetchOptions, headers, fetch, __binaryResponse, query, body and method by name', async () => {
    // One run tries every option (with no RETELL_BASE_URL on this server, the defaultBaseURL case).
    const options = {
      defaultBaseURL: `'${foreignUrl}'`,
      baseURL: `'${foreignUrl}'`,
      fetchOptions: `{ redirect: 'follow' }`,
      headers: `{ host: 'x' }`,
      fetch: `'${foreignUrl}'`,
      __binaryResponse: 'true',
      query: `{ a: 1 }`,
      body: `{ a: 1 }`,
      method: `'post'`,
      idempotencyKey: `'k'`,
    };
    const tries = Object.entries(options)
      .map(([k, v]) => `try { await (client.agent.list as any)(undefined, { ${k}: ${v} }); out.push('sent ${k}'); } catch (e) { out.push(e.message); }`)
      .join('\n  ');
    const r = await run(filtered, `async function run(client) {\n  const out: string[] = [];\n  ${tries}\n  return out;\n}`);
    expect(r.isError, r.text).toBe(false);
    const messages = jsonResult(r.text) as string[];
    expect(messages).toHaveLength(Object.keys(options).length);
    Object.keys(options).forEach((k, i) => expect(messages[i]).toContain(`the request option "${k}" is not allowed`));
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
    const logged: { level: string; data: unknown }[] = [];
    readOnly.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logged.push(n.params));
    await readOnly.setLoggingLevel('info');
    const del = await run(readOnly, `async function run(client) { await client.agent.delete('${agentId}'); }`);
    expect(del.text).toContain('agent.delete is not allowed (--read-only)');
    await new Promise((r) => setTimeout(r, 200));
    // The refusal also reaches the client as an MCP log notification.
    expect(logged.some((l) => l.level === 'warning' && JSON.stringify(l.data).includes('agent.delete is not allowed (--read-only)'))).toBe(true);
    const caught = await run(readOnly, `async function run(client) { try { await client.agent.delete('${agentId}'); } catch (e) { return (e as Error).message; } }`);
    expect(jsonResult(caught.text)).toBe('agent.delete is not allowed (--read-only)');
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

describe('first-try stumbles', () => {
  it('APIError is a type and a value; arrow-form run works; runtime errors name their line', async () => {
    const caught = await run(readOnly, `async function run(client) {
  try {
    await client.agent.retrieve('agent_nope');
  } catch (e) {
    if (e instanceof APIError) return { status: e.status, message: e.message };
    throw e;
  }
}`);
    expect(caught.isError, caught.text).toBe(false);
    expect(jsonResult(caught.text)).toMatchObject({ status: 404 });
    const arrow = await run(readOnly, 'const run = async (client) => Array.isArray((await client.agent.list()).items);');
    expect(jsonResult(arrow.text)).toBe(true);
    const bare = await run(readOnly, 'const run = async client => typeof client.agent.list;');
    expect(jsonResult(bare.text)).toBe('function');
    const thrown = await run(readOnly, `interface Row {
  id: string;
}

async function run(client) {
  const rows: Row[] = [];

  // nothing yet
  if (rows.length === 0) throw new Error('no rows');
  return rows;
}`);
    expect(thrown.isError).toBe(true);
    expect(thrown.text).toContain('Error: Error: no rows (line 9)');
  }, 120_000);
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

/** 30 aliases, each splitting every string of a 10 000-member template-literal union: seconds of checker work. */
const TYPE_BOMB = [
  "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';",
  'type P = `${D}${D}${D}${D}`;',
  ...Array.from({ length: 30 }, (_, i) => `type B${i}<T> = T extends \`\${infer H}\${infer R}\` ? [H, B${i}<R>] : T;\ntype C${i} = B${i}<P>;`),
  'const q: C29 = null as any;',
  'async function run(client) { return 1; }',
].join('\n');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

describe('bounded resources', () => {
  it('RSS comes back to within 20% of idle after a memory bomb', async () => {
    if (process.platform !== 'linux') return;
    await limited.listTools();
    for (let waited = 0; !limitedStderr().includes('retell-kit-mcp: warm') && waited < 120_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    expect(limitedStderr()).toContain('retell-kit-mcp: warm');
    // Real runs first (they must type-check and reach the API), so idle RSS includes a used sandbox.
    for (let i = 0; i < 3; i++) {
      const warm = await run(limited, 'async function run(client) { return Array.isArray((await client.agent.list()).items); }');
      expect(jsonResult(warm.text)).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = rssMb(limitedPid);
    const bombs = await Promise.all(
      [0, 1, 2].map(() => run(limited, 'async function run(client) { const a: number[][] = []; for (;;) a.push(new Array(100000).fill(1)); }')),
    );
    for (const b of bombs) {
      expect(b.isError).toBe(true);
      expect(b.text).toMatch(/out of memory|memory/i);
    }
    let now = rssMb(limitedPid);
    // Generous on time (a loaded machine), strict on memory.
    for (let waited = 0; now > idle * 1.2 && waited < 60_000; waited += 1_000) {
      await new Promise((r) => setTimeout(r, 1_000));
      now = rssMb(limitedPid);
    }
    console.log(`RSS idle ${idle.toFixed(0)} MB, after 3 memory bombs ${now.toFixed(0)} MB`);
    expect(now).toBeLessThanOrEqual(idle * 1.2);
    const still = await run(limited, 'async function run(client) { return 7; }');
    expect(jsonResult(still.text)).toBe(7);
  }, 180_000);

  it('a type bomb gets a clear error at its deadline while another execute finishes normally', async () => {
    // Both checkers warm first (the server logs it), so the second execute measures queueing, not a cold start.
    await limited.listTools();
    for (let waited = 0; !limitedStderr().includes('retell-kit-mcp: warm') && waited < 120_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    expect(limitedStderr()).toContain('retell-kit-mcp: warm');
    const order: string[] = [];
    const bomb = run(limited, TYPE_BOMB).then((r) => (order.push('bomb'), r));
    await new Promise((r) => setTimeout(r, 200));
    const normal = run(limited, 'async function run(client) { return 40 + 2; }').then((r) => (order.push('normal'), r));
    const [b, n] = await Promise.all([bomb, normal]);
    expect(n.isError, n.text).toBe(false);
    expect(jsonResult(n.text)).toBe(42);
    expect(b.isError).toBe(true);
    expect(b.text).toContain('the type check did not finish within 3 s');
    expect(order).toEqual(['normal', 'bomb']);
    // The replaced checker serves the next call.
    const after = await run(limited, 'async function run(client) { return "ok"; }');
    expect(jsonResult(after.text)).toBe('ok');
  }, 180_000);
});

describe('concurrency and lifetime', () => {
  it('past the concurrency cap a run waits, then gets a clear "busy, retry"', async () => {
    const pool = new SandboxPool(path.join(MCP_ROOT, 'src/sandbox-worker.ts'), { maxConcurrent: 1, queueWaitMs: 300 });
    try {
      const limits = { ...DEFAULT_LIMITS, timeoutMs: 4_000 };
      const host = async () => 'null';
      const endless = pool.run('async function run(client) { for (;;) {} }', [], host, limits);
      await new Promise((r) => setTimeout(r, 100));
      const busy = await pool.run('async function run(client) { return 1; }', [], host, limits);
      expect(busy.ok).toBe(false);
      if (!busy.ok) {
        expect(busy.error.name).toBe('BusyError');
        expect(busy.error.message).toMatch(/busy \(1 sandboxes running.*retry/);
      }
      const stopped = await endless;
      expect(stopped.ok).toBe(false);
      // The slot is free again: the next run goes through.
      const next = await pool.run('async function run(client) { return 5; }', [], host, limits);
      expect(next).toMatchObject({ ok: true, value: 5 });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a stdio server exits when its client dies', async () => {
    if (process.platform === 'win32') return;
    // A client process that starts the server on pipes, prints its pid, and is then killed outright.
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ${JSON.stringify(path.join(MCP_ROOT, 'src/run.ts'))}], { cwd: ${JSON.stringify(MCP_ROOT)}, stdio: ['pipe', 'pipe', 'ignore'], env: { PATH: process.env.PATH } });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await new Promise((r) => setTimeout(r, 3_000));
    expect(alive()).toBe(true);
    parent.kill('SIGKILL');
    let waited = 0;
    while (alive() && waited < 60_000) {
      await new Promise((r) => setTimeout(r, 500));
      waited += 500;
    }
    if (alive()) process.kill(pid, 'SIGKILL');
    expect(alive()).toBe(false);
  }, 120_000);
});

describe('HTTP: a browser page cannot reach it, junk keys cannot lock users out', () => {
  const init = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

  it('Origin and Host outside the allowlist get 403; loopback and listed ones pass; /health answers', async () => {
    const ctx = createContext({ packageRoot: MCP_ROOT, sandboxEntry: path.join(MCP_ROOT, 'src/sandbox-worker.ts') });
    const server = await startHttpServer(ctx, { port: 0, baseURL: mock.url, log: () => undefined, allowedOrigins: ['https://app.example'], allowedHosts: ['mcp.internal'] });
    try {
      const post = (headers: Record<string, string>) => rawPost(server.url, { ...base, authorization: `Bearer ${KEY}`, ...headers }, init(1));
      expect((await post({ origin: 'http://attacker.example' })).status).toBe(403);
      expect((await post({ origin: 'null' })).status).toBe(403);
      expect((await post({ host: 'attacker.example' })).status).toBe(403);
      expect((await post({ host: 'attacker.example:80', origin: 'http://localhost:5173' })).status).toBe(403);
      const refused = await post({ origin: 'http://attacker.example' });
      expect((JSON.parse(refused.body) as { error: { message: string } }).error.message).toContain('Origin "http://attacker.example" is not allowed');
      expect((await post({})).status).toBe(200);
      expect((await post({ origin: 'http://localhost:5173' })).status).toBe(200);
      expect((await post({ origin: 'https://app.example' })).status).toBe(200);
      expect((await post({ host: 'mcp.internal:3333' })).status).toBe(200);
      const health = await fetch(server.url.replace('/mcp', '/health'));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
      await ctx.close();
    }
  }, 60_000);

  it('sessions are capped per key (the idlest is closed), so 100 junk keys do not lock a real user out', async () => {
    const ctx = createContext({ packageRoot: MCP_ROOT, sandboxEntry: path.join(MCP_ROOT, 'src/sandbox-worker.ts') });
    const server = await startHttpServer(ctx, { port: 0, baseURL: mock.url, log: () => undefined, sessionsPerKey: 2, maxSessions: 50 });
    try {
      const open = async (key: string) => {
        const r = await fetch(server.url, { method: 'POST', headers: { ...base, authorization: `Bearer ${key}` }, body: init(1) });
        await r.text();
        return { status: r.status, session: r.headers.get('mcp-session-id') };
      };
      const mine = await open(KEY);
      expect(mine.status).toBe(200);
      for (let i = 0; i < 100; i++) expect((await open(`junk_${i}`)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await open('junk_same')).status).toBe(200);
      const again = await open(KEY);
      expect(again.status).toBe(200);
      // The key's third session closes its idlest one.
      const s2 = await open(KEY);
      const s3 = await open(KEY);
      expect([s2.status, s3.status]).toEqual([200, 200]);
      const use = (session: string) =>
        fetch(server.url, { method: 'POST', headers: { ...base, authorization: `Bearer ${KEY}`, 'mcp-session-id': session, 'mcp-protocol-version': '2025-03-26' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) }).then(async (r) => (await r.text(), r.status));
      expect(await use(again.session!)).toBe(404);
      expect(await use(s3.session!)).toBe(202);
    } finally {
      await server.close();
      await ctx.close();
    }
  }, 60_000);
});

/** A POST with exactly these headers (fetch would not let a test set Host). */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { host: u.host, ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
