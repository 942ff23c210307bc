/**
 * The server as an editor runs it: a spawned process over stdio, driven by the official MCP client,
 * against the mock API. Lists tools, searches, runs code that creates an LLM and an agent and lists
 * agents, then every kind of bad input: each is a clear tool error and the next call still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startMockServer, type MockServer } from '@retell-kit/mock';
import { jsonResult, spawnStdioClient, textOf } from './helpers.js';

let mock: MockServer;
let client: Client;
let close: () => Promise<void>;
let stderr: () => string;
const KEY = 'key_stdio_secret_1234567890';

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  const spawned = await spawnStdioClient(['--timeout-ms=20000', '--memory-mb=32'], { RETELL_API_KEY: KEY, RETELL_BASE_URL: mock.url });
  client = spawned.client;
  stderr = spawned.stderr;
  close = () => client.close();
}, 120_000);

afterAll(async () => {
  await close?.();
  await mock?.close();
});

// A loaded machine can take a while to warm the type checker: the first execute gets a long request timeout.
const execute = async (code: string) => textOf(await client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 180_000 }));
/** After each bad input the server must still answer a good call. */
const stillWorks = async () => {
  const r = await execute('async function run(client) { return 40 + 2; }');
  expect(r.isError).toBe(false);
  expect(jsonResult(r.text)).toBe(42);
};

describe('MCP server over stdio (spawned)', () => {
  it('lists the code-mode tools with their schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['execute', 'search_docs']);
    const search = tools.find((t) => t.name === 'search_docs')!;
    expect(search.inputSchema.required).toEqual(['query']);
  });

  it('search_docs answers with the matching page in markdown', async () => {
    const r = textOf(await client.callTool({ name: 'search_docs', arguments: { query: 'how do I make an outbound call' } }));
    expect(r.isError).toBe(false);
    expect(r.text).toContain('1. `call.createPhoneCall`');
    expect(r.text).toContain('`POST /v2/create-phone-call`');
    expect(r.text).toContain('`to_number` (`string`, required)');
    expect(r.text).toContain('curl -X POST https://api.retellai.com/v2/create-phone-call');
    expect(r.text.length).toBeLessThanOrEqual(12_000);
    const filtered = textOf(await client.callTool({ name: 'search_docs', arguments: { query: 'delete', resource: 'knowledgeBase', limit: 2 } }));
    expect(filtered.text).toMatch(/1\. `knowledgeBase\.delete/);
    expect(filtered.text).not.toContain('`agent.delete`');
  });

  it('execute creates an LLM and an agent, then lists agents', async () => {
    const code = `
async function run(client) {
  const llm = await client.llm.create({ general_prompt: 'You are a friendly receptionist.' });
  const agent = await client.agent.create({ response_engine: { type: 'retell-llm', llm_id: llm.llm_id }, voice_id: '11labs-Adrian' });
  console.log('created', agent.agent_id);
  const page = await client.agent.list();
  return { llm: llm.llm_id, agent: agent.agent_id, listed: page.items.map((a) => a.agent_id) };
}`;
    const r = await execute(code);
    expect(r.isError, r.text).toBe(false);
    const value = jsonResult(r.text) as { llm: string; agent: string; listed: string[] };
    expect(value.llm).toMatch(/\S/);
    expect(value.listed).toContain(value.agent);
    expect(r.text).toContain(`created ${value.agent}`);
    expect(r.text).toContain('(3 SDK calls');
  });

  it('paginated methods can be walked with for await', async () => {
    // Self-contained: creates the two LLMs it looks for (not leaning on an earlier test), and pages one
    // item at a time so the walk has to follow pagination_key across pages.
    const r = await execute(`async function run(client) {
  const a = await client.llm.create({ general_prompt: 'Walk me.' });
  const b = await client.llm.create({ general_prompt: 'Walk me too.' });
  const ids: string[] = [];
  for await (const llm of client.llm.list({ limit: 1 })) ids.push(llm.llm_id);
  const page = await client.llm.list({ limit: 1 });
  return { made: [a.llm_id, b.llm_id], ids, firstPage: page.items.length, hasMore: page.has_more };
}`);
    expect(r.isError, r.text).toBe(false);
    const value = jsonResult(r.text) as { made: string[]; ids: string[]; firstPage: number; hasMore: boolean };
    expect(value.ids).toEqual(expect.arrayContaining(value.made));
    expect(new Set(value.ids).size).toBe(value.ids.length);
    // `await` gives the first page object of 5.66.1 (items, has_more), not an array.
    expect(value.firstPage).toBe(1);
    expect(value.hasMore).toBe(true);
  });

  it('an API error comes back as APIError with status and body', async () => {
    const r = await execute(`async function run(client) {
  try { await client.agent.retrieve('agent_does_not_exist'); return 'no error'; }
  catch (e: any) { return { name: e.name, status: e.status, isApiError: e instanceof APIError, hasBody: e.body !== undefined }; }
}`);
    expect(r.isError, r.text).toBe(false);
    expect(jsonResult(r.text)).toEqual({ name: 'APIError', status: 404, isApiError: true, hasBody: true });
    const thrown = await execute("async function run(client) { return client.agent.retrieve('agent_missing_2'); }");
    expect(thrown.isError).toBe(true);
    expect(thrown.text).toContain('status: 404');
  });

  describe('bad input: a clear tool error, and the server stays up', () => {
    it('unknown tool', async () => {
      const r = textOf(await client.callTool({ name: 'no_such_tool', arguments: {} }));
      expect(r.isError).toBe(true);
      expect(r.text).toContain('Unknown tool "no_such_tool"');
      await stillWorks();
    });

    it('wrong argument types', async () => {
      for (const args of [{ code: 42 }, { code: null }, {}, { code: 'x', extra: 1 }]) {
        const r = textOf(await client.callTool({ name: 'execute', arguments: args as Record<string, unknown> }));
        expect(r.isError).toBe(true);
        expect(r.text).toMatch(/Invalid arguments for execute: `(code|extra)`|unknown argument/);
      }
      const s = textOf(await client.callTool({ name: 'search_docs', arguments: { query: 'x', limit: 'many' } }));
      expect(s.isError).toBe(true);
      expect(s.text).toContain('`limit` must be an integer');
      await stillWorks();
    });

    it('code that does not compile: diagnostics, nothing sent', async () => {
      const agents = async () => JSON.stringify(await (await fetch(`${mock.url}/list-agents`, { headers: { authorization: `Bearer ${KEY}` } })).json());
      const before = await agents();
      const r = await execute("async function run(client) { await client.agent.create({ voice_id: 1 }); return client.agent.nope(); }");
      expect(r.isError).toBe(true);
      expect(r.text).toContain('no request was sent');
      expect(r.text).toMatch(/line 1:\d+ TS\d+: Property 'nope' does not exist/);
      expect(await agents()).toBe(before);
      const noRun = await execute('const x = 1;');
      expect(noRun.isError).toBe(true);
      expect(noRun.text).toContain('async function run(client)');
      await stillWorks();
    });

    it('code that throws', async () => {
      const r = await execute("async function run(client) { throw new RangeError('bad things'); }");
      expect(r.isError).toBe(true);
      expect(r.text).toContain('Error: RangeError: bad things');
      await stillWorks();
    });

    it('a promise that never settles', async () => {
      const r = await execute('async function run(client) { await new Promise(() => {}); return 1; }');
      expect(r.isError).toBe(true);
      expect(r.text).toContain('TimeoutError');
      await stillWorks();
    });

    it('an endless loop', async () => {
      const r = await execute('async function run(client) { for (;;) {} }');
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/interrupted|time limit/);
      await stillWorks();
    }, 60_000);

    it('unbounded allocation', async () => {
      const r = await execute("async function run(client) { const parts: string[] = []; for (;;) parts.push('x'.repeat(1 << 20) + parts.length); }");
      expect(r.isError).toBe(true);
      // QuickJS reports out of memory; when the allocation slows to a crawl first, the wall deadline stops the worker.
      expect(r.text).toMatch(/out of memory|memory limit|interrupted|sandbox stopped/);
      await stillWorks();
    }, 60_000);

    it('megabytes of output', async () => {
      const r = await execute("async function run(client) { const line = 'y'.repeat(10_000); for (let i = 0; i < 500; i++) console.log(line); return 'printed'; }");
      expect(r.isError).toBe(false);
      expect(jsonResult(r.text)).toBe('printed');
      expect(r.text).toContain('output past 64000 characters dropped');
      expect(r.text.length).toBeLessThan(80_000);
      await stillWorks();
    });

    it('escape attempts find nothing to escape to', async () => {
      const probes: [string, RegExp][] = [
        ['async function run(client) { return typeof (globalThis as any).process; }', /"undefined"/],
        ["async function run(client) { const g = Function('return this')(); return [typeof g.process, typeof g.require, typeof g.fetch]; }", /"undefined",\s*"undefined",\s*"undefined"/],
        ["async function run(client) { const fs = await import('node:fs'); return typeof fs; }", /Error|Cannot find module/],
        ["async function run(client) { return await (globalThis as any).fetch('http://127.0.0.1:1/'); }", /not a function|TypeError/],
        ["async function run(client) { return (client as any).constructor.constructor('return typeof process')(); }", /"undefined"|Error/],
        ["async function run(client) { (Object.prototype as any).polluted = 1; return ({} as any).polluted; }", /1/],
        ["async function run(client) { return await (client as any).agent.retrieve.call(null, '../../etc/passwd'); }", /Error/],
        ["async function run(client) { return (client as any)['__proto__'] === Object.prototype ? 'plain' : 'other'; }", /plain/],
        ["async function run(client) { return typeof (globalThis as any).__hostCall; }", /"undefined"/],
      ];
      for (const [code, want] of probes) {
        const r = await execute(code);
        expect(r.text, code).toMatch(want);
      }
      // Pollution inside the sandbox stays there: a fresh run sees a clean prototype, and so does the host.
      const fresh = await execute('async function run(client) { return ({} as any).polluted === undefined; }');
      expect(jsonResult(fresh.text)).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      await stillWorks();
    });

    it('an SDK call the bridge does not know', async () => {
      const r = await execute("async function run(client) { return await (globalThis as any).APIError && (client as any).agent.nope?.(); }");
      expect(r.isError).toBe(false);
      await stillWorks();
    });
  });

  it('keeps the API key out of its logs', () => {
    expect(stderr()).not.toContain(KEY);
  });
});
