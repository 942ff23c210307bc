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

async function lint(specDir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      redocly,
      ['lint', join(specDir, 'openapi.yaml'), '--config', join(repo, 'redocly.yaml'), '--format=stylish'],
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

  it.each([
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
  ])('fails with file and line on %s', async (_name, edit, where) => {
    const { code, output } = await lint(brokenCopy(edit));
    expect(code).not.toBe(0);
    expect(output).toMatch(where);
  });
});
