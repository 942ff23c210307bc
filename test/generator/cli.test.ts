/**
 * The CLI end to end, in process: exit codes, the drift check, stale-file removal, and the promise
 * that a failed run leaves the output tree byte-for-byte untouched (hashed before and after).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/src/cli.js';
import { hashTree, tempDir } from './helpers/files.js';
import { REPO } from './helpers/typecheck.js';

const FIXTURE = path.join(REPO, 'test/fixtures/specs/retell-like/openapi.yaml');
const BAD = path.join(import.meta.dirname, 'bad-specs');

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l), (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const generate = (out: string, ...extra: string[]) => run('generate', '--spec', FIXTURE, '--out', out, '--no-lint', '--no-build', ...extra);

describe('retell-kit CLI', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir('cli');
    expect((await generate(out)).code).toBe(0);
  });

  it.each([
    [['generate', '--bogus'], /unknown option "--bogus"/],
    [['generate', '--spec'], /--spec needs a value/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /missing command/],
  ])('bad usage %j exits 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).toContain('Usage: retell-kit');
  });

  it.each([['diff'], ['mock'], ['llm-sim']])('%s is delegated (its --help exits 0)', async (command) => {
    const log = console.log;
    const error = console.error;
    const printed: string[] = [];
    console.log = (...a: unknown[]) => void printed.push(a.join(' '));
    console.error = console.log;
    try {
      expect((await run(command, '--help')).code).toBe(0);
    } finally {
      console.log = log;
      console.error = error;
    }
  });

  it('--check passes on fresh output and prints each step with its time', async () => {
    const r = await generate(out, '--check');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✔ generate \(\d+ ms\)/);
    expect(r.out).toMatch(/✔ check: \d+ generated files match/);
  });

  it('--check lists every differing, missing and stale file and provenance mismatches', async () => {
    const copy = tempDir('cli-drift');
    expect((await generate(copy)).code).toBe(0);
    const ops = path.join(copy, 'packages/client/src/generated/operations/agent.ts');
    writeFileSync(ops, `${readFileSync(ops, 'utf8')}// hand edit\n`);
    rmSync(path.join(copy, 'packages/sdk/api.md'));
    writeFileSync(path.join(copy, 'packages/sdk/src/generated/old-resource.ts'), 'export {};\n');
    const prov = path.join(copy, 'packages/client/src/generated/provenance.json');
    writeFileSync(prov, readFileSync(prov, 'utf8').replace(/"specHash": "[0-9a-f]+"/, '"specHash": "0000"'));

    const r = await generate(copy, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/differs\s+packages\/client\/src\/generated\/operations\/agent\.ts/);
    expect(r.out).toMatch(/missing\s+packages\/sdk\/api\.md/);
    expect(r.out).toMatch(/stale\s+packages\/sdk\/src\/generated\/old-resource\.ts/);
    expect(r.out).toMatch(/provenance\s+packages\/client\/src\/generated\/provenance\.json: spec hash 0000/);
  });

  it('regenerating removes stale files and restores edited ones', async () => {
    const copy = tempDir('cli-stale');
    expect((await generate(copy)).code).toBe(0);
    const stale = path.join(copy, 'packages/client/src/generated/operations/removed.ts');
    writeFileSync(stale, 'export {};\n');
    expect((await generate(copy)).code).toBe(0);
    expect((await generate(copy, '--check')).code).toBe(0);
  });

  it.each([
    ['invalid YAML', 'invalid-yaml.yaml', /invalid-yaml/],
    ['dangling $ref', 'dangling-ref.yaml', /dangling-ref.*#\/paths\/~1a\/get/],
    ['duplicate operationId', 'duplicate-operation-id.yaml', /duplicate-operation-id/],
    ['Swagger 2.0', 'swagger-2.yaml', /unsupported-version.*swagger-2\.yaml#\/swagger/],
  ])('%s: exit 1, named error, output untouched', async (_name, file, message) => {
    const before = hashTree(out);
    const r = await run('generate', '--spec', path.join(BAD, file), '--out', out, '--no-lint', '--no-build');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(message);
    expect(hashTree(out)).toBe(before);
  });

  it('an output that cannot be written: exit 3, WriteError, nothing changed', async () => {
    const copy = tempDir('cli-unwritable');
    expect((await generate(copy)).code).toBe(0);
    // The SDK folder's parent becomes a file: the client folder can be staged, the SDK one cannot.
    rmSync(path.join(copy, 'packages/sdk'), { recursive: true });
    writeFileSync(path.join(copy, 'packages/sdk'), 'not a directory');
    const before = hashTree(copy);
    const r = await generate(copy);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/WriteError: cannot write the generated files \(nothing was changed\)/);
    expect(hashTree(copy)).toBe(before);
  });

  it('an --out below a regular file is a WriteError too', async () => {
    const dir = tempDir('cli-file');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'file'), 'x');
    const r = await generate(path.join(dir, 'file', 'out'));
    expect(r.code).toBe(3);
  });
});
