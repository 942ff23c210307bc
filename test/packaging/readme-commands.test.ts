/**
 * Commands the READMEs show must run as written: every `pnpm <name>` names a root script (or a pnpm
 * command), every `pnpm exec <bin>` a bin linked at the root, and `pnpm exec retell-kit` answers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const READMES = ['README.md', 'spec/README.md', 'generator/README.md', 'packages/client/README.md', 'packages/sdk/README.md', 'packages/mock/README.md', 'packages/diff/README.md', 'packages/mcp/README.md', 'packages/llm-socket/README.md', 'packages/python/README.md', 'examples/quickstart/README.md', 'examples/custom-llm/README.md'];
/** pnpm's own commands that READMEs use. */
const PNPM_COMMANDS = new Set(['install', 'add', 'exec', 'pack', 'vitest', 'tsx', 'run']);

const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

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
        const words = command.replace(/--filter\s+\S+/g, '').split(/\s+/).filter((w) => !w.startsWith('--') && !w.startsWith('-'));
        const name = words[1] ?? '';
        if (name === 'exec') return !['pnpm', 'node'].includes(words[2] ?? '') && !existsSync(path.join(REPO, 'node_modules/.bin', words[2] ?? ''));
        return !(name in scripts) && !PNPM_COMMANDS.has(name);
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
