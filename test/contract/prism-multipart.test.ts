/**
 * Multipart bodies against a third-party validating mock: Prism (@stainless-api/prism-cli) serving our
 * bundled spec (`pnpm bundle`) checks the form parts that `voice.clone`, `knowledgeBase.create` and
 * `knowledgeBase.addSources` send. Two wire forms exist:
 * - the current one, sent by our facade and retell-sdk@5.66.1: arrays and objects without files as one
 *   JSON text part (`knowledge_base_texts`), file arrays as repeated parts without brackets (`files`);
 * - the bracket form retell-sdk@5.33.0 sent (`files[]`, `knowledge_base_texts[][title]`).
 * Prism checks the senders of the bracket form when the spec states it (read from the bundle: part names
 * with brackets or without) and must report no violation for them. Prism (5.15) cannot read the json form:
 * its multipart reader keeps only the last of repeated parts, as a string, and ignores
 * `encoding.contentType`, so it reports `files` and `knowledge_base_texts` "must be array" for bodies
 * that are exactly what the spec states. The json form's senders are therefore checked against the
 * same bundle by a reader that follows OpenAPI's multipart rules (Node's own FormData parser, repeated
 * parts as an array, `application/json` parts parsed, text scalars read by their schema type) and ajv.
 * The senders of the form the spec does not state are skipped, since the spec then describes parts they
 * do not send. Our own mock server accepts all three senders.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Draft 2020-12: the JSON Schema dialect of OpenAPI 3.1, as the bundle declares.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Retell from '@retell-kit/sdk';
import { startMockServer, type MockServer } from '@retell-kit/mock';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
// retell-sdk is a devDependency of packages/client (the drop-in reference).
const Official = createRequire(path.join(REPO, 'packages/client/package.json'))('retell-sdk') as typeof import('retell-sdk');
// retell-sdk@5.66.1 (root dev dependency alias): the current official wire form.
const Official566 = createRequire(path.join(REPO, 'package.json'))('retell-sdk-5.66.1') as typeof import('retell-sdk');
// Prism starts slowly on a loaded machine; this only bounds a hang.
const STARTUP_MS = 240_000;

interface Exchange {
  url: string;
  status: number;
  violations: string | null;
  body: string;
  /** The request's multipart body as sent, parsed by Node's FormData reader. */
  form: FormData | undefined;
}

/** A fetch that records each exchange (request form, status, Prism's `sl-violations` header, body) before the client reads it. */
function recordingFetch(log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false;
    const form = multipart ? await request.clone().formData() : undefined;
    const response = await fetch(request);
    // retell-sdk fetches `data:,` once to learn the Response class; only HTTP exchanges count.
    if (response.url.startsWith('http')) log.push({ url: response.url, status: response.status, violations: response.headers.get('sl-violations'), body: await response.clone().text(), form });
    return response;
  };
}

/** A fetch that answers each multipart upload with 201 and a knowledge base id, so the uploads run with no server. */
function capturingFetch(log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith('http')) return fetch(input, init);
    const form = request.headers.get('content-type')?.startsWith('multipart/form-data') ? await request.formData() : undefined;
    const body = JSON.stringify({ knowledge_base_id: 'knowledge_base_capture', voice_id: 'voice_capture' });
    log.push({ url: request.url, status: 201, violations: null, body, form });
    return new Response(body, { status: 201, headers: { 'content-type': 'application/json' } });
  };
}

type SchemaNode = { $ref?: string; type?: string | string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };
interface Bundle {
  paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: SchemaNode; encoding?: Record<string, { contentType?: string }> }> } } }>;
  components: { schemas: Record<string, SchemaNode> };
}

/** The bundled route template a request path matches (`/add-knowledge-base-sources/{knowledge_base_id}`). */
function routeOf(doc: Bundle, pathname: string): string {
  const route = Object.keys(doc.paths).find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
  if (!route) throw new Error(`no route in the bundle for ${pathname}`);
  return route;
}

/**
 * The spec's verdict on one multipart body, read as OpenAPI states multipart: a part per property; an
 * array property without an encoding is repeated parts; a property whose encoding is `application/json`
 * is one part holding JSON text; other parts are text read by their schema type. A part the schema does
 * not name, a repeated scalar or unparsable JSON is a violation, and the result is checked with ajv.
 */
function specViolations(doc: Bundle, pathname: string, form: FormData): string[] {
  const media = doc.paths[routeOf(doc, pathname)]!.post!.requestBody!.content['multipart/form-data']!;
  const resolve = (node: SchemaNode): SchemaNode => (node.$ref ? doc.components.schemas[node.$ref.split('/').pop()!]! : node);
  const schema = resolve(media.schema);
  const properties = schema.properties ?? {};
  const violations: string[] = [];
  const value: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const parts = form.getAll(name);
    const property = Object.hasOwn(properties, name) ? resolve(properties[name]!) : undefined;
    if (!property) {
      violations.push(`part ${name} is not in the schema`);
      continue;
    }
    const text = (part: FormDataEntryValue): string => (typeof part === 'string' ? part : `file:${part.name}`);
    if (media.encoding?.[name]?.contentType === 'application/json') {
      if (parts.length !== 1 || typeof parts[0] !== 'string') violations.push(`part ${name} must be one JSON text part, got ${parts.length}`);
      try {
        value[name] = JSON.parse(String(parts[0]));
      } catch {
        violations.push(`part ${name} is not JSON text: ${String(parts[0]).slice(0, 80)}`);
      }
    } else if (property.type === 'array') {
      value[name] = parts.map(text);
    } else if (parts.length !== 1) {
      violations.push(`part ${name} is repeated (${parts.length}) but is not an array`);
    } else {
      const raw = text(parts[0]!);
      const type = property.type;
      value[name] = type === 'number' || type === 'integer' ? (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw) : type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
    }
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { binary: true, uri: true } });
  const validate = ajv.compile({ ...schema, components: doc.components });
  if (!validate(value)) for (const e of validate.errors ?? []) violations.push(`${e.instancePath || '(body)'} ${e.message ?? ''}`);
  return violations;
}

function file(content: string, name: string, type: string): File {
  return new File([content], name, { type });
}

/** The three uploads, through one client, in the order a stateful server needs (create before addSources). */
async function sendUploads(client: {
  voice: { clone(body: never): PromiseLike<unknown> };
  knowledgeBase: { create(body: never): PromiseLike<unknown>; addSources(id: string, body: never): PromiseLike<unknown> };
}): Promise<void> {
  await client.voice.clone({
    files: [file('RIFF sample one, with commas & [brackets]', 'dr-patel-1.wav', 'audio/wav'), file('RIFF sample two', 'dr-patel-2.wav', 'audio/wav')],
    voice_name: 'Dr. Patel',
    voice_provider: 'elevenlabs',
  } as never);
  const kb = (await client.knowledgeBase.create({
    knowledge_base_name: 'Northwind FAQ',
    knowledge_base_files: [file('# Returns\nWithin 30 days, receipt required.', 'returns.md', 'text/markdown')],
    knowledge_base_texts: [
      { title: 'Store hours', text: 'Monday to Saturday, 9am to 7pm; closed on Sundays.' },
      { title: 'Parking', text: 'Free for 2 hours (validate at the desk).' },
    ],
    knowledge_base_urls: ['https://www.example.com/help/returns', 'https://www.example.com/help/shipping?lang=en&v=2'],
    enable_auto_refresh: true,
    max_chunk_size: 1200,
  } as never)) as { knowledge_base_id: string };
  await client.knowledgeBase.addSources(kb.knowledge_base_id, {
    knowledge_base_files: [file('Holiday closures: Dec 25, Jan 1.', 'holidays.txt', 'text/plain')],
    knowledge_base_texts: [{ title: 'Gift cards', text: 'Never expire.' }],
    knowledge_base_urls: ['https://www.example.com/help/gift-cards'],
  } as never);
}

type Form = 'json' | 'brackets';
type Sender = 'ours' | 'official566' | 'official';
const SENDERS: { id: Sender; label: string; form: Form }[] = [
  { id: 'ours', label: 'the facade', form: 'json' },
  { id: 'official566', label: 'retell-sdk@5.66.1', form: 'json' },
  { id: 'official', label: 'retell-sdk@5.33.0', form: 'brackets' },
];

/** The three senders with a fetch that records their bodies and answers locally. */
function capturingClients(log: Exchange[]) {
  const options = { apiKey: 'key_test_multipart', baseURL: 'http://capture.retell.test', maxRetries: 0, fetch: capturingFetch(log) };
  return {
    ours: new Retell(options),
    official566: new Official566(options as ConstructorParameters<typeof Official>[0]),
    official: new Official(options as ConstructorParameters<typeof Official>[0]),
  };
}

function clients(baseURL: string, log: Exchange[]) {
  const options = { apiKey: 'key_test_multipart', baseURL, maxRetries: 0, fetch: recordingFetch(log) };
  return {
    ours: new Retell(options),
    official566: new Official566(options as ConstructorParameters<typeof Official>[0]),
    official: new Official(options as ConstructorParameters<typeof Official>[0]),
  };
}

/** The wire form the bundled spec states: do the parts of `/clone-voice`'s form carry brackets? */
function specForm(bundle: string): Form {
  const doc = JSON.parse(readFileSync(bundle, 'utf8')) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref?: string; properties?: object } }> } } }>;
    components: { schemas: Record<string, { properties?: object }> };
  };
  let schema = doc.paths['/clone-voice']!.post.requestBody.content['multipart/form-data']!.schema;
  if (schema.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()!]!;
  return Object.keys(schema.properties ?? {}).some((name) => name.endsWith(']')) ? 'brackets' : 'json';
}

function expectClean(log: Exchange[], label: string): void {
  expect(log.map((e) => new URL(e.url).pathname), label).toEqual(['/clone-voice', '/create-knowledge-base', expect.stringMatching(/^\/add-knowledge-base-sources\//)]);
  for (const exchange of log) {
    const where = `${label} ${exchange.url}: ${exchange.status} ${exchange.violations ?? ''} ${exchange.body.slice(0, 500)}`;
    expect(exchange.status, where).toBe(201);
    expect(exchange.violations, where).toBeNull();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `prism mock` and resolves once it listens; rejects with its output if it exits first. */
function startPrism(spec: string, port: number): Promise<ChildProcess> {
  const pkg = createRequire(import.meta.url).resolve('@stainless-api/prism-cli/package.json');
  const bin = path.join(path.dirname(pkg), 'dist/index.js');
  const child = spawn(process.execPath, [bin, 'mock', spec, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`prism did not start in ${STARTUP_MS} ms:\n${output}`));
    }, STARTUP_MS);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited (${String(code)}) before listening:\n${output}`));
    });
  });
}

describe('multipart uploads against Prism on the bundled spec', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'retell-kit-prism-'));
  const spec = path.join(dir, 'openapi.json');
  let prism: ChildProcess | undefined;
  let baseURL = '';
  let stated: Form = 'json';

  beforeAll(async () => {
    const bundled = spawnSync('pnpm', ['bundle', '--out', spec], { cwd: REPO, encoding: 'utf8' });
    if (bundled.status !== 0) throw new Error(`pnpm bundle failed:\n${bundled.stdout}\n${bundled.stderr}`);
    stated = specForm(spec);
    const port = await freePort();
    prism = await startPrism(spec, port);
    baseURL = `http://127.0.0.1:${port}`;
  }, STARTUP_MS + 120_000);

  afterAll(() => {
    prism?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const sender of SENDERS.filter((s) => s.form === 'brackets')) {
    it(`accepts ${sender.label}’s bodies with no violation when the spec states its form (${sender.form})`, async (context) => {
      if (stated !== sender.form) context.skip(`the spec states the ${stated} form; ${sender.label} sends the ${sender.form} form`);
      const log: Exchange[] = [];
      await sendUploads(clients(baseURL, log)[sender.id]);
      expectClean(log, `${sender.label} → prism`);
    }, 60_000);
  }

  // Prism cannot read the json form (see the top of the file): these bodies are checked against the same
  // bundle by an OpenAPI multipart reader and ajv instead.
  for (const sender of SENDERS.filter((s) => s.form === 'json')) {
    it(`${sender.label}’s bodies match the spec when it states their form (${sender.form}), read as OpenAPI states multipart`, async (context) => {
      if (stated !== sender.form) context.skip(`the spec states the ${stated} form; ${sender.label} sends the ${sender.form} form`);
      const doc = JSON.parse(readFileSync(spec, 'utf8')) as Bundle;
      const log: Exchange[] = [];
      await sendUploads(capturingClients(log)[sender.id]);
      expect(log.map((e) => new URL(e.url).pathname)).toEqual(['/clone-voice', '/create-knowledge-base', expect.stringMatching(/^\/add-knowledge-base-sources\//)]);
      for (const exchange of log) expect(specViolations(doc, new URL(exchange.url).pathname, exchange.form!), `${sender.label} ${exchange.url}`).toEqual([]);
      // What was read is what was sent: both files, the texts as objects.
      expect(log[0]!.form!.getAll('files').map((f) => (f as File).name)).toEqual(['dr-patel-1.wav', 'dr-patel-2.wav']);
      expect(JSON.parse(String(log[1]!.form!.get('knowledge_base_texts'))).map((t: { title: string }) => t.title)).toEqual(['Store hours', 'Parking']);
    }, 60_000);
  }

  it('the OpenAPI multipart reader finds violations (the json-form check is live, not vacuous)', async () => {
    const doc = JSON.parse(readFileSync(spec, 'utf8')) as Bundle;
    const log: Exchange[] = [];
    // The other form's bodies break the json statement (and the bracket statement is broken by the json bodies).
    await sendUploads(capturingClients(log)[stated === 'json' ? 'official' : 'ours']);
    for (const exchange of log) expect(specViolations(doc, new URL(exchange.url).pathname, exchange.form!), exchange.url).not.toEqual([]);
    const noFiles = new FormData();
    noFiles.append('voice_name', 'Dr. Patel');
    noFiles.append('voice_provider', 'elevenlabs');
    expect(specViolations(doc, '/clone-voice', noFiles).join('\n')).toMatch(/must have required property 'files(\[\])?'/);
    const badJson = new FormData();
    badJson.append('knowledge_base_name', 'Docs');
    badJson.append('knowledge_base_texts', '[{"title": "no text"}]');
    badJson.append('max_chunk_size', 'twelve');
    if (stated === 'json') expect(specViolations(doc, '/create-knowledge-base', badJson).join('\n')).toMatch(/knowledge_base_texts\/0 must have required property 'text'[\s\S]*max_chunk_size must be number/);
  }, 60_000);

  it('rejects a clone without files (the check is live, not vacuous)', async () => {
    const form = new FormData();
    form.append('voice_name', 'Dr. Patel');
    form.append('voice_provider', 'elevenlabs');
    const response = await fetch(`${baseURL}/clone-voice`, { method: 'POST', body: form, headers: { authorization: 'Bearer key_test' } });
    // Prism answers with the spec's 422 example and lists what it found in `sl-violations`.
    expect(response.status).toBe(422);
    expect(response.headers.get('sl-violations')).toContain(`must have required property '${stated === 'brackets' ? 'files[]' : 'files'}'`);
  }, 60_000);
});

describe('the same bodies against our mock server', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(() => server.close());

  for (const sender of SENDERS) {
    it(`accepts ${sender.label} (${sender.form} form)`, async () => {
      const log: Exchange[] = [];
      await sendUploads(clients(server.url, log)[sender.id]);
      expectClean(log, `${sender.label} → @retell-kit/mock`);
      // The decoded fields reached the store: the created knowledge base holds every source sent.
      const created = JSON.parse(log[2]!.body) as { knowledge_base_sources: { type: string; title?: string }[] };
      expect(created.knowledge_base_sources.map((s) => s.type).sort()).toEqual(['document', 'document', 'text', 'text', 'text', 'url', 'url', 'url']);
      expect(created.knowledge_base_sources.filter((s) => s.type === 'text').map((s) => s.title)).toEqual(['Store hours', 'Parking', 'Gift cards']);
    });
  }
});
