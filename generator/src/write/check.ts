/**
 * The drift check: compares a fresh in-memory run with what is on disk and lists every file that
 * differs, is missing, or is stale (on disk in a generated folder but no longer generated), plus
 * provenance mismatches (another spec hash or generator version).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OWNED_DIRS, OWNED_FILES } from './layout.js';
import { PROVENANCE_FILE, type Provenance } from './provenance.js';

export interface Drift {
  readonly kind: 'differs' | 'missing' | 'stale' | 'provenance';
  readonly path: string;
  readonly detail?: string;
}

function listFiles(dir: string, prefix: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) listFiles(path.join(dir, entry.name), rel, out);
    else out.push(rel);
  }
}

function readProvenance(file: string): Partial<Provenance> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Provenance>;
  } catch {
    return undefined;
  }
}

function short(hash: string | undefined): string {
  return hash ? hash.slice(0, 12) : '(none)';
}

export function checkOutput(root: string, files: ReadonlyMap<string, string>): Drift[] {
  const drift: Drift[] = [];
  const onDisk: string[] = [];
  for (const dir of OWNED_DIRS) listFiles(path.join(root, dir), dir, onDisk);
  for (const rel of OWNED_FILES) if (existsSync(path.join(root, rel))) onDisk.push(rel);
  const present = new Set(onDisk);

  for (const [rel, text] of files) {
    if (!present.has(rel)) {
      drift.push({ kind: 'missing', path: rel });
      continue;
    }
    if (readFileSync(path.join(root, rel), 'utf8') !== text) drift.push({ kind: 'differs', path: rel });
    if (rel.endsWith(`/${PROVENANCE_FILE}`)) {
      const committed = readProvenance(path.join(root, rel));
      const fresh = JSON.parse(text) as Provenance;
      if (committed?.specHash !== fresh.specHash) {
        drift.push({ kind: 'provenance', path: rel, detail: `spec hash ${short(committed?.specHash)} on disk, ${short(fresh.specHash)} now` });
      }
      if (committed?.generatorVersion !== fresh.generatorVersion) {
        drift.push({ kind: 'provenance', path: rel, detail: `generator ${committed?.generatorVersion ?? '(none)'} on disk, ${fresh.generatorVersion} now` });
      }
    }
  }
  for (const rel of onDisk.sort()) if (!files.has(rel)) drift.push({ kind: 'stale', path: rel });
  return drift;
}
