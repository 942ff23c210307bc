/**
 * JSON as parsed from a bundled OpenAPI document, and the small typed readers every consumer uses over it
 * (the IR, the diff, sync): one copy, so a guard added here (own keys, finite numbers) holds everywhere.
 * Canonical form and hash live here too: keys sorted in code-point order, arrays left in order.
 */
import { createHash } from 'node:crypto';

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

/** A loosely typed object node, as the IR reads the document. */
export type Node = Record<string, unknown>;

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `node[key]` when it is an own property: `__proto__` or `constructor` in a spec never reach Object.prototype. */
export function own(node: Node, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

export function str(node: Node, key: string): string | undefined {
  const v = own(node, key);
  return typeof v === 'string' ? v : undefined;
}

export function obj(node: Node, key: string): Node | undefined {
  const v = own(node, key);
  return isNode(v) ? v : undefined;
}

export function arr(node: Node, key: string): unknown[] {
  const v = own(node, key);
  return Array.isArray(v) ? v : [];
}

export function isObject(value: Json | undefined): value is JsonObject {
  return isNode(value);
}

export function asObject(value: Json | undefined): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: Json | undefined): readonly Json[] {
  return Array.isArray(value) ? (value as readonly Json[]) : [];
}

export function asString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: Json | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export const DOC_KEYWORDS: ReadonlySet<string> = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', '$comment']);

/** The value without documentation keywords (at any depth): what two schemas are compared by. */
export function withoutDocs(value: Json): Json {
  if (Array.isArray(value)) return (value as readonly Json[]).map(withoutDocs);
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value)) if (!DOC_KEYWORDS.has(key)) out[key] = withoutDocs(value[key] as Json);
  return out;
}

/** Code-point order (not locale order) so that every machine sorts the same way. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical form: every object's keys sorted, arrays left in order. Everything downstream (types,
 * functions, docs, the provenance hash) reads this form, which is what makes the output independent of
 * the key order in which the spec happens to be written.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) out[key] = canonicalize(source[key]);
  return out;
}

/** Canonical JSON text: equal values print equal whatever their key order (`undefined` prints as such). */
export function canonicalJson(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(canonicalize(value));
}

/** sha256 of the canonical JSON text: equal for documents that differ only in key order or layout. */
export function hashDocument(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
