/**
 * Atomic write: everything is written into temporary siblings first; only when all of them exist are
 * they swapped in with renames (old folders kept until the swap succeeded, restored if it did not).
 * A failure before or during the swap leaves the previous output exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { OWNED_DIRS, OWNED_FILES, assertOwned, ownerDir } from './layout.js';

interface Staged {
  readonly target: string;
  readonly temp: string;
  backup?: string;
  swapped: boolean;
}

function fail(message: string, target: string, cause: unknown): WriteError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new WriteError(`${message}: ${reason}`, target, cause);
}

export function commitOutput(root: string, files: ReadonlyMap<string, string>): void {
  assertOwned(files.keys());
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: Staged[] = [];
  const cleanup = (): void => {
    for (const s of staged) {
      try {
        rmSync(s.temp, { recursive: true, force: true });
      } catch {
        // The temp path may never have existed (its parent is not a directory): nothing to remove.
      }
    }
  };

  try {
    for (const dir of OWNED_DIRS) {
      const target = path.join(root, dir);
      const temp = `${target}.tmp-${token}`;
      staged.push({ target, temp, swapped: false });
      mkdirSync(temp, { recursive: true });
    }
    for (const [rel, text] of files) {
      const dir = ownerDir(rel);
      const file = dir ? path.join(`${path.join(root, dir)}.tmp-${token}`, rel.slice(dir.length + 1)) : `${path.join(root, rel)}.tmp-${token}`;
      if (!dir) staged.push({ target: path.join(root, rel), temp: file, swapped: false });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    for (const rel of OWNED_FILES) {
      if (!files.has(rel)) throw new Error(`generator bug: ${rel} was not rendered`);
    }
  } catch (error) {
    cleanup();
    throw fail('cannot write the generated files (nothing was changed)', root, error);
  }

  try {
    for (const s of staged) {
      if (existsSync(s.target)) {
        s.backup = `${s.target}.old-${token}`;
        renameSync(s.target, s.backup);
      }
      renameSync(s.temp, s.target);
      s.swapped = true;
    }
  } catch (error) {
    for (const s of [...staged].reverse()) {
      if (s.swapped) rmSync(s.target, { recursive: true, force: true });
      if (s.backup && existsSync(s.backup)) renameSync(s.backup, s.target);
    }
    cleanup();
    throw fail('cannot swap in the generated files (previous output restored)', root, error);
  }
  for (const s of staged) if (s.backup) rmSync(s.backup, { recursive: true, force: true });
}
