/**
 * Formats the generated Python with black (line length 120, Python 3.9 target), pinned to one version so
 * the bytes are reproducible: the emitter prints readable code, black settles line breaks exactly as a
 * Python developer's own tooling would. One black process formats every file (in a temporary directory).
 * Black comes from the system (Debian's `black` package, listed with the test suite's Python packages);
 * `RETELL_BLACK` names another executable.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TextFile } from '../files.js';

export const BLACK_VERSION = '23.1.0';
const ARGS = ['--quiet', '--fast', '--line-length', '120', '--target-version', 'py39'];

let checked: string | undefined;

function black(): string {
  const exe = process.env['RETELL_BLACK'] || 'black';
  if (checked === exe) return exe;
  const r = spawnSync(exe, ['--version'], { encoding: 'utf8' });
  const version = /black,? (?:version )?(\d+\.\d+\.\d+)/.exec(`${r.stdout ?? ''}`)?.[1];
  if (r.error || version !== BLACK_VERSION) {
    throw new Error(
      `The Python emitter formats its output with black ${BLACK_VERSION} (found ${version ?? 'none'} at "${exe}"). ` +
        'Install it (Debian: apt-get install black) or set RETELL_BLACK to a black executable of that version.',
    );
  }
  checked = exe;
  return exe;
}

export function formatPython(files: readonly TextFile[]): TextFile[] {
  const py = files.filter((f) => f.path.endsWith('.py'));
  if (py.length === 0) return [...files];
  const exe = black();
  const dir = mkdtempSync(path.join(tmpdir(), 'retell-black-'));
  try {
    py.forEach((f, i) => {
      const target = path.join(dir, String(i), path.basename(f.path));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    });
    const r = spawnSync(exe, [...ARGS, dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    if (r.status !== 0) throw new Error(`black failed on the generated Python (exit ${r.status}):\n${r.stderr}`);
    const formatted = new Map(py.map((f, i) => [f, readFileSync(path.join(dir, String(i), path.basename(f.path)), 'utf8')]));
    return files.map((f) => (formatted.has(f) ? { ...f, text: formatted.get(f)! } : f));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
