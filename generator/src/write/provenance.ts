/**
 * Provenance: a JSON file beside each generated folder saying which spec (hash) and which generator
 * version produced it, and the hash of every file it owns. `generate --check` compares it with a
 * fresh run, so a stale or hand-edited output is caught even when the spec did not change.
 */
import { createHash } from 'node:crypto';
import { GENERATOR_VERSION } from '../version.js';
import { OWNED_DIRS, provenanceDir } from './layout.js';

export const PROVENANCE_FILE = 'provenance.json';

export interface Provenance {
  readonly generator: string;
  readonly generatorVersion: string;
  readonly specHash: string;
  /** Present when the input was converted on load, e.g. `Swagger 2.0 → OpenAPI 3.0 by swagger2openapi@7.0.8`. */
  readonly converted?: string;
  /** The upstream release the spec matches (`info.x-upstream`), e.g. `retell-sdk@5.66.1`. */
  readonly matches?: string;
  readonly files: Record<string, string>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function makeProvenance(version: string, specHash: string, files: ReadonlyMap<string, string>, converted?: string, matches?: string): Provenance {
  const hashes: Record<string, string> = {};
  for (const [path, text] of files) hashes[path] = sha256(text);
  return { generator: '@retell-kit/generator', generatorVersion: version, specHash, ...(matches ? { matches } : {}), ...(converted ? { converted } : {}), files: hashes };
}

export function printProvenance(p: Provenance): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

/** Adds one provenance file per generated folder, also covering its package's single generated files (api.md, entry). */
export function withProvenance(files: ReadonlyMap<string, string>, specHash: string, converted?: string, matches?: string): Map<string, string> {
  const out = new Map(files);
  for (const dir of OWNED_DIRS) {
    const owned = new Map([...files].filter(([rel]) => provenanceDir(rel) === dir));
    out.set(`${dir}/${PROVENANCE_FILE}`, printProvenance(makeProvenance(GENERATOR_VERSION, specHash, owned, converted, matches)));
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
