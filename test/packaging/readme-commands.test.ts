/**
 * Commands the READMEs show must run as written: every `pnpm <name>` names a root script (or a pnpm
 * command), every `pnpm exec <bin>` a bin linked at the root, and `pnpm exec retell-kit` answers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const READMES = ['README.md', 'spec/README.md', 'generator/README.md', 'packages/client/README.md', 'packages/sdk/README.md', 'packages/mock/README.md', 'packages/diff/README.md', 'packages/mcp/README.md', 'packages/llm-socket/README.md', 'packages/python/README.md', 'examples/quickstart/README.md', 'examples/custom-llm/README.md'];
/** pnpm's own commands that READMEs use. */
const PNPM_COMMANDS = new Set(['install', 'add', 'exec', 'pack', 'vitest', 'tsx', 'run']);

type Manifest = { name?: string; scripts?: Record<string, string> };
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(REPO, dir, 'package.json'), 'utf8')) as Manifest;
const scripts = manifest('.').scripts ?? {};

/** Workspace packages by name (the dirs pnpm-workspace.yaml lists), so `pnpm --filter <name> <script>` is
 * checked against the filtered package's own scripts, which is where pnpm looks, not the root's. */
const WORKSPACE = new Map<string, Record<string, string>>();
for (const dir of ['generator', ...['packages', 'examples'].flatMap((group) => readdirSync(path.join(REPO, group)).map((d) => `${group}/${d}`))]) {
  if (!existsSync(path.join(REPO, dir, 'package.json'))) continue;
  const m = manifest(dir);
  if (m.name) WORKSPACE.set(m.name, m.scripts ?? {});
}

/** `pnpm …` commands from code spans and shell blocks (comments stripped). */
function commands(markdown: string): string[] {
  const out: string[] = [];
  for (const [, span] of markdown.matchAll(/`(pnpm [^`]+)`/g)) out.push(span!);
  for (const [, block] of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of block!.split('\n')) {
      for (const part of line.replace(/#.*$/, '').split('&&')) if (part.trim().startsWith('pnpm ')) out.push(part.trim());
    }
  }
  return out;
}

describe('README commands', () => {
  for (const readme of READMES) {
    it(`${readme}: every pnpm command names a script, a pnpm command or a linked bin`, () => {
      const found = commands(readFileSync(path.join(REPO, readme), 'utf8'));
      const unknown = found.filter((command) => {
        const filters = [...command.matchAll(/--filter\s+(\S+)/g)].map(([, pkg]) => pkg!);
        const words = command.replace(/--filter\s+\S+/g, '').split(/\s+/).filter((w) => !w.startsWith('--') && !w.startsWith('-'));
        const name = words[1] ?? '';
        if (name === 'exec') return !['pnpm', 'node'].includes(words[2] ?? '') && !existsSync(path.join(REPO, 'node_modules/.bin', words[2] ?? ''));
        if (PNPM_COMMANDS.has(name)) return false;
        if (filters.length === 0) return !(name in scripts);
        return !filters.every((pkg) => name in (WORKSPACE.get(pkg) ?? {}));
      });
      expect(unknown).toEqual([]);
    });
  }

  it('`pnpm exec retell-kit help` runs at the repository root', () => {
    const result = spawnSync('pnpm', ['exec', 'retell-kit', 'help'], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).not.toContain('not found');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/mock \[options\]/);
  }, 120_000);
});
