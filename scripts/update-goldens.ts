/**
 * Rewrites the generator's golden files (test/generator/__goldens__) from the fixture specs, then runs
 * the golden suite once more to confirm they type-check. Review the diff before committing it.
 *   pnpm tsx scripts/update-goldens.ts
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const suite = 'test/generator/goldens.test.ts';
const vitest = (args: string[], env: Record<string, string> = {}): number =>
  spawnSync('pnpm', ['exec', 'vitest', 'run', suite, ...args], { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// Start from an empty folder so goldens of removed files or cases disappear.
rmSync(new URL('../test/generator/__goldens__', import.meta.url), { recursive: true, force: true });
vitest(['--update'], { UPDATING_GOLDENS: '1' });
process.exitCode = vitest([]);
