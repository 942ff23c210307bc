/**
 * Structural diff of two schemas: walks both sides together through `$ref`, `allOf` (merged),
 * `oneOf`/`anyOf` (branches matched by identity), `items`, `properties` and `additionalProperties`, and
 * records what differs as `SchemaFact`s at a segment path. It does not judge: whether a narrowed type
 * is breaking depends on the direction, which the rule checks decide.
 *
 * Results for a pair of component refs are memoized per direction (a component used by twenty
 * operations is compared once; see `memoKey` for what counts as the same pair), and a pair already on
 * the walk stack is not entered again, which is what stops recursive schemas.
 */
import { asObject, canonicalJson, DOC_KEYWORDS, type Json } from '@retell-kit/openapi-core';
import type { Discriminator, NormSchema, SchemaNormalizer } from '../model/schema.js';
import type { BoundKeyword, SchemaChange, SchemaFact } from '../types.js';
import { matchBranches, soleBranch, unionBranches } from './union-branches.js';

export type SchemaDirection = 'request' | 'response';
const BOUNDS: readonly BoundKeyword[] = ['maxLength', 'minLength', 'maximum', 'minimum', 'maxItems', 'minItems'];

export class SchemaDiffer {
  private readonly memo = new Map<string, readonly SchemaChange[]>();
  private readonly active = new Set<string>();

  constructor(
    private readonly base: SchemaNormalizer,
    private readonly head: SchemaNormalizer,
    /** Also record description and example changes (`--include-docs`). */
    private readonly includeDocs = false,
  ) {}

  diff(baseRaw: Json | undefined, headRaw: Json | undefined, direction: SchemaDirection): readonly SchemaChange[] {
    const b = this.base.normalize(baseRaw);
    const h = this.head.normalize(headRaw);
    const baseKey = memoKey(baseRaw, b, this.includeDocs);
    const headKey = memoKey(headRaw, h, this.includeDocs);
    const key = baseKey !== null && headKey !== null ? `${direction}|${baseKey}|${headKey}` : null;
    if (key !== null) {
      const cached = this.memo.get(key);
      if (cached !== undefined) return cached;
      if (this.active.has(key)) return [];
      this.active.add(key);
    }
    const out: SchemaChange[] = [];
    this.compare(b, h, baseRaw ?? null, headRaw ?? null, direction, out);
    if (key === null) return out;
    this.active.delete(key);
    // Only a bare `$ref` is the component itself; a wrapped one (siblings, a null branch) adds facts of
    // its own at this level, which belong to the place that wraps it, not to the component.
    const component = h.ref;
    const tagged = component !== null && isBareRef(headRaw, this.includeDocs) && isBareRef(baseRaw, this.includeDocs) ? out.map((c) => (c.origin !== undefined ? c : { ...c, origin: { component, path: c.path } })) : out;
    this.memo.set(key, tagged);
    return tagged;
  }

  private compare(b: NormSchema, h: NormSchema, baseRaw: Json, headRaw: Json, direction: SchemaDirection, out: SchemaChange[]): void {
    const fact = (f: SchemaFact): void => {
      out.push({ path: [], fact: f });
    };
    if (b.deprecated !== h.deprecated) fact({ subject: 'deprecated', after: h.deprecated });
    if (b.nullable !== h.nullable) fact({ subject: 'nullable', after: h.nullable });
    if (this.includeDocs) {
      if (b.description !== h.description) fact({ subject: 'description' });
      if (b.example !== h.example) fact({ subject: 'example' });
    }
    if (b.discriminator !== null && h.discriminator !== null) {
      for (const detail of discriminatorChanges(b.discriminator, h.discriminator)) fact({ subject: 'discriminator', detail });
    }

    const baseBranches = unionBranches(b, this.base);
    const headBranches = unionBranches(h, this.head);
    if (baseBranches !== null || headBranches !== null) {
      const left = baseBranches ?? [soleBranch(b, baseRaw)];
      const right = headBranches ?? [soleBranch(h, headRaw)];
      // A one-branch union is just that branch: compare it as a plain schema.
      const [onlyLeft, onlyRight] = [left[0], right[0]];
      if (left.length === 1 && right.length === 1 && onlyLeft !== undefined && onlyRight !== undefined) {
        this.nest([], this.diff(onlyLeft.raw, onlyRight.raw, direction), out);
      } else {
        const match = matchBranches(left, right);
        for (const branch of match.removed) fact({ subject: 'union-branch-removed', branch: branch.label });
        for (const branch of match.added) fact({ subject: 'union-branch-added', branch: branch.label });
        for (const [lb, rb] of match.pairs) {
          const segment = left.length > 1 || right.length > 1 ? [`<${rb.label}>`] : [];
          this.nest(segment, this.diff(lb.raw, rb.raw, direction), out);
        }
      }
    } else if (!sameTypes(b.types, h.types)) {
      fact({ subject: 'type', before: sortedTypes(b.types), after: sortedTypes(h.types) });
    }

    this.compareValues(b, h, fact);
    this.compareProperties(b, h, direction, out);

    // Only between two array schemas: a type change already says the rest.
    const arrays = mayBeArray(b) && mayBeArray(h);
    const [itemsBefore, itemsAfter] = [arrays && constrainsItems(b.items), arrays && constrainsItems(h.items)];
    if (itemsBefore && itemsAfter) this.nest(['[]'], this.diff(b.items, h.items, direction), out);
    else if (itemsAfter) fact({ subject: 'items', before: null, after: itemsLabel(this.head.normalize(h.items)) });
    else if (itemsBefore) fact({ subject: 'items', before: itemsLabel(this.base.normalize(b.items)), after: null });

    if (b.additional !== h.additional) fact({ subject: 'additional-properties', before: b.additional, after: h.additional });
    else if (b.additional === 'schema') this.nest(['{}'], this.diff(b.additionalSchema, h.additionalSchema, direction), out);
  }

  private compareValues(b: NormSchema, h: NormSchema, fact: (f: SchemaFact) => void): void {
    if (!sameList(b.enumValues, h.enumValues)) fact({ subject: 'enum', before: b.enumValues, after: h.enumValues });
    for (const keyword of BOUNDS) {
      const before = b.bounds[keyword];
      const after = h.bounds[keyword];
      if (before !== after) fact({ subject: 'bound', keyword, before, after });
    }
    if (b.pattern !== h.pattern) fact({ subject: 'pattern', before: b.pattern, after: h.pattern });
    if (b.format !== h.format) fact({ subject: 'format', before: b.format, after: h.format });
    if (b.defaultValue !== h.defaultValue) fact({ subject: 'default', before: b.defaultValue, after: h.defaultValue });
  }

  private compareProperties(b: NormSchema, h: NormSchema, direction: SchemaDirection, out: SchemaChange[]): void {
    const baseProps = this.visible(b, this.base, direction);
    const headProps = this.visible(h, this.head, direction);
    const names = [...new Set([...baseProps.keys(), ...headProps.keys()])].sort();
    for (const name of names) {
      const before = baseProps.get(name);
      const after = headProps.get(name);
      const wasRequired = b.required.has(name);
      const isRequired = h.required.has(name);
      if (before === undefined) {
        out.push({ path: [], fact: { subject: 'property-added', name, required: isRequired } });
      } else if (after === undefined) {
        out.push({ path: [], fact: { subject: 'property-removed', name, required: wasRequired, closed: h.additional === 'closed' } });
      } else {
        if (wasRequired !== isRequired) out.push({ path: [], fact: { subject: 'property-required', name, after: isRequired } });
        this.nest([name], this.diff(before, after, direction), out);
      }
    }
  }

  /** Properties that exist in this direction: readOnly ones are never sent, writeOnly ones never returned. */
  private visible(schema: NormSchema, normalizer: SchemaNormalizer, direction: SchemaDirection): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const [name, raw] of schema.properties) {
      const property = normalizer.normalize(raw);
      if (direction === 'request' && property.readOnly) continue;
      if (direction === 'response' && property.writeOnly) continue;
      out.set(name, raw);
    }
    return out;
  }

  private nest(prefix: readonly string[], changes: readonly SchemaChange[], out: SchemaChange[]): void {
    for (const change of changes) out.push(prefix.length === 0 ? change : { ...change, path: [...prefix, ...change.path] });
  }
}

/**
 * What decides the normalized schema of `raw` on its side, as a memo key, or null when it is not worth
 * memoizing (no component involved). A bare `$ref` is decided by the component name alone. A `$ref`
 * with siblings (`nullable`, `deprecated`, a `description` override) or a collapsed
 * `oneOf: [{$ref}, {type: 'null'}]` normalizes to something else than the bare component although it
 * keeps the component's name, so its key is its whole text: keying it by name alone would let it share
 * (and poison) the bare component's entry, and which one was compared first would decide the report.
 */
function memoKey(raw: Json | undefined, schema: NormSchema, includeDocs: boolean): string | null {
  if (schema.ref === null) return null;
  return isBareRef(raw, includeDocs) ? `#${schema.ref}` : canonicalJson(raw);
}

/** `{$ref}` alone (documentation siblings do not count unless documentation is compared). */
function isBareRef(raw: Json | undefined, includeDocs: boolean): boolean {
  const object = asObject(raw);
  return object !== undefined && typeof object.$ref === 'string' && Object.keys(object).every((k) => k === '$ref' || (!includeDocs && DOC_KEYWORDS.has(k)));
}

/** An `items` that constrains nothing (`{}`, `true`, docs only) is the same as no `items`. */
function constrainsItems(items: Json | undefined): boolean {
  if (items === undefined || items === true) return false;
  const object = asObject(items);
  return object === undefined || Object.keys(object).some((k) => !DOC_KEYWORDS.has(k));
}

function mayBeArray(schema: NormSchema): boolean {
  return schema.types === null || schema.types.has('array');
}

function itemsLabel(schema: NormSchema): string {
  return schema.ref ?? (schema.types === null ? 'any' : [...schema.types].sort().join(' | '));
}

/** What a discriminator change does to senders and readers: a property renamed, a mapping value renamed or re-pointed. */
function discriminatorChanges(b: Discriminator, h: Discriminator): string[] {
  if (b.propertyName !== h.propertyName) return [`property \`${b.propertyName}\` renamed to \`${h.propertyName}\``];
  const out: string[] = [];
  for (const [value, before] of [...b.byValue].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const after = h.byValue.get(value);
    if (after === before) continue;
    if (after !== undefined) out.push(`value \`${value}\` now selects \`${after}\` instead of \`${before}\``);
    else {
      const renamed = h.byRef.get(before);
      if (renamed !== undefined) out.push(`value \`${value}\` of \`${before}\` renamed to \`${renamed}\``);
    }
  }
  return out;
}

function sortedTypes(types: ReadonlySet<string> | null): readonly string[] | null {
  return types === null ? null : [...types].sort();
}

function sameTypes(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((t) => b.has(t));
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
