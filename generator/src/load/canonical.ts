/**
 * Canonical form of the bundled document: every object's keys sorted, arrays left in order.
 * Everything downstream (types, functions, docs, the provenance hash) reads this form, which is what
 * makes the output independent of the key order in which the spec happens to be written.
 */
import { createHash } from 'node:crypto';

export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) out[key] = canonicalize(source[key]);
  return out;
}

/** Code-point order (not locale order) so that every machine sorts the same way. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sha256 of the canonical JSON text: equal for documents that differ only in key order or layout. */
export function hashDocument(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
