/**
 * The Python SDK as its users meet it, run from `pnpm test`: pytest (contract tests against the mock,
 * parity with the official names, fault tests, webhooks), pyright strict over every example of
 * packages/python/api.md, and the Python emitter's own guarantees (safe literals, deterministic output,
 * the example hook). Needs /usr/bin/python3 with httpx and pytest: test/setup/python-deps.ts provisions
 * them (scripts/provision/python-packages.txt) and puts a project-local copy on PYTHONPATH when needed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { docstring, pyStr } from '../../generator/src/emit/python/literals.js';
import { emitPython, PYTHON_DIR, pythonExamplesByFacadeName, pythonMethodExample, pythonModel } from '../../generator/src/emit/python/index.js';
import { fixtureGeneration } from '../generator/helpers/fixtures.js';
import { buildModel } from '../../generator/src/ir/build.js';
import { loadSpec } from '../../generator/src/load/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = path.join(ROOT, 'packages/python');
const PYTHON = '/usr/bin/python3';
const PYRIGHT = path.join(PKG, 'node_modules/.bin/pyright');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', input, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

describe('python package', () => {
  it('pytest: contract (sync + async, every operation, model attributes), drop-in app, parity, faults, webhooks', () => {
    const r = run(PYTHON, ['-m', 'pytest', '-q', '-s', '-p', 'no:cacheprovider', 'tests'], PKG);
    expect(r.out).toMatch(/\bsync operations covered: 110\/110 \(114 methods\)/);
    expect(r.out).toMatch(/async operations covered: 110\/110 \(114 methods\)/);
    expect(r.out).toMatch(/sync model fields read: [1-9]\d{2,}/);
    expect(r.out).toMatch(/\d+ passed/);
    expect(r.out).not.toMatch(/\d+ (failed|errors?)\b/);
    expect(r.status).toBe(0);
  }, 900_000);

  it('every example in api.md type-checks under pyright strict (Python 3.9 and 3.11)', () => {
    const md = readFileSync(path.join(PKG, 'api.md'), 'utf8');
    const blocks = [...md.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(114);
    expect(blocks).toHaveLength([...md.matchAll(/^### `client\./gm)].length);
    const dir = mkdtempSync(path.join(tmpdir(), 'retell-py-examples-'));
    temps.push(dir);
    blocks.forEach((code, i) => writeFileSync(path.join(dir, `example_${String(i).padStart(2, '0')}.py`), code));
    writeFileSync(
      path.join(dir, 'pyrightconfig.json'),
      JSON.stringify({ typeCheckingMode: 'strict', pythonVersion: '3.11', extraPaths: [path.join(PKG, 'src')] }),
    );
    for (const version of ['3.11', '3.9']) {
      const r = run(PYRIGHT, ['-p', 'pyrightconfig.json', '--pythonpath', PYTHON, '--pythonversion', version], dir);
      expect(r.out).toContain('0 errors');
      expect(r.status).toBe(0);
    }
  }, 900_000);

  it('the generated code is formatted: black --check (line length 120), no long lines but strings, signatures once', () => {
    const generated = path.join(PKG, 'src/retell/_generated');
    const r = run('black', ['--check', '--line-length', '120', '--target-version', 'py39', generated], PKG);
    expect(r.out).toMatch(/would be left unchanged/);
    expect(r.status).toBe(0);
    const files = readdirSync(generated, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.py'));
    const long: string[] = [];
    for (const f of files) {
      readFileSync(path.join(generated, f), 'utf8').split('\n').forEach((line, i) => {
        // Only a lone string literal may run past 120: black cannot break it.
        if (line.length > 120 && !/^\s*[fr]?"[^"]*"[,)]*$/.test(line)) long.push(`${f}:${i + 1}`);
      });
    }
    expect(long).toEqual([]);
    // Each method is written once per client flavour; raw and streaming variants are wrappers.
    const agent = readFileSync(path.join(generated, 'resources/agent.py'), 'utf8');
    expect(agent.match(/ def retrieve\(/g)).toHaveLength(2);
    expect(agent).toContain('self.retrieve = to_streamed_response_wrapper(');
    expect(agent).toContain('self.retrieve = async_to_raw_response_wrapper(');
  }, 300_000);
});

describe('python emitter', () => {
  // Each case survives as a docstring and as a string literal: Python reads back exactly the text.
  const tricky = [
    'plain',
    'ends with a quote"',
    'three """ quotes and "" two',
    'back\\slash \\n not a newline, \\',
    'line\nbreaks\r\nand\ttabs',
    'control \u0000 \u0007 \u001b chars',
    'unicode ü ✓ \u2028 separators \u2029',
    "single ' and triple ''' quotes",
    '"""',
  ];

  it('docstrings and string literals read back as the same text in Python', () => {
    const program = [
      'import json, sys',
      'cases = []',
      ...tricky.map((t) => `def f():\n${docstring(t, '    ') || '    pass\n'}    pass\ncases.append((f.__doc__ or "", ${pyStr(t)}))`),
      'json.dump(cases, sys.stdout)',
    ].join('\n');
    const r = run(PYTHON, ['-'], ROOT, program);
    expect(r.status, r.out).toBe(0);
    const cases = JSON.parse(r.out) as [string, string][];
    cases.forEach(([doc, literal], i) => {
      const want = tricky[i]!;
      expect(literal).toBe(want);
      // Docstrings trim outer whitespace, drop trailing spaces and normalize CRLF; the indentation is stripped by Python.
      const normalized = want.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').trim();
      expect(doc.split('\n').map((l) => l.replace(/^ {4}/, '')).join('\n').trim()).toBe(normalized);
    });
  });

  it('the Python output of every fixture spec imports and builds both clients', async () => {
    const fixtures = path.join(ROOT, 'test/fixtures/specs');
    const cases = readdirSync(fixtures).sort();
    const failures: string[] = [];
    for (const name of cases) {
      // The run's shared generation of the fixture (any threading mode gives the same bytes).
      const { files } = await fixtureGeneration(name);
      const dir = mkdtempSync(path.join(tmpdir(), `retell-py-${name}-`));
      temps.push(dir);
      cpSync(path.join(PKG, 'src'), path.join(dir, 'src'), { recursive: true });
      rmSync(path.join(dir, 'src/retell/_generated'), { recursive: true, force: true });
      for (const [rel, text] of files) {
        if (!rel.startsWith(`${PYTHON_DIR}/`)) continue;
        const target = path.join(dir, 'src/retell/_generated', rel.slice(PYTHON_DIR.length + 1));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      const check = [
        'import retell, retell.types',
        'from retell._generated.operations import METHODS',
        'c = retell.Retell(api_key="k", base_url="http://127.0.0.1:9")',
        'a = retell.AsyncRetell(api_key="k", base_url="http://127.0.0.1:9")',
        'for m in METHODS:',
        '    assert callable(getattr(getattr(c, m.resource), m.method)), m',
        '    assert callable(getattr(getattr(a, m.resource).with_raw_response, m.method)), m',
        '    assert callable(getattr(getattr(c, m.resource).with_streaming_response, m.method)), m',
        'print(len(METHODS))',
      ].join('\n');
      const r = run(PYTHON, ['-c', check], path.join(dir, 'src'));
      if (r.status !== 0 || !/^\d+\s*$/.test(r.out)) failures.push(`${name}: ${r.out}`);
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('is deterministic and exposes the example of a method for other docs', async () => {
    const spec = await loadSpec(path.join(ROOT, 'spec/openapi.yaml'));
    const model = buildModel(spec);
    const a = emitPython(spec, model);
    const b = emitPython(spec, model);
    expect(a.map((f) => f.text)).toEqual(b.map((f) => f.text));
    const py = pythonModel(spec, model);
    const example = pythonMethodExample(py, 'call', 'create_phone_call');
    expect(example).toContain('from retell import Retell');
    expect(example).toMatch(/client\.call\.create_phone_call\(\n {4}from_number=/);
    expect(pythonMethodExample(py, 'phoneNumber', 'import')).toMatch(/client\.phone_number\.import_\(/);
    expect(pythonMethodExample(py, 'call', 'no_such_method')).toBeUndefined();
    const table = pythonExamplesByFacadeName(spec, model);
    expect(table.size).toBe(114);
    expect(table.get('call.createPhoneCall')).toBe(example);
  }, 300_000);
});
