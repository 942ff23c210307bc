/** File helpers for generator tests: temp dirs, writing a generated file map, hashing a tree. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
// Generated trees are large (GitHub's is ~20 MB): remove them after the test file that made them.
// Registered when this helper is first imported, i.e. once per test file (vitest isolates modules per file).
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `retell-kit-${prefix}-`));
  created.push(dir);
  return dir;
}

export function writeTree(root: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, text] of files) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Relative paths of every file under `dir`, sorted. */
export function listTree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTree(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/** One hash over every file's path and bytes under `dir`: equal hashes mean an untouched tree. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const rel of listTree(dir)) hash.update(rel).update('\0').update(readFileSync(path.join(dir, rel))).update('\0');
  return hash.digest('hex');
}
