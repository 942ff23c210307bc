/**
 * Formats the generated Python with black (line length 120, Python 3.9 target), pinned to one version so
 * the bytes are reproducible: the emitter prints readable code, black settles line breaks exactly as a
 * Python developer's own tooling would. One black process formats every file (in a temporary directory).
 * Black comes from the system (Debian's `black` package, listed with the test suite's Python packages), or
 * from the project-local Debian cache that `scripts/provision/python-deps.mjs` fills when it cannot install
 * system-wide (run through `python-env.mjs`, the one owner of that environment); `RETELL_BLACK` names another
 * executable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextFile } from '../files.js';

/** Runs a command with the project-local Python packages in reach (see scripts/provision/python-env.mjs). */
const PYTHON_ENV = fileURLToPath(new URL('../../../../scripts/provision/python-env.mjs', import.meta.url));

export const BLACK_VERSION = '23.1.0';
const ARGS = ['--quiet', '--fast', '--line-length', '120', '--target-version', 'py39'];

let checked: readonly string[] | undefined;

function versionOf(command: readonly string[]): string | undefined {
  const r = spawnSync(command[0]!, [...command.slice(1), '--version'], { encoding: 'utf8' });
  return r.error ? undefined : /black,? (?:version )?(\d+\.\d+\.\d+)/.exec(`${r.stdout ?? ''}`)?.[1];
}

/** The command that runs black: `RETELL_BLACK`, else `black` on PATH, else black from the project-local cache. */
function black(): readonly string[] {
  if (checked) return checked;
  const exe = process.env['RETELL_BLACK'] || 'black';
  const candidates: string[][] = [[exe]];
  if (!process.env['RETELL_BLACK'] && existsSync(PYTHON_ENV)) candidates.push([process.execPath, PYTHON_ENV, 'black']);
  let found: string | undefined;
  for (const command of candidates) {
    found = versionOf(command);
    if (found === BLACK_VERSION) return (checked = command);
  }
  throw new Error(
    `The Python emitter formats its output with black ${BLACK_VERSION} (found ${found ?? 'none'} at "${exe}"). ` +
      'Run `node scripts/provision/python-deps.mjs` (or apt-get install black), or set RETELL_BLACK to a black executable of that version.',
  );
}

export function formatPython(files: readonly TextFile[]): TextFile[] {
  const py = files.filter((f) => f.path.endsWith('.py'));
  if (py.length === 0) return [...files];
  const [exe, ...prefix] = black();
  const dir = mkdtempSync(path.join(tmpdir(), 'retell-black-'));
  try {
    py.forEach((f, i) => {
      const target = path.join(dir, String(i), path.basename(f.path));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    });
    const r = spawnSync(exe!, [...prefix, ...ARGS, dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    if (r.status !== 0) throw new Error(`black failed on the generated Python (exit ${r.status}):\n${r.stderr}`);
    const formatted = new Map(py.map((f, i) => [f, readFileSync(path.join(dir, String(i), path.basename(f.path)), 'utf8')]));
    return files.map((f) => (formatted.has(f) ? { ...f, text: formatted.get(f)! } : f));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
