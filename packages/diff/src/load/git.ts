/**
 * The git side of a diff: recognising a revision, finding the merge-base with the main branch, and
 * materializing the spec folder of a commit into a temporary directory (via `git archive`, so split
 * specs keep their relative `$ref`s).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function git(cwd: string, args: readonly string[], input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...(input !== undefined && { input }) });
}

export function repoRoot(cwd: string): string | null {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    return null;
  }
}

/** The full commit id of `revision`, or null when it names no commit. */
export function resolveCommit(root: string, revision: string): string | null {
  if (revision.startsWith('-')) return null;
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).toString().trim() || null;
  } catch {
    return null;
  }
}

export function mergeBase(root: string, a: string, b: string): string | null {
  try {
    return git(root, ['merge-base', a, b]).toString().trim() || null;
  } catch {
    return null;
  }
}

export function hasPath(root: string, commit: string, path: string): boolean {
  try {
    git(root, ['cat-file', '-e', `${commit}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** Extracts `folder` as of `commit` into a fresh temporary directory and returns that directory. */
export function materialize(root: string, commit: string, folder: string): string {
  const target = mkdtempSync(join(tmpdir(), 'retell-kit-diff-'));
  const archive = git(root, ['archive', '--format=tar', commit, '--', folder]);
  execFileSync('tar', ['-x', '-C', target], { input: archive, stdio: ['pipe', 'pipe', 'pipe'] });
  return target;
}
