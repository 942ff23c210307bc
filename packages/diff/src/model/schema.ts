/**
 * Normalized view of one Schema Object (OpenAPI 3.0 and 3.1, https://spec.openapis.org/oas/v3.1.0#schema-object).
 *
 * Both sides are normalized the same way before they are compared, so spelling differences do not show
 * up as changes: 3.0 `nullable: true`, a 3.1 `type: [x, 'null']`, an `enum` containing null and a
 * `oneOf: [X, {type: 'null'}]` all become `nullable`; `allOf` is merged into one schema so that moving a
 * property between members is not a change; `const` becomes a one-value enum; `$ref` siblings are merged.
 */
import type { AdditionalPropertiesMode, BoundKeyword } from '../types.js';
import { asArray, asNumber, asObject, asString, canonicalJson, isObject, type Json, type JsonObject } from '@retell-kit/openapi-core';
import type { RefResolver } from '@retell-kit/openapi-core';

export interface NormSchema {
  /** Component name when the schema was reached through `#/components/schemas/<name>`. */
  readonly ref: string | null;
  /** Allowed JSON types without `null`; `null` means unconstrained. */
  readonly types: ReadonlySet<string> | null;
  readonly nullable: boolean;
  /** Canonical JSON of each allowed value, sorted; null when there is no enum. */
  readonly enumValues: readonly string[] | null;
  readonly properties: ReadonlyMap<string, Json>;
  readonly required: ReadonlySet<string>;
  readonly items: Json | undefined;
  readonly additional: AdditionalPropertiesMode;
  readonly additionalSchema: Json | undefined;
  /** Raw `oneOf`/`anyOf` branches (not yet flattened), or null when the schema is not a union. */
  readonly union: readonly Json[] | null;
  readonly discriminator: Discriminator | null;
  readonly bounds: Readonly<Partial<Record<BoundKeyword, number>>>;
  readonly pattern: string | undefined;
  readonly format: string | undefined;
  readonly defaultValue: string | undefined;
  readonly deprecated: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  /** Documentation, compared only with `--include-docs`. `example` is canonical JSON of `example`/`examples`. */
  readonly description: string | undefined;
  readonly example: string | undefined;
}

export interface Discriminator {
  readonly propertyName: string;
  /** Mapping value (ref) → discriminator value; refs are reduced to component names. */
  readonly byRef: ReadonlyMap<string, string>;
  /** Mapping value → component name, as written. */
  readonly byValue: ReadonlyMap<string, string>;
}

/** Keywords that only document a schema; they never make two schemas different. */
const DOC_KEYWORDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', '$comment']);
const BOUND_KEYWORDS: readonly BoundKeyword[] = ['maxLength', 'minLength', 'maximum', 'minimum', 'maxItems', 'minItems'];
const MAX_DEPTH = 64;

const ANY: NormSchema = {
  ref: null,
  types: null,
  nullable: false,
  enumValues: null,
  properties: new Map(),
  required: new Set(),
  items: undefined,
  additional: 'open',
  additionalSchema: undefined,
  union: null,
  discriminator: null,
  bounds: {},
  pattern: undefined,
  format: undefined,
  defaultValue: undefined,
  deprecated: false,
  readOnly: false,
  writeOnly: false,
  description: undefined,
  example: undefined,
};

/** Caches normalization per raw node; one instance per side. */
export class SchemaNormalizer {
  private readonly cache = new WeakMap<JsonObject, NormSchema>();

  constructor(readonly resolver: RefResolver) {}

  normalize(raw: Json | undefined, depth = 0): NormSchema {
    const object = asObject(raw);
    if (object === undefined) return raw === false ? { ...ANY, types: new Set() } : ANY;
    const cached = this.cache.get(object);
    if (cached !== undefined) return cached;
    // Guard against allOf/$ref cycles (A allOf [B], B allOf [A]): past the limit a node counts as "any".
    if (depth > MAX_DEPTH) return ANY;
    const result = this.compute(object, depth);
    this.cache.set(object, result);
    return result;
  }

  private compute(object: JsonObject, depth: number): NormSchema {
    if (typeof object.$ref === 'string') {
      const { node, schemaRef } = this.resolver.resolve(object);
      const target = node === undefined ? ANY : this.normalize(node, depth + 1);
      const siblings = Object.keys(object).filter((k) => k !== '$ref' && !DOC_KEYWORDS.has(k));
      // 3.1 lets a $ref carry its own description/summary, which override the target's.
      const docs = { description: asString(object.description) ?? target.description, example: exampleOf(object) ?? target.example };
      if (siblings.length === 0) return { ...target, ...docs, ref: schemaRef ?? target.ref };
      const own = this.own(Object.fromEntries(siblings.map((k) => [k, object[k] as Json])));
      return { ...merge(target, own), ...docs, ref: schemaRef ?? target.ref };
    }
    let result = this.own(object);
    for (const member of asArray(object.allOf)) result = merge(result, this.normalize(member, depth + 1));
    return this.collapseNullUnion(result, depth);
  }

  /** The node's own keywords, ignoring allOf. */
  private own(object: JsonObject): NormSchema {
    const rawTypes = Array.isArray(object.type) ? asArray(object.type) : object.type === undefined ? null : [object.type];
    let nullable = object.nullable === true;
    let types: Set<string> | null = null;
    if (rawTypes !== null) {
      types = new Set();
      for (const t of rawTypes) {
        if (t === 'null') nullable = true;
        else if (typeof t === 'string') types.add(t);
      }
    }
    let enumValues: string[] | null = null;
    const rawEnum = object.const !== undefined ? [object.const] : Array.isArray(object.enum) ? asArray(object.enum) : null;
    if (rawEnum !== null) {
      enumValues = [];
      for (const value of rawEnum) {
        if (value === null) nullable = true;
        else enumValues.push(canonicalJson(value));
      }
      enumValues.sort();
    }
    const properties = new Map<string, Json>();
    const rawProperties = asObject(object.properties);
    if (rawProperties !== undefined) for (const key of Object.keys(rawProperties)) properties.set(key, rawProperties[key] as Json);
    const required = new Set(asArray(object.required).filter((r): r is string => typeof r === 'string'));

    let additional: AdditionalPropertiesMode = 'open';
    let additionalSchema: Json | undefined;
    if (object.additionalProperties === false) additional = 'closed';
    else if (isObject(object.additionalProperties) && Object.keys(object.additionalProperties).length > 0) {
      additional = 'schema';
      additionalSchema = object.additionalProperties;
    }

    const bounds: Partial<Record<BoundKeyword, number>> = {};
    for (const keyword of BOUND_KEYWORDS) {
      const value = asNumber(object[keyword]);
      if (value !== undefined) bounds[keyword] = value;
    }
    // 3.1 numeric exclusive bounds stand in for a missing inclusive one (3.0 booleans only qualify them).
    const exclusiveMaximum = asNumber(object.exclusiveMaximum);
    const exclusiveMinimum = asNumber(object.exclusiveMinimum);
    if (bounds.maximum === undefined && exclusiveMaximum !== undefined) bounds.maximum = exclusiveMaximum;
    if (bounds.minimum === undefined && exclusiveMinimum !== undefined) bounds.minimum = exclusiveMinimum;

    const unionRaw = Array.isArray(object.oneOf) ? asArray(object.oneOf) : Array.isArray(object.anyOf) ? asArray(object.anyOf) : null;
    const items = object.items === undefined ? undefined : object.items;

    // A schema that constrains by shape but names no type still has one; infer it so that adding
    // `type: object` next to existing `properties` is not reported as a narrowing.
    if (types === null && unionRaw === null) {
      if (properties.size > 0 || additional !== 'open') types = new Set(['object']);
      else if (items !== undefined) types = new Set(['array']);
      else if (enumValues !== null && enumValues.length > 0) types = new Set(enumValues.map(jsonTypeOf));
    }
    return {
      ref: null,
      types,
      nullable,
      enumValues,
      properties,
      required,
      items,
      additional,
      additionalSchema,
      union: unionRaw,
      discriminator: readDiscriminator(object.discriminator),
      bounds,
      pattern: asString(object.pattern),
      format: asString(object.format),
      defaultValue: object.default === undefined ? undefined : canonicalJson(object.default),
      deprecated: object.deprecated === true,
      readOnly: object.readOnly === true,
      writeOnly: object.writeOnly === true,
      description: asString(object.description),
      example: exampleOf(object),
    };
  }

  /** `oneOf: [X, {type: 'null'}]` is the 3.1 spelling of a nullable X: fold it into X. */
  private collapseNullUnion(schema: NormSchema, depth: number): NormSchema {
    if (schema.union === null) return schema;
    const rest = schema.union.filter((branch) => !isNullOnly(branch));
    if (rest.length === schema.union.length) return schema;
    if (rest.length !== 1) return { ...schema, union: rest, nullable: true };
    const branch = this.normalize(rest[0], depth + 1);
    return { ...merge({ ...schema, union: null }, branch), ref: branch.ref, nullable: true };
  }
}

function exampleOf(object: JsonObject): string | undefined {
  const value = object.example !== undefined ? object.example : object.examples;
  return value === undefined ? undefined : canonicalJson(value);
}

function isNullOnly(branch: Json): boolean {
  const object = asObject(branch);
  if (object === undefined) return false;
  const type = object.type;
  const onlyNull = type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  return onlyNull && Object.keys(object).every((k) => k === 'type' || DOC_KEYWORDS.has(k));
}

function jsonTypeOf(canonical: string): string {
  const value: unknown = JSON.parse(canonical);
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function readDiscriminator(raw: Json | undefined): Discriminator | null {
  const object = asObject(raw);
  const propertyName = asString(object?.propertyName);
  if (object === undefined || propertyName === undefined) return null;
  const byRef = new Map<string, string>();
  const byValue = new Map<string, string>();
  const mapping = asObject(object.mapping);
  if (mapping !== undefined) {
    // Sorted, first value wins: two values mapped to one component must not depend on key order.
    for (const value of Object.keys(mapping).sort()) {
      const target = asString(mapping[value]);
      if (target === undefined) continue;
      const name = target.slice(target.lastIndexOf('/') + 1);
      if (!byRef.has(name)) byRef.set(name, value);
      byValue.set(value, name);
    }
  }
  return { propertyName, byRef, byValue };
}

/** Intersects two schemas (the meaning of allOf). Conflicting property schemas become an allOf pair. */
export function merge(a: NormSchema, b: NormSchema): NormSchema {
  const properties = new Map(a.properties);
  for (const [name, schema] of b.properties) {
    const existing = properties.get(name);
    properties.set(name, existing === undefined ? schema : { allOf: [existing, schema] });
  }
  const bounds: Partial<Record<BoundKeyword, number>> = { ...a.bounds };
  for (const keyword of BOUND_KEYWORDS) {
    const value = b.bounds[keyword];
    if (value === undefined) continue;
    const current = bounds[keyword];
    const tighter = keyword.startsWith('max') ? Math.min : Math.max;
    bounds[keyword] = current === undefined ? value : tighter(current, value);
  }
  return {
    ref: a.ref,
    types: intersectTypes(a.types, b.types),
    nullable: a.nullable || b.nullable,
    enumValues: a.enumValues === null ? b.enumValues : b.enumValues === null ? a.enumValues : a.enumValues.filter((v) => b.enumValues?.includes(v)),
    properties,
    required: new Set([...a.required, ...b.required]),
    items: a.items === undefined ? b.items : b.items === undefined ? a.items : { allOf: [a.items, b.items] },
    additional: restrictive(a.additional, b.additional),
    additionalSchema: a.additionalSchema ?? b.additionalSchema,
    union: a.union ?? b.union,
    discriminator: a.discriminator ?? b.discriminator,
    bounds,
    pattern: a.pattern ?? b.pattern,
    format: a.format ?? b.format,
    defaultValue: a.defaultValue ?? b.defaultValue,
    deprecated: a.deprecated || b.deprecated,
    readOnly: a.readOnly || b.readOnly,
    writeOnly: a.writeOnly || b.writeOnly,
    description: a.description ?? b.description,
    example: a.example ?? b.example,
  };
}

function intersectTypes(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Set<string>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

function restrictive(a: AdditionalPropertiesMode, b: AdditionalPropertiesMode): AdditionalPropertiesMode {
  if (a === 'closed' || b === 'closed') return 'closed';
  if (a === 'schema' || b === 'schema') return 'schema';
  return 'open';
}
