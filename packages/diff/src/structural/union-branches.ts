/**
 * Identity of `oneOf`/`anyOf` branches, so that both sides' branches are matched by what they are and
 * never by position: first by `$ref` name, then by discriminator value, then by a structural fingerprint,
 * then (only when unique on both sides) by shape (types and required property names), which lets an
 * inline branch that gained an optional property still match itself.
 *
 * Nested pure unions are flattened first: `oneOf: [A, B]` and `oneOf: [{oneOf: [A]}, B]` accept the same
 * values, which is how Retell wraps an existing union into a wider one.
 */
import { asObject, canonicalJson, withoutDocs, type Json } from '@retell-kit/openapi-core';
import type { NormSchema, SchemaNormalizer } from '../model/schema.js';

export interface Branch {
  readonly raw: Json;
  readonly ref: string | null;
  readonly discriminatorValue: string | null;
  readonly fingerprint: string;
  readonly shape: string;
  /** How reports name the branch: ref name, `type=value`, or its shape. */
  readonly label: string;
}

/** The branches of `schema` when it is a union (flattening nested pure unions), else null. */
export function unionBranches(schema: NormSchema, normalizer: SchemaNormalizer): Branch[] | null {
  if (schema.union === null) return null;
  const out: Branch[] = [];
  collect(schema, normalizer, out, new Set(), 0);
  return out;
}

/** A non-union schema seen as the single branch of a union (so `X` vs `oneOf: [X, Y]` compares). */
export function soleBranch(schema: NormSchema, raw: Json): Branch {
  return describe(raw, schema, null);
}

function collect(parent: NormSchema, normalizer: SchemaNormalizer, out: Branch[], seenRefs: Set<string>, depth: number): void {
  for (const raw of parent.union ?? []) {
    const branch = normalizer.normalize(raw);
    if (isPureUnion(branch) && depth < 16 && !(branch.ref !== null && seenRefs.has(branch.ref))) {
      if (branch.ref !== null) seenRefs.add(branch.ref);
      collect(branch, normalizer, out, seenRefs, depth + 1);
      continue;
    }
    out.push(describe(raw, branch, parent));
  }
}

function isPureUnion(schema: NormSchema): boolean {
  return schema.union !== null && schema.properties.size === 0 && schema.types === null && schema.enumValues === null;
}

function describe(raw: Json, branch: NormSchema, parent: NormSchema | null): Branch {
  const discriminatorValue = discriminatorValueOf(branch, parent);
  const types = branch.types === null ? 'any' : [...branch.types].sort().join('|');
  const required = [...branch.required].sort();
  const shape = `${types}(${required.join(',')})`;
  const propertyName = parent?.discriminator?.propertyName;
  const label =
    branch.ref ??
    (discriminatorValue !== null ? `${propertyName ?? 'discriminator'}=${discriminatorValue}` : required.length > 0 ? `${types} with ${required.join(', ')}` : types);
  return { raw, ref: branch.ref, discriminatorValue, fingerprint: fingerprint(raw), shape, label };
}

function discriminatorValueOf(branch: NormSchema, parent: NormSchema | null): string | null {
  const discriminator = parent?.discriminator;
  if (discriminator === undefined || discriminator === null) return null;
  if (branch.ref !== null) {
    const mapped = discriminator.byRef.get(branch.ref);
    if (mapped !== undefined) return mapped;
  }
  const property = asObject(branch.properties.get(discriminator.propertyName));
  const single = property?.const ?? (Array.isArray(property?.enum) && property.enum.length === 1 ? property.enum[0] : undefined);
  if (typeof single === 'string') return single;
  // Without a mapping, the discriminator value defaults to the component name.
  return branch.ref;
}

const FINGERPRINTS = new WeakMap<object, string>();

/** Canonical JSON of the raw branch without documentation keywords (once per node: unions are compared often). */
function fingerprint(raw: Json): string {
  if (typeof raw !== 'object' || raw === null) return canonicalJson(raw);
  let cached = FINGERPRINTS.get(raw);
  if (cached === undefined) {
    cached = canonicalJson(withoutDocs(raw));
    FINGERPRINTS.set(raw, cached);
  }
  return cached;
}

export interface BranchMatch {
  readonly pairs: ReadonlyArray<readonly [Branch, Branch]>;
  readonly removed: readonly Branch[];
  readonly added: readonly Branch[];
}

export function matchBranches(base: readonly Branch[], head: readonly Branch[]): BranchMatch {
  const pairs: Array<readonly [Branch, Branch]> = [];
  let left = [...base];
  let right = [...head];
  const pass = (key: (b: Branch) => string | null, uniqueOnly: boolean): void => {
    const rightByKey = new Map<string, Branch[]>();
    for (const b of right) {
      const k = key(b);
      if (k !== null) rightByKey.set(k, [...(rightByKey.get(k) ?? []), b]);
    }
    const leftCounts = new Map<string, number>();
    for (const b of left) {
      const k = key(b);
      if (k !== null) leftCounts.set(k, (leftCounts.get(k) ?? 0) + 1);
    }
    const matchedLeft = new Set<Branch>();
    const matchedRight = new Set<Branch>();
    for (const b of left) {
      const k = key(b);
      if (k === null) continue;
      const candidates = (rightByKey.get(k) ?? []).filter((c) => !matchedRight.has(c));
      if (candidates.length === 0) continue;
      if (uniqueOnly && (candidates.length !== 1 || leftCounts.get(k) !== 1)) continue;
      const partner = candidates[0] as Branch;
      pairs.push([b, partner]);
      matchedLeft.add(b);
      matchedRight.add(partner);
    }
    left = left.filter((b) => !matchedLeft.has(b));
    right = right.filter((b) => !matchedRight.has(b));
  };
  pass((b) => b.ref, false);
  pass((b) => b.discriminatorValue, false);
  pass((b) => b.fingerprint, false);
  pass((b) => b.shape, true);
  return { pairs, removed: left, added: right };
}
