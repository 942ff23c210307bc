/**
 * A bounded fuzz run against the mock on loopback: FUZZ_REQUESTS requests generated from the spec's
 * routes and samples and then mutated (methods, paths, query names and values, headers, content types,
 * JSON bodies with odd keys, nesting and sizes, multipart field names and files, truncated and corrupted
 * bytes), sent 16 at a time. Every answer must be a 2xx or 4xx whose body, when there is one, is
 * well-formed JSON; the server must still answer afterwards; `Object.prototype` must be untouched. The
 * generator is seeded, so a failure names a request that replays. Bounded in count, and in time only
 * by a generous test timeout (a few seconds of work on a quiet machine).
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockSpec, samples, startMockServer, type MockRoute, type MockServer } from '@retell-kit/mock';

const FUZZ_REQUESTS = 10_000;
const CONCURRENCY = 16;
const SEED = 0x5eed1234;
/** Small, so oversized bodies (413) cost little to send. */
const MAX_BODY_BYTES = 256 * 1024;

/** mulberry32: a tiny seeded generator, so every run sends the same requests. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const chance = (p: number): boolean => random() < p;
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', 'a[b]', '[]', '💥', 'x'.repeat(300), '\u0000', '$ref', 'length'];
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'FOO'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', 'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded', 'application/octet-stream', 'garbage/;;;', ''];

function randomString(): string {
  switch (int(6)) {
    case 0: return '';
    case 1: return pick(ODD_KEYS);
    case 2: return 'z'.repeat(int(5_000));
    case 3: return String.fromCharCode(...Array.from({ length: 1 + int(20) }, () => int(0xd7ff)));
    case 4: return `agent_${int(1e6).toString(16)}`;
    default: return String(random()).slice(0, int(30));
  }
}

/** A random JSON value, at most `depth` levels of objects and arrays. */
function randomValue(depth: number): unknown {
  const kind = depth <= 0 ? int(5) : int(7);
  switch (kind) {
    case 0: return null;
    case 1: return chance(0.5);
    case 2: return pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 42]);
    case 3:
    case 4: return randomString();
    case 5: return Array.from({ length: int(4) }, () => randomValue(depth - 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = int(4); i > 0; i--) Object.defineProperty(out, chance(0.2) ? pick(ODD_KEYS) : randomString().slice(0, 20), { value: randomValue(depth - 1), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

/** `{"a":{"a":...}}` nested `depth` deep, as text (never built as an object here). */
const deepText = (depth: number, open = '{"a":', close = '}'): string => `${open.repeat(depth)}1${close.repeat(depth)}`;

/** A JSON body text: the sample, mutated. */
function jsonBody(route: MockRoute): string {
  const sample = samples[route.operationId]?.request;
  let value: unknown = sample !== undefined && chance(0.8) ? structuredClone(sample) : randomValue(3);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (let i = 1 + int(3); i > 0; i--) {
      const keys = Object.keys(obj);
      const op = int(4);
      if (op === 0 && keys.length > 0) delete obj[pick(keys)];
      else if (op === 1 && keys.length > 0) obj[pick(keys)] = randomValue(2);
      else if (op === 2) Object.defineProperty(obj, chance(0.3) ? pick(ODD_KEYS) : randomString().slice(0, 30), { value: randomValue(2), enumerable: true, writable: true, configurable: true });
      else obj['metadata'] = randomValue(3);
    }
  }
  let text = JSON.stringify(value) ?? 'null';
  switch (int(10)) {
    case 0: { // deep nesting (objects, arrays or prototype keys) spliced in as `metadata`
      const opener = pick(['{"a":', '[', '{"__proto__":']);
      const deep = deepText(1 + int(3_000), opener, opener === '[' ? ']' : '}');
      text = text.startsWith('{') && text.length > 2 ? `{"metadata":${deep},${text.slice(1)}` : `{"metadata":${deep}}`;
      break;
    }
    case 1: // raw prototype keys, which JSON.stringify of an object literal cannot produce
      text = text.startsWith('{') && text.length > 2 ? `{"__proto__":{"polluted":1},${text.slice(1)}` : '{"__proto__":{"polluted":1}}';
      break;
    case 2: // truncated
      text = text.slice(0, int(text.length));
      break;
    case 3: // a big string field, sometimes past the body limit
      text = JSON.stringify({ ...(typeof value === 'object' && value !== null ? value : {}), general_prompt: 'p'.repeat(int(MAX_BODY_BYTES * 1.2)) });
      break;
    case 4: // one corrupted character
      if (text.length > 0) {
        const at = int(text.length);
        text = `${text.slice(0, at)}${pick(['"', '{', ']', '\\', '\u0000', ','])}${text.slice(at + 1)}`;
      }
      break;
    default:
      break;
  }
  return text;
}

/** A multipart field name: the sample's shapes plus brackets, odd keys and depth. */
function fieldName(): string {
  const base = pick(['knowledge_base_name', 'knowledge_base_texts', 'knowledge_base_urls', 'knowledge_base_files', 'files', 'voice_name', pick(ODD_KEYS), randomString().slice(0, 12)]);
  switch (int(6)) {
    case 0: return base;
    case 1: return `${base}[]`;
    case 2: return `${base}[][${pick(['title', 'text', ...ODD_KEYS])}]`;
    case 3: return `${base}${'[a]'.repeat(int(120))}`;
    case 4: return `${base}[${pick(ODD_KEYS)}][${pick(ODD_KEYS)}]`;
    default: return `${base}[${randomString().slice(0, 10)}`;
  }
}

async function multipartBody(route: MockRoute): Promise<{ bytes: Uint8Array; contentType: string }> {
  const form = new FormData();
  const sample = samples[route.operationId]?.request;
  if (sample !== null && typeof sample === 'object' && chance(0.7)) {
    for (const [k, v] of Object.entries(sample as Record<string, unknown>)) {
      if (Array.isArray(v)) for (const x of v) form.append(`${k}[]`, typeof x === 'object' ? JSON.stringify(x) : String(x));
      else form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
  }
  for (let i = int(6); i > 0; i--) {
    if (chance(0.3)) form.append(fieldName(), new File([new Uint8Array(int(20_000))], chance(0.5) ? 'a.txt' : randomString().slice(0, 40) || 'x', { type: pick(['text/plain', 'application/pdf', '']) }));
    else form.append(fieldName(), randomString());
  }
  const response = new Response(form);
  let bytes = new Uint8Array(await response.arrayBuffer());
  let contentType = response.headers.get('content-type')!;
  if (chance(0.1)) bytes = bytes.slice(0, int(bytes.length));
  if (chance(0.05)) contentType = 'multipart/form-data';
  return { bytes, contentType };
}

function fillPath(route: MockRoute, ids: string[]): string {
  const s = samples[route.operationId]!;
  let path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = ids.length > 0 && chance(0.4) ? pick(ids) : chance(0.8) ? String(s.path[name]) : randomString();
    return encodeURIComponent(value);
  });
  switch (int(12)) {
    case 0: path += `/${encodeURIComponent(randomString())}`; break;
    case 1: path = path.replace(/\/[^/]*$/, '/%E0%A4%A'); break;
    case 2: path = `/${pick(ODD_KEYS.map(encodeURIComponent))}`; break;
    case 3: path += '/../..'; break;
    case 4: path = path.toUpperCase(); break;
    default: break;
  }
  return path;
}

function queryString(route: MockRoute): string {
  const q = new URLSearchParams();
  const s = samples[route.operationId]!;
  for (const [k, v] of Object.entries(s.query)) if (chance(0.6)) q.append(k, chance(0.8) ? String(v) : randomString());
  for (let i = int(3); i > 0; i--) q.append(chance(0.4) ? pick(ODD_KEYS) : `${pick(['limit', 'filter', 'pagination_key', 'version'])}${pick(['', '[]', '[__proto__]', '[a][b]'])}`, randomString());
  const text = q.toString();
  return text ? `?${text}` : '';
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

async function generate(ids: string[]): Promise<FuzzRequest> {
  const route = pick(mockSpec.routes);
  const method = chance(0.85) ? route.method : pick(METHODS);
  const headers: Record<string, string> = {};
  const auth = int(10);
  if (auth > 1) headers['authorization'] = 'Bearer fuzz-key';
  else if (auth === 1) headers['authorization'] = pick(['Bearer', 'Basic abc', 'bearer  x', 'Bearer \t']);
  if (chance(0.1)) headers[pick(['x-should-retry', 'x-forwarded-for', 'accept', 'x-proto'])] = randomString().replace(/[^\x20-\x7e]/g, '').slice(0, 200);
  let body: Uint8Array | undefined;
  if (route.body?.kind === 'multipart' && chance(0.8)) {
    const form = await multipartBody(route);
    body = form.bytes;
    headers['content-type'] = form.contentType;
  } else if (route.body || chance(0.1)) {
    body = Buffer.from(jsonBody(route));
    headers['content-type'] = chance(0.85) ? 'application/json' : pick(CONTENT_TYPES);
  }
  return { method, path: fillPath(route, ids) + queryString(route), headers, ...(body ? { body } : {}) };
}

interface Answer { status: number; contentType: string | undefined; text: string }

function send(agent: Agent, port: number, req: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

function describeRequest(req: FuzzRequest): string {
  const body = req.body ? Buffer.from(req.body).toString('utf8') : '';
  return `${req.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 200)} ${body.slice(0, 300)}${body.length > 300 ? `... (${body.length} bytes)` : ''}`;
}

describe('mock server: fuzz', () => {
  let server: MockServer;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    server = await startMockServer({ port: 0, maxBodyBytes: MAX_BODY_BYTES });
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`stays up and answers ${FUZZ_REQUESTS} generated and mutated requests with well-formed 2xx/4xx JSON`, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const ids: string[] = [];
    let sent = 0;
    let resets = 0;

    const worker = async (): Promise<void> => {
      while (sent < FUZZ_REQUESTS) {
        sent += 1;
        const req = await generate(ids);
        let answer: Answer;
        try {
          answer = await send(agent, server.port, req);
        } catch (error) {
          // The server may close a connection on purpose only for a body past the drain ceiling, which
          // these bodies never reach: any reset is a finding.
          resets += 1;
          problems.push(`no answer (${(error as Error).message}): ${describeRequest(req)}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (!(answer.status >= 200 && answer.status < 300) && !(answer.status >= 400 && answer.status < 500)) {
          problems.push(`status ${answer.status} ${answer.text.slice(0, 300)}: ${describeRequest(req)}`);
          continue;
        }
        if (answer.text === '') {
          if (req.method !== 'HEAD' && answer.status !== 204 && !(answer.status >= 200 && answer.status < 300)) problems.push(`empty ${answer.status} body: ${describeRequest(req)}`);
          continue;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(answer.text);
        } catch {
          problems.push(`body is not JSON (${answer.text.slice(0, 100)}): ${describeRequest(req)}`);
          continue;
        }
        if (answer.contentType !== 'application/json') problems.push(`content-type ${answer.contentType}: ${describeRequest(req)}`);
        if (answer.status >= 400 && (typeof parsed !== 'object' || parsed === null || typeof (parsed as { message?: unknown }).message !== 'string')) {
          problems.push(`error body without a message: ${describeRequest(req)}`);
        }
        if (answer.status < 300 && parsed !== null && typeof parsed === 'object' && ids.length < 200) {
          for (const [k, v] of Object.entries(parsed)) if (k.endsWith('_id') && typeof v === 'string') ids.push(v);
        }
        if (problems.length > 20) return;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.info(`fuzz: ${sent} requests (seed ${SEED.toString(16)}), statuses { ${summary} }, ${problems.length} problems, ${resets} without answer`);
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(FUZZ_REQUESTS);
    // Both outcomes were exercised, not only rejections.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);

    // Still up and still right.
    const after = await fetch(`${server.url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
    expect(after.status).toBe(200);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    const probe: Record<string, unknown> = {};
    for (const key in probe) throw new Error(`Object.prototype gained an enumerable property ${key}`);
  });
});
