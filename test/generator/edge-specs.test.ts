/**
 * Specs the generator and the mock used to get wrong, each a minimal fixture: names of base-class
 * members, path parameters of every type and style, `#` and `{name}:verb` paths, HEAD operations, and
 * samples that break their own schema. The goldens suite type-checks the generated code of the first
 * three (test/fixtures/specs/{reserved-members,path-styles,odd-paths}); here the generated clients are
 * sent through the generated mock, and the wire is checked.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceMembers } from '../../packages/openapi-core/src/ir/client-members.js';
import { resourceProperty, methodName } from '../../generator/src/ir/naming.js';
import { generateFiles } from '../../generator/src/pipeline.js';
import { mockDataFromFile } from '../../generator/src/mock-data.js';
import { main } from '../../generator/src/cli.js';
import { expandParam, expandPath } from '../../packages/client/src/runtime/path-style.js';
import { RetellCore } from '../../packages/client/src/runtime/index.js';
import { RetellClient } from '../../packages/sdk/src/lib/client.js';
import { APIResource } from '../../packages/sdk/src/lib/api-resource.js';
import type { MockSpec, SampleTable } from '../../packages/mock/src/model.js';
import { startServer, type MockServer } from '../../packages/mock/src/server.js';
import { runMockCli } from '../../packages/mock/src/index.js';
import { tempDir, writeTree } from './helpers/files.js';
import { REPO } from './helpers/typecheck.js';

const fixture = (name: string): string => path.join(REPO, 'test/fixtures/specs', name, 'openapi.yaml');

describe('reserved names come from the base classes', () => {
  it('every member of RetellClient and RetellCore, as JavaScript sees them, is reserved', () => {
    const reserved = instanceMembers('RetellClient');
    const seen = new Set<string>();
    for (let proto = RetellClient.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) seen.add(name);
    }
    for (const name of Object.keys(new RetellClient({ apiKey: 'k' }))) seen.add(name);
    expect([...seen].filter((n) => !reserved.has(n))).toEqual([]);
    for (const name of ['get', 'post', 'put', 'patch', 'delete', 'fetchOptions', 'buildRequest', 'fetchWithTimeout', 'withOptions', 'request']) {
      expect(resourceProperty(name)).toBe(`${name}Resource`);
    }
    expect(resourceProperty('agent')).toBe('agent');
  });

  it('every member of APIResource is reserved for methods', () => {
    const own = Object.keys(new (class extends APIResource {})(new RetellCore({ apiKey: 'k' })));
    expect(own).toContain('_client');
    for (const name of own) expect(methodName(name)).toBe(`${name}_`);
    expect(methodName('list')).toBe('list');
  });
});

describe('expandPath: the OpenAPI style table', () => {
  // https://spec.openapis.org/oas/v3.1.0#style-examples (color = blue / [blue, black, brown] / {R:100,G:200,B:150}).
  const list = ['blue', 'black', 'brown'];
  const object = { R: 100, G: 200, B: 150 };
  it.each([
    ['simple', false, 'blue', 'blue'],
    ['simple', false, list, 'blue,black,brown'],
    ['simple', true, list, 'blue,black,brown'],
    ['simple', false, object, 'R,100,G,200,B,150'],
    ['simple', true, object, 'R=100,G=200,B=150'],
    ['label', false, 'blue', '.blue'],
    ['label', false, list, '.blue,black,brown'],
    ['label', true, list, '.blue.black.brown'],
    ['label', false, object, '.R,100,G,200,B,150'],
    ['label', true, object, '.R=100.G=200.B=150'],
    ['matrix', false, 'blue', ';color=blue'],
    ['matrix', false, list, ';color=blue,black,brown'],
    ['matrix', true, list, ';color=blue;color=black;color=brown'],
    ['matrix', false, object, ';color=R,100,G,200,B,150'],
    ['matrix', true, object, ';R=100;G=200;B=150'],
  ] as const)('%s explode=%s %j → %s', (style, explode, value, want) => {
    expect(expandParam('color', value, { style, explode })).toBe(want);
  });

  it('encodes values, keeps booleans and numbers, and refuses values that would change the route', () => {
    expect(expandPath('/a/{x}/{y}:go', { x: true, y: 'a/b c' })).toBe('/a/true/a%2Fb%20c:go');
    expect(() => expandPath('/a/{x}', { x: '..' })).toThrow(TypeError);
    expect(() => expandPath('/a/{x}', { x: '.' }, { x: { style: 'label' } })).toThrow(TypeError);
    expect(() => expandPath('/a/{x}', { x: null })).toThrow(/must hold strings, numbers or booleans/);
  });
});

/** A generated client and its generated mock, with every URL the client sends recorded. */
interface Harness {
  readonly ops: Record<string, (...args: unknown[]) => Promise<unknown>>;
  readonly client: RetellCore;
  readonly urls: string[];
  readonly server: MockServer;
}

const servers: MockServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function harness(name: string): Promise<Harness> {
  const root = tempDir(`edge-${name}`);
  const { files } = await generateFiles(fixture(name));
  writeTree(root, files);
  const load = (rel: string) => import(pathToFileURL(path.join(root, rel)).href);
  // The generated operations import the runtime ('../../runtime/lean.js', the types '../../runtime/index.js'):
  // give them the repository's.
  writeTree(
    root,
    new Map([
      ['packages/client/src/runtime/index.ts', `export * from '${path.join(REPO, 'packages/client/src/runtime/index.ts')}';\n`],
      ['packages/client/src/runtime/lean.ts', `export * from '${path.join(REPO, 'packages/client/src/runtime/lean.ts')}';\n`],
    ]),
  );
  const mock = (await load('packages/mock/src/generated/index.ts')) as { mockSpec: MockSpec; samples: SampleTable };
  const server = await startServer(mock.mockSpec, mock.samples);
  servers.push(server);
  const urls: string[] = [];
  const recording: typeof fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input).slice(server.url.length));
    return fetch(input, init);
  };
  const client = new RetellCore({ apiKey: 'k', baseURL: server.url, maxRetries: 0, fetch: recording });
  const ops = (await load('packages/client/src/generated/operations/default.ts')) as Harness['ops'];
  return { ops, client, urls, server };
}

describe('generated clients against their generated mocks', () => {
  let styles: Harness;
  let odd: Harness;
  beforeAll(async () => {
    styles = await harness('path-styles');
    odd = await harness('odd-paths');
  }, 300_000);

  it('sends boolean, number, array and object path parameters in their style; the mock reads them back', async () => {
    const { ops, client, urls } = styles;
    await expect(ops['getFlags']!(client, true, 3)).resolves.toMatchObject({ ok: expect.any(Boolean) });
    await expect(ops['getIdsSimple']!(client, [1, 2, 3])).resolves.toBeDefined();
    await expect(ops['getLabel']!(client, ['a', 'b'], { x: 1, y: 2 })).resolves.toBeDefined();
    await expect(ops['getMatrix']!(client, 5, [1, 2], { x: 1, y: 2 })).resolves.toBeDefined();
    await expect(ops['deletePoint']!(client, { x: 1, y: 2 })).resolves.toBeUndefined();
    expect(urls).toEqual(['/flags/true/3', '/ids/1,2,3', '/label/.a.b/.x,1,y,2', '/matrix/;id=5/;ids=1;ids=2/;x=1;y=2', '/points/x=1,y=2']);
  });

  it('the mock refuses a value that does not fit the style and schema (400 names the parameter)', async () => {
    const res = await fetch(`${styles.server.url}/matrix/;id=five/;ids=1/;x=1;y=2`, { headers: { authorization: 'Bearer k' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id');
  });

  it('a # in a path is sent encoded, not cut; {name}:verb and HEAD operations work', async () => {
    const { ops, client, urls } = odd;
    await expect(ops['listThings']!(client)).resolves.toEqual(expect.any(Array));
    await expect(ops['cancelJob']!(client, 'job 1')).resolves.toMatchObject({ state: 'cancelled' });
    await expect(ops['checkFile']!(client, 'f1')).resolves.toBeUndefined();
    expect(urls).toEqual(['/%23Action=ListThings', '/v1/jobs/job%201:cancel', '/v1/files/f1']);
  });
});

describe('the mock repairs samples that break their own schema', () => {
  it('answers 200 with a schema-valid body for path echoes, contradicting examples and undefined required names', async () => {
    const data = await mockDataFromFile(path.join(REPO, 'test/fixtures/bad-samples/openapi.yaml'));
    const server = await startServer(data.mockSpec as unknown as MockSpec, data.samples as SampleTable);
    servers.push(server);
    const get = async (p: string) => {
      const res = await fetch(`${server.url}${p}`, { headers: { authorization: 'Bearer k' } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await get('/flags/true')).toEqual({ status: 200, body: { enabled: { since: expect.any(String) } } });
    expect(await get('/settings')).toEqual({ status: 200, body: { settings: { a: 1 }, mode: 'fast' } });
    const ghost = await get('/ghosts');
    expect(ghost.status).toBe(200);
    expect(Object.keys(ghost.body).sort()).toEqual(['ghost', 'id']);
  });
});

describe('retell-kit mock --spec and usage errors', () => {
  it('serves any spec file', async () => {
    const out: string[] = [];
    const server = await runMockCli(['--spec', fixture('odd-paths'), '--port', '0', '--quiet'], { out: (l) => out.push(l), err: () => undefined }, mockDataFromFile);
    expect(server).toBeDefined();
    servers.push(server!);
    expect(out[0]).toMatch(/^Odd paths fixture mock server listening on http:\/\/127\.0\.0\.1:\d+ \(4 routes/);
    const res = await fetch(`${server!.url}/v1/jobs/abc:cancel`, { method: 'POST', headers: { authorization: 'Bearer k' } });
    expect(res.status).toBe(200);
  });

  it.each([[['mock', '--bogus']], [['mock', '--port']], [['mock', '--port', 'x']], [['mock', 'extra']], [['mock', '--spec']]])(
    'retell-kit %j exits 2',
    async (argv) => {
      const errors: string[] = [];
      const code = await main(argv, () => undefined, (l) => errors.push(l));
      expect(code).toBe(2);
      process.exitCode = undefined;
    },
  );

  it('a spec that cannot be read exits 1 and names it', async () => {
    const errors: string[] = [];
    const server = await runMockCli(['--spec', 'no/such/spec.yaml', '--port', '0'], { out: () => undefined, err: (l) => errors.push(l) }, mockDataFromFile);
    expect(server).toBeUndefined();
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toContain('no/such/spec.yaml');
    process.exitCode = undefined;
  });
});
