/**
 * Where the project-local Python packages live (unpacked by python-deps.mjs when the system python3
 * lacks them and apt-get install is not an option), and the environment that puts them in reach of
 * /usr/bin/python3, pyright and their scripts (black). Nothing is added when the cache is not in use.
 *
 * As a command: `node scripts/provision/python-env.mjs <cmd> [args…]` runs <cmd> with that environment
 * (packages/python's pyright typecheck goes through it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const PYTHON = '/usr/bin/python3';
export const CACHE = path.join(REPO, '.cache/python-deps');
/** The tree `dpkg -x` fills: Debian's python3 packages put their modules and scripts here. */
export const UNPACKED = path.join(CACHE, 'root');
/** Written last by python-deps.mjs: the cache is complete and in use. */
export const STAMP = path.join(CACHE, 'stamp.json');

/** `env` plus PYTHONPATH/PATH entries for the unpacked packages, when they are in use. */
export function pythonEnv(env = process.env) {
  if (!existsSync(STAMP)) return { ...env };
  const join = (first, rest) => (rest ? `${first}${path.delimiter}${rest}` : first);
  return {
    ...env,
    PYTHONPATH: join(path.join(UNPACKED, 'usr/lib/python3/dist-packages'), env.PYTHONPATH),
    PATH: join(path.join(UNPACKED, 'usr/bin'), env.PATH),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error('usage: node scripts/provision/python-env.mjs <command> [args…]');
    process.exit(2);
  }
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: pythonEnv() });
  if (r.error) {
    console.error(`${cmd}: ${r.error.message}`);
    process.exit(127);
  }
  process.exit(r.status ?? 1);
}
