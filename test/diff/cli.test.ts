/**
 * The command line: sides as files or git revisions, formats, --fail-on exit codes, and bad input
 * (exit 2, naming the side). Git cases run in a throwaway repository with a split spec.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiffCli } from '../../packages/diff/src/cli.js';
import { FIXTURES } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd = process.cwd()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runDiffCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const pair = (id: string) => [`${FIXTURES}${id}/base.yaml`, `${FIXTURES}${id}/revision.yaml`];

describe('diff CLI on files', () => {
  it.each([
    ['request-property-added-required', 'none', 0],
    ['request-property-added-required', 'breaking', 1],
    ['request-property-added-required', 'wire-breaking', 1],
    // No x-sdk: the facade still derives `default.createWidget`, whose params type the new required field narrows.
    ['request-property-added-required', 'sdk-breaking', 1],
    ['response-enum-value-added', 'breaking', 1],
    ['response-enum-value-added', 'none', 0],
    ['request-property-removed', 'breaking', 0],
    ['request-property-removed', 'warning', 1],
    ['request-property-added-optional', 'warning', 0],
    // A component renamed without a structural change: nothing changed on the wire.
    ['sdk-type-renamed', 'breaking', 1],
    ['sdk-type-renamed', 'wire-breaking', 0],
    ['sdk-type-renamed', 'sdk-breaking', 1],
  ] as const)('%s with --fail-on %s exits %i', async (id, failOn, want) => {
    const result = await run([...pair(id), '--fail-on', failOn]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(want);
  });

  it('fails on breaking changes by default', async () => {
    expect((await run(pair('response-union-branch-added'))).code).toBe(1);
    expect((await run(pair('response-property-added-optional'))).code).toBe(0);
  });

  it('reports the wire and the SDK surface verdicts apart', async () => {
    const { stdout } = await run([...pair('sdk-type-renamed'), '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(stdout) as { verdict: { bump: string; wire: { bump: string }; sdk: { bump: string } } };
    expect([report.verdict.bump, report.verdict.wire.bump, report.verdict.sdk.bump]).toEqual(['major', 'patch', 'major']);
    const text = await run([...pair('sdk-type-renamed'), '--fail-on', 'none']);
    expect(text.stdout).toContain('  wire: PATCH: no changes to the wire');
    expect(text.stdout).toMatch(/ {2}sdk: {2}MAJOR: 1 breaking change to the SDK surface, first: sdk-type-renamed/);
  });

  it('exits 2 with a clear message when --output cannot be written', async () => {
    const result = await run([...pair('response-union-branch-added'), '-o', join(tmpdir(), 'no-such-dir-i11', 'report.md')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`retell-kit diff: cannot write the report to ${join(tmpdir(), 'no-such-dir-i11', 'report.md')}: its directory does not exist\n`);
  });

  it('prints a JSON report with the documented shape', async () => {
    const { stdout, code } = await run([...pair('request-enum-value-removed'), '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['schemaVersion', 'base', 'head', 'verdict', 'summary', 'findings']);
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict).toMatchObject({ bump: 'major', wire: { bump: 'major' }, sdk: { bump: 'major' } });
    expect(report.summary).toEqual({ breaking: 2, warning: 0, info: 0 });
    expect(report.findings).toEqual([
      {
        id: 'request-enum-value-removed',
        level: 'breaking',
        direction: 'request',
        area: 'schema',
        surface: 'wire',
        bump: 'major',
        operation: 'POST /widgets',
        location: 'body(application/json).value',
        origin: 'WidgetCreate.value',
        occurrences: 1,
        message: 'enum values no longer accepted: "blue"',
        sdk: ['default.createWidget'],
      },
      {
        id: 'sdk-params-narrowed',
        level: 'breaking',
        direction: 'request',
        area: 'sdk',
        surface: 'sdk',
        bump: 'major',
        operation: 'POST /widgets',
        location: 'sdk.default.createWidget',
        origin: null,
        occurrences: 1,
        message: 'params type of `default.createWidget (DefaultCreateWidgetParams)` narrowed by 1 breaking request change(s): existing calls may stop compiling',
        sdk: ['default.createWidget'],
      },
    ]);
  });

  it('prints Markdown with the verdict, a table per level and the SDK surface', async () => {
    const { stdout } = await run([...pair('sdk-params-narrowed'), '--format', 'markdown']);
    expect(stdout).toMatch(/^## .* Spec diff: major\n/);
    expect(stdout).toContain('### Breaking changes (1)');
    expect(stdout).toContain('| `POST /widgets` | `body(application/json).color` | new required request property `color`');
    expect(stdout).toContain('### SDK surface (1)');
    expect(stdout).toContain('`widget.create`');
  });

  it('prints the same bytes on every run', async () => {
    const first = await run([...pair('response-union-branch-added'), '--format', 'text']);
    const second = await run([...pair('response-union-branch-added'), '--format', 'text']);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('verdict: MAJOR');
  });

  it.each([
    [['missing.yaml', 'also-missing.yaml'], 'base: file missing.yaml does not exist'],
    [[pair('operation-added')[0] as string, 'nope.json'], 'head: file nope.json does not exist'],
    [['not-a-ref-or-file'], 'base: not-a-ref-or-file is neither a file nor a git revision'],
    [['a', 'b', 'c'], 'expected at most two sides'],
    [['--format', 'xml', 'a', 'b'], '--format must be text, markdown or json'],
    [['--fail-on', 'info', 'a', 'b'], '--fail-on must be one of breaking, wire-breaking, sdk-breaking, warning, none'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j with exit 2', async (argv, message) => {
    const result = await run(argv, tmpdir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  describe('invalid documents', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));
      writeFileSync(join(dir, 'swagger.yaml'), 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
      writeFileSync(join(dir, 'broken.yaml'), 'openapi: 3.1.0\npaths: [\n');
      writeFileSync(join(dir, 'dangling.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n');
      writeFileSync(join(dir, 'list.json'), '[1, 2]');
      let deep: object = { type: 'string' };
      for (let i = 0; i < 600; i++) deep = { type: 'array', items: deep };
      writeFileSync(join(dir, 'deep.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Deep: deep } } }));
      writeFileSync(join(dir, 'proto.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/__proto__"}\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each([
      ['swagger.yaml', 'head: swagger.yaml has no "openapi" version field (Swagger 2.0 is not supported)'],
      ['broken.yaml', 'head: broken.yaml could not be parsed'],
      ['dangling.yaml', 'head: dangling.yaml is not a valid document: unresolved $ref "#/components/responses/Nope" (at #/paths/~1a/get/responses/200)'],
      ['list.json', 'head: list.json is not an OpenAPI document'],
      ['deep.json', 'head: deep.json is nested deeper than 512 levels (at #/components/schemas/Deep/items/items/'],
      ['proto.yaml', 'head: proto.yaml is not a valid document: unresolved $ref "#/__proto__"'],
    ])('%s', async (file, message) => {
      const result = await run([pair('operation-added')[0] as string, file], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    });
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: retell-kit diff [base] [head]');
  });
});

describe('diff CLI on git revisions', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' }).toString();
  const root = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /things:\n    $ref: paths/things.yaml\n';
  const things = (type: string) =>
    `get:\n  operationId: listThings\n  parameters:\n    - {name: limit, in: query, schema: {type: ${type}}}\n  responses:\n    "200": {description: ok}\n`;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'diff-git-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'README.md'), 'no spec yet\n');
    git('add', '.');
    git('commit', '-q', '-m', 'no spec');
    git('tag', 'before-spec');
    mkdirSync(join(repo, 'spec', 'paths'), { recursive: true });
    writeFileSync(join(repo, 'spec', 'openapi.yaml'), root);
    writeFileSync(join(repo, 'spec', 'paths', 'things.yaml'), things('number'));
    git('add', '.');
    git('commit', '-q', '-m', 'spec v1');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'spec', 'paths', 'things.yaml'), things('integer'));
    git('commit', '-q', '-am', 'narrow limit');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('diffs two revisions of a split spec', async () => {
    const { code, stdout } = await run(['main', 'HEAD', '--format', 'json', '--fail-on', 'breaking'], repo);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { base: { source: string }; findings: Array<{ id: string; location: string }> };
    expect(report.base.source).toMatch(/^main \([0-9a-f]{12}\)$/);
    expect(report.findings.map((f) => [f.id, f.location])).toEqual([
      ['request-type-narrowed', 'query.limit'],
      ['sdk-params-narrowed', 'sdk.default.listThings'],
    ]);
  });

  it('defaults to merge-base with main against the working tree', async () => {
    writeFileSync(join(repo, 'spec', 'paths', 'things.yaml'), things('string'));
    try {
      const { code, stdout } = await run(['--format', 'json'], repo);
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as { base: { source: string }; head: { source: string }; findings: Array<{ id: string }> };
      expect(report.base.source).toMatch(/^merge-base\(main, HEAD\)/);
      expect(report.head.source).toBe('spec/openapi.yaml (working tree)');
      expect(report.findings.map((f) => f.id)).toEqual(['request-type-changed', 'sdk-params-narrowed']);
    } finally {
      git('checkout', '-q', '--', 'spec');
    }
  });

  it('names the side whose revision has no spec/ folder', async () => {
    const { code, stderr } = await run(['before-spec', 'HEAD'], repo);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^retell-kit diff: base: revision before-spec \([0-9a-f]{12}\) has no spec\/ folder/);
  });
});

describe('--severity-config', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'diff-severity-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('lowers a rule for untyped clients: the same change no longer fails --fail-on breaking', async () => {
    const file = config('untyped.yaml', 'rules:\n  response-union-branch-added: warning\n');
    const { code, stdout } = await run([...pair('response-union-branch-added'), '--severity-config', file, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { verdict: { bump: string }; findings: Array<{ id: string; level: string; bump: string }> };
    expect(report.findings.find((f) => f.id === 'response-union-branch-added')).toMatchObject({ level: 'warning', bump: 'minor' });
    expect(report.verdict.bump).toBe('minor');
  });

  it('raises a rule, and turns one off', async () => {
    const file = config('strict.yaml', 'rules:\n  request-property-added-optional: breaking\n');
    expect((await run([...pair('request-property-added-optional'), '--severity-config', file])).code).toBe(1);
    const off = config('off.yaml', 'rules:\n  response-union-branch-added: off\n');
    const { stdout } = await run([...pair('response-union-branch-added'), '--severity-config', off, '--format', 'json']);
    expect((JSON.parse(stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id)).not.toContain('response-union-branch-added');
  });

  it.each([
    ['unknown.yaml', '# levels\nrules:\n  response-enum-value-added: warning\n  no-such-rule: info\n', 'unknown.yaml:4: unknown rule `no-such-rule`'],
    ['level.yaml', 'rules:\n  response-enum-value-added: fatal\n', 'level.yaml:2: level of `response-enum-value-added` must be one of breaking, warning, info, off'],
    ['proto.yaml', 'rules:\n  __proto__: info\n', 'proto.yaml:2: unknown rule `__proto__`'],
    ['top.yaml', 'levels: {}\n', 'top.yaml:1: unknown key `levels`'],
    ['list.yaml', '- a\n', 'list.yaml: expected a mapping'],
  ])('rejects %s with exit 2', async (name, text, message) => {
    const file = config(name, text);
    const result = await run([...pair('response-union-branch-added'), '--severity-config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('names a missing file', async () => {
    const result = await run([...pair('response-union-branch-added'), '--severity-config', join(dir, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.yaml cannot be read: ENOENT');
  });
});

describe('retell-kit-diff bin', () => {
  // Built output when `pnpm build` has run, else the sources through tsx: either way the same exit codes.
  const bin = new URL('../../packages/diff/bin/retell-kit-diff.js', import.meta.url).pathname;
  it('runs on its own and exits 1 on a breaking change, 2 on bad input', () => {
    const breaking = spawnSync(process.execPath, [bin, ...pair('response-union-branch-added'), '--format', 'json'], { encoding: 'utf8' });
    expect(breaking.status).toBe(1);
    expect((JSON.parse(breaking.stdout) as { verdict: { wire: { bump: string } } }).verdict.wire.bump).toBe('major');
    const bad = spawnSync(process.execPath, [bin, 'missing.yaml', 'missing-too.yaml'], { encoding: 'utf8', cwd: tmpdir() });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('retell-kit diff: base: file missing.yaml does not exist\n');
  });
});
