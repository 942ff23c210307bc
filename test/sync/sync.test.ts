/**
 * `retell-kit sync` against real releases: retell-sdk@5.33.0 (the dev dependency the drop-in tests use)
 * and retell-sdk@5.66.1 (the `retell-sdk-5.66.1` alias), both unpacked by pnpm, so no download is needed.
 * - 5.33.0 against the spec as it was when it matched 5.33.0 (from git history): nothing missing, exit 0;
 * - 5.66.1 against that same spec: exactly the methods 5.66.1 added and moved, and the new multipart
 *   convention, exit 1;
 * - `--write` drafts that lint with warnings only, generate, and close the method gap on a second run;
 * - every kind of bad input: its named error and exit 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/src/cli.js';
import { compareSurfaces, type SyncReport } from '../../generator/src/sync/compare.js';
import { extractSdkSurface, readSdkPackage } from '../../generator/src/sync/sdk-surface.js';
import { resolveSource } from '../../generator/src/sync/source.js';
import type { ApiSurface } from '../../generator/src/sync/surface.js';
import { ADDED_IN_5_66, MOVED_IN_5_66, SPEC_AT_5_33 } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SDK_5_33 = join(ROOT, 'packages', 'client', 'node_modules', 'retell-sdk');
const SDK_5_66 = join(ROOT, 'node_modules', 'retell-sdk-5.66.1');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function sync(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['sync', ...args], (l) => (out += `${l}\n`), (l) => (err += `${l}\n`));
  return { code, out, err };
}

const hasHistory = spawnSync('git', ['cat-file', '-e', `${SPEC_AT_5_33}^{commit}`], { cwd: ROOT }).status === 0;
let work: string;
let oldSpec: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'retell-sync-'));
  if (hasHistory) {
    // The spec as it was when it matched 5.33.0, straight from git history.
    const archive = execFileSync('git', ['archive', '--format=tar', SPEC_AT_5_33, 'spec'], { cwd: ROOT, maxBuffer: 64 << 20 });
    mkdirSync(join(work, 'old'), { recursive: true });
    execFileSync('tar', ['-x', '-C', join(work, 'old')], { input: archive });
    oldSpec = join(work, 'old', 'spec', 'openapi.yaml');
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasHistory)('sync against the spec as it was at retell-sdk@5.33.0 (git history; skipped in a shallow clone)', () => {
  let report533: SyncReport;
  let report566: SyncReport;
  let sdk566: ApiSurface;

  it('5.33.0: nothing missing, in step, exit 0', async () => {
    const run = await sync(['--from', SDK_5_33, '--spec', oldSpec, '--format', 'json']);
    report533 = JSON.parse(run.out) as SyncReport;
    expect(report533.sdk).toBe('retell-sdk@5.33.0');
    expect(report533.counts).toMatchObject({ sdkMethods: 81, specMethods: 81, matchedMethods: 81 });
    expect(report533.counts.presentFields).toBe(report533.counts.sdkFields);
    expect(report533.findings.filter((f) => f.behind)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('5.66.1: the known delta (methods added and moved, the JSON-text multipart convention), exit 1', async () => {
    const run = await sync(['--from', SDK_5_66, '--spec', oldSpec, '--format', 'json']);
    expect(run.code).toBe(1);
    report566 = JSON.parse(run.out) as SyncReport;
    expect(report566.behind).toBe(true);
    const ids = (kind: string) => report566.findings.filter((f) => f.kind === kind).map((f) => f.method);
    expect(ids('method-added')).toEqual([...ADDED_IN_5_66].sort());
    expect(ids('method-removed')).toEqual([]);
    const moved = Object.fromEntries(report566.findings.filter((f) => f.kind === 'method-moved').map((f) => [f.method, { from: f.spec, to: f.sdk }]));
    expect(moved).toEqual(MOVED_IN_5_66);
    const multipart = Object.fromEntries(report566.findings.filter((f) => f.kind === 'multipart-convention').map((f) => [f.path, [f.spec, f.sdk]]));
    expect(multipart).toEqual({ arrays: ['brackets', 'json-text'], fileArrays: ['brackets', 'repeated'] });
    // Fields the release added to methods both have, e.g. agent versions' titles.
    expect(report566.findings).toContainEqual(expect.objectContaining({ kind: 'field-added', method: 'agent.create', side: 'params', path: 'version_title' }));
    expect(report566.counts.presentFields).toBeLessThan(report566.counts.sdkFields);
  });

  it('text and markdown name the same findings', async () => {
    const text = await sync(['--from', SDK_5_66, '--spec', oldSpec]);
    const markdown = await sync(['--from', SDK_5_66, '--spec', oldSpec, '--format', 'markdown']);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/verdict: the spec is BEHIND retell-sdk@5\.66\.1/);
    expect(markdown.out).toMatch(/^## retell-kit sync: retell-sdk@5\.66\.1/);
    for (const id of ['contact.getByPhone', 'crm.updateConfig', 'agent.list']) {
      expect(text.out).toContain(id);
      expect(markdown.out).toContain(id);
    }
  });

  it('--write drafts every missing method; drafts lint with warnings only, generate, and close the gap', async () => {
    const copy = join(work, 'drafted');
    cpSync(join(work, 'old', 'spec'), copy, { recursive: true });
    const curated = readFileSync(join(copy, 'paths', 'get-agent_{agent_id}.yaml'), 'utf8');
    const first = await sync(['--from', SDK_5_66, '--spec', join(copy, 'openapi.yaml'), '--write']);
    expect(first.code).toBe(1);
    expect(first.err).toContain('+ drafted');
    const draft = readFileSync(join(copy, 'paths', 'get-contact-by-phone_{phone_number}.yaml'), 'utf8');
    expect(draft).toContain('x-sync:');
    expect(draft).toContain('from: retell-sdk@5.66.1');
    expect(draft).toMatch(/resource: contact\s+method: getByPhone/);
    // Curated files are never rewritten.
    expect(readFileSync(join(copy, 'paths', 'get-agent_{agent_id}.yaml'), 'utf8')).toBe(curated);

    // Lint: warnings for drafts, no errors (the repository's rules).
    const lint = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', join(copy, 'openapi.yaml'), '--config', join(ROOT, 'redocly.yaml'), '--format=summary'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const lintText = `${lint.stdout}${lint.stderr}`;
    expect(lintText).toMatch(/rule\/no-sync-draft-operations: 33/);
    expect(lintText).not.toMatch(/^error /m);
    expect(lint.status).toBe(0);

    // The drafted spec generates, and a second sync finds every method.
    const out = join(work, 'out');
    expect(await main(['generate', '--spec', join(copy, 'openapi.yaml'), '--out', out, '--no-build', '--format', 'never'], () => {}, () => {})).toBe(0);
    const second = await sync(['--from', SDK_5_66, '--spec', join(copy, 'openapi.yaml'), '--format', 'json']);
    const after = JSON.parse(second.out) as SyncReport;
    expect(after.findings.filter((f) => f.kind === 'method-added')).toEqual([]);
    expect(after.counts.matchedMethods).toBe(114);
  });
});

describe('the surfaces themselves', () => {
  it('reads verbs, routes, positional arguments and the form encoder of a release', () => {
    const surface = extractSdkSurface(readSdkPackage(SDK_5_66));
    expect(surface.methods).toHaveLength(114);
    const byId = new Map(surface.methods.map((m) => [m.id, m]));
    expect(byId.get('knowledgeBase.deleteSource')).toMatchObject({ verb: 'DELETE', route: '/delete-knowledge-base-source/{}/source/{}', positional: ['sourceID'] });
    expect(byId.get('knowledgeBase.create')?.multipart).toBe(true);
    expect(byId.get('agent.create')?.params).toContainEqual(expect.objectContaining({ path: 'response_engine', required: true }));
    expect(surface.multipart).toEqual({ arrays: 'json-text', objects: 'json-text', fileArrays: 'repeated' });
    // The comparison is symmetric in what it counts: a surface against itself is in step.
    const self = compareSurfaces(surface, surface);
    expect(self.behind).toBe(false);
    expect(self.counts.presentFields).toBe(self.counts.sdkFields);
  });
});

describe('bad input: a named error and exit 2', () => {
  let registry: Server;
  let registryUrl: string;

  beforeAll(async () => {
    // A registry that knows one release of retell-sdk and no other package.
    registry = createServer((req, res) => {
      if (req.url === '/retell-sdk') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ name: 'retell-sdk', 'dist-tags': { latest: '5.33.0' }, versions: { '5.33.0': { name: 'retell-sdk', version: '5.33.0', dist: { tarball: `${registryUrl}/none.tgz` } } } }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Not found"}');
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => registry.close(() => resolve())));

  const withEnv = async (env: Record<string, string>, fn: () => Promise<Run>): Promise<Run> => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      return await fn();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  it('a directory that is not an SDK release', async () => {
    const dir = join(work, 'not-an-sdk');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.3.0' }));
    const run = await sync(['--from', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/SyncInputError: \[not-an-sdk\] .*left-pad@1\.3\.0 has no src\/client\.ts/);
  });

  it('an unknown version', async () => {
    const cache = join(work, 'cache-unknown');
    const run = await withEnv({ npm_config_registry: registryUrl, npm_config_fetch_retries: '0' }, () => sync(['--from', 'retell-sdk@9.9.9', '--cache-dir', cache]));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/\[unknown-version\] retell-sdk@9\.9\.9/);
  });

  it('an unknown package', async () => {
    const run = await withEnv({ npm_config_registry: registryUrl, npm_config_fetch_retries: '0' }, () => sync(['--from', 'no-such-sdk@1.0.0', '--cache-dir', join(work, 'cache-none')]));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/\[unknown-version\] no-such-sdk@1\.0\.0/);
  });

  it('no network and no cached copy', async () => {
    const run = await withEnv({ npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_fetch_timeout: '5000' }, () =>
      sync(['--from', 'retell-sdk@5.66.1', '--cache-dir', join(work, 'cache-empty')]),
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/\[offline-no-cache\] retell-sdk@5\.66\.1: the npm registry cannot be reached and no copy is cached/);
  });

  it('a cached copy is used without the network', async () => {
    const cache = join(work, 'cache-full');
    cpSync(SDK_5_33, join(cache, 'sdk', 'retell-sdk@5.33.0', 'package'), { recursive: true, dereference: true });
    expect(existsSync(join(cache, 'sdk', 'retell-sdk@5.33.0', 'package', 'src', 'client.ts'))).toBe(true);
    const unreachable = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };
    const saved = process.env['npm_config_registry'];
    Object.assign(process.env, unreachable);
    try {
      // An exact version is served from the cache without asking the registry; "latest" falls back to it.
      expect(await resolveSource('retell-sdk@5.33.0', { cacheDir: cache })).toEqual({ dir: join(cache, 'sdk', 'retell-sdk@5.33.0', 'package'), via: 'cache' });
      const notes: string[] = [];
      expect(await resolveSource(undefined, { cacheDir: cache, log: (l) => notes.push(l) })).toMatchObject({ via: 'cache' });
      expect(notes.join('\n')).toMatch(/registry unreachable; using the cached retell-sdk@5\.33\.0/);
    } finally {
      if (saved === undefined) delete process.env['npm_config_registry'];
      else process.env['npm_config_registry'] = saved;
      delete process.env['npm_config_fetch_retries'];
    }
  });

  it.each([
    [['--format', 'xml'], /--format must be one of text, markdown, json/],
    [['--from', 'not a spec!'], /\[bad-flag\] --from "not a spec!" is neither a directory nor <package>@<version>/],
    [['--nope'], /\[bad-flag\] Unknown option '--nope'/],
  ])('bad flags %j', async (args, message) => {
    const run = await sync(args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });
});
