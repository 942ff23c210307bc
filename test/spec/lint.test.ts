/**
 * `pnpm lint` is the gate for spec edits: the clean spec passes, and a broken edit fails with a non-zero exit
 * and a message that names the file and line. Each case breaks a temp copy of spec/ in one way.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const redocly = join(repo, 'node_modules/.bin/redocly');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** One redocly process for every given spec folder (its start-up and rule set are paid once). */
async function lint(...specDirs: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      redocly,
      ['lint', ...specDirs.map((d) => join(d, 'openapi.yaml')), '--config', join(repo, 'redocly.yaml'), '--format=stylish'],
      { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'retell-spec-'));
  temps.push(dir);
  cpSync(join(repo, 'spec'), dir, { recursive: true });
  edit(dir);
  return dir;
}

const patch = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, text.replace(from, to));
};

describe('pnpm lint', () => {
  it('passes on the committed spec with 0 errors and 0 warnings', async () => {
    const { code, output } = await lint(join(repo, 'spec'));
    expect(output).toContain('Your API description is valid');
    // Redocly prints its own Node 20 deprecation banner; lint findings are lines like `12:3  warning  rule-id`.
    expect(output).not.toMatch(/^\s*\d+:\d+\s+(warning|error)\s/m);
    expect(code).toBe(0);
  });

  const cases = [
    [
      'invalid YAML',
      (d: string) => patch(join(d, 'paths/create-agent.yaml'), 'operationId: createAgent', 'operationId: [createAgent'),
      /create-agent\.yaml:\s+\d+:\d+\s+error.*Failed to parse/,
    ],
    [
      'a dangling $ref',
      (d: string) => patch(join(d, 'components/schemas/AgentResponse.yaml'), './ResponseEngineRetellLm.yaml', './NoSuchSchema.yaml'),
      /AgentResponse\.yaml:\s+\d+:\d+\s+error\s+no-unresolved-refs\s+Can't resolve \$ref/,
    ],
    [
      'a duplicate operationId',
      (d: string) => patch(join(d, 'paths/list-voices.yaml'), 'operationId: listVoices', 'operationId: createAgent'),
      /list-voices\.yaml:\s+\d+:\d+\s+error\s+operation-operationId-unique/,
    ],
  ] as const;

  // The broken copies are linted together: each copy differs from the clean spec (which passes) by one
  // edit, and each expected error names a file of its own copy, so every copy is shown to fail on its own.
  let broken: Promise<{ code: number; output: string; dirs: string[] }> | undefined;
  const lintBroken = () =>
    (broken ??= (async () => {
      const dirs = cases.map(([, edit]) => brokenCopy(edit));
      return { ...(await lint(...dirs)), dirs };
    })());

  it.each(cases.map((c, i) => [c[0], i] as const))('fails with file and line on %s', async (_name, i) => {
    const { code, output, dirs } = await lintBroken();
    expect(code).not.toBe(0);
    const where = cases[i]![2];
    const hit = where.exec(output);
    expect(hit, output).not.toBeNull();
    // Reported under this case's copy: the path just before the matched file name is inside dirs[i].
    const pathBefore = output.slice(0, hit!.index).split(/\s/).pop();
    expect(pathBefore).toContain(dirs[i]!.split('/').pop());
  });
});
