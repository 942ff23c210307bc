/**
 * The schemas as a language-neutral type tree, for emitters of languages other than TypeScript (the
 * TypeScript types come from openapi-typescript). Every JSON Schema quirk is resolved here, once:
 * both nullable forms (3.0 `nullable`, 3.1 `type: [.., null]`), `enum`/`const` as literals, `oneOf`/`anyOf`
 * as unions (with the discriminator's property name), `allOf` of objects merged, `additionalProperties`
 * as maps, `format: binary` as a file. Named component schemas stay references, so recursion is finite.
 * Also, per operation, the typed parameters, body fields and success response.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { mergedParameters } from './parameters.js';
import type { ApiModel } from './types.js';
import { arr, isNode, obj, str, type Node } from '../json.js';
import { componentKey, RefResolver } from '../ref.js';

export type Primitive = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'binary';
export type LiteralValue = string | number | boolean | null;

export type TypeNode =
  | { readonly kind: 'ref'; readonly key: string }
  | { readonly kind: 'primitive'; readonly type: Primitive }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'literal'; readonly values: readonly LiteralValue[] }
  | { readonly kind: 'array'; readonly items: TypeNode }
  | { readonly kind: 'map'; readonly values: TypeNode }
  | { readonly kind: 'object'; readonly fields: readonly FieldNode[]; readonly additional?: TypeNode }
  | { readonly kind: 'union'; readonly variants: readonly TypeNode[]; readonly discriminator?: string };

export interface FieldNode {
  /** Wire name. */
  readonly name: string;
  readonly required: boolean;
  readonly type: TypeNode;
  readonly description?: string;
  readonly deprecated: boolean;
}

export interface NamedType {
  readonly key: string;
  readonly node: TypeNode;
  readonly description?: string;
}

export interface TypedParam {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly type: TypeNode;
  readonly description?: string;
}

export interface OperationTypes {
  readonly params: readonly TypedParam[];
  /** The body's type; `bodyFields` lists its top-level fields when it is an object (refs followed). */
  readonly body?: TypeNode;
  readonly bodyFields?: readonly FieldNode[];
  readonly response?: TypeNode;
}

export interface TypeTree {
  /** Component schemas, sorted by key. */
  readonly schemas: readonly NamedType[];
  /** Keyed by operationId. */
  readonly operations: ReadonlyMap<string, OperationTypes>;
}

const MAX_DEPTH = 32;

function typesOf(node: Node): string[] {
  const t = node['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function isLiteral(v: unknown): v is LiteralValue {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function union(variants: TypeNode[], discriminator?: string): TypeNode {
  const flat: TypeNode[] = [];
  for (const v of variants) {
    if (v.kind === 'union' && !v.discriminator && !discriminator) flat.push(...v.variants);
    else flat.push(v);
  }
  if (flat.length === 1) return flat[0]!;
  return discriminator ? { kind: 'union', variants: flat, discriminator } : { kind: 'union', variants: flat };
}

class TreeBuilder {
  constructor(private readonly resolver: RefResolver) {}

  /** A schema (or `$ref`) to a type; component refs stay references. */
  type(schema: unknown, depth = 0): TypeNode {
    if (schema === true || schema === undefined) return { kind: 'unknown' };
    if (!isNode(schema) || depth > MAX_DEPTH) return { kind: 'unknown' };
    const ref = str(schema, '$ref');
    if (ref !== undefined) {
      const key = componentKey(ref, 'schemas');
      if (key !== undefined) return { kind: 'ref', key };
      return this.type(this.resolver.deref(schema), depth + 1);
    }
    const nullable = schema['nullable'] === true || typesOf(schema).includes('null');
    const inner = this.nonNull(schema, depth);
    if (!nullable || (inner.kind === 'primitive' && inner.type === 'null')) return inner;
    if (inner.kind === 'literal') return inner.values.includes(null) ? inner : { kind: 'literal', values: [...inner.values, null] };
    return union([inner, { kind: 'primitive', type: 'null' }]);
  }

  private nonNull(schema: Node, depth: number): TypeNode {
    if (schema['const'] !== undefined && isLiteral(schema['const'])) return { kind: 'literal', values: [schema['const']] };
    const enumValues = arr(schema, 'enum').filter(isLiteral);
    if (enumValues.length > 0) return { kind: 'literal', values: enumValues };
    for (const key of ['oneOf', 'anyOf'] as const) {
      const parts = arr(schema, key);
      if (parts.length === 0) continue;
      const disc = obj(schema, 'discriminator');
      // Sibling properties next to a oneOf are rare and ignored: the union is what the caller sends.
      return union(parts.map((p) => this.type(p, depth + 1)), disc ? str(disc, 'propertyName') : undefined);
    }
    const allOf = arr(schema, 'allOf');
    if (allOf.length > 0) return this.allOf(schema, allOf, depth);
    const types = typesOf(schema).filter((t) => t !== 'null');
    if (types.length > 1) return union(types.map((t) => this.nonNull({ ...schema, type: t }, depth)));
    switch (types[0]) {
      case 'string':
        return { kind: 'primitive', type: str(schema, 'format') === 'binary' ? 'binary' : 'string' };
      case 'integer':
        return { kind: 'primitive', type: 'integer' };
      case 'number':
        return { kind: 'primitive', type: 'number' };
      case 'boolean':
        return { kind: 'primitive', type: 'boolean' };
      case 'array':
        return { kind: 'array', items: this.type(schema['items'], depth + 1) };
      case 'null':
        return { kind: 'primitive', type: 'null' };
      default: {
        if (types[0] !== 'object' && !isNode(schema['properties']) && schema['additionalProperties'] === undefined) {
          return types.length === 0 && typesOf(schema).includes('null') ? { kind: 'primitive', type: 'null' } : { kind: 'unknown' };
        }
        return this.objectOf(schema, depth) ?? { kind: 'unknown' };
      }
    }
  }

  private objectOf(schema: Node, depth: number): Extract<TypeNode, { kind: 'object' | 'map' }> | undefined {
    const props = obj(schema, 'properties');
    const extra = schema['additionalProperties'];
    const required = new Set(arr(schema, 'required').filter((x): x is string => typeof x === 'string'));
    const fields: FieldNode[] = [];
    for (const name of Object.keys(props ?? {}).sort()) {
      const prop = props![name];
      const node = this.resolver.deref(prop);
      const description = (isNode(prop) ? str(prop, 'description') : undefined) ?? (node ? str(node, 'description') : undefined);
      fields.push({
        name,
        required: required.has(name),
        type: this.type(prop, depth + 1),
        ...(description ? { description } : {}),
        deprecated: node?.['deprecated'] === true,
      });
    }
    if (fields.length === 0 && (extra === undefined || extra === false)) {
      return props || typesOf(schema).includes('object') ? { kind: 'map', values: { kind: 'unknown' } } : undefined;
    }
    if (fields.length === 0) return { kind: 'map', values: extra === true ? { kind: 'unknown' } : this.type(extra, depth + 1) };
    const additional = isNode(extra) ? this.type(extra, depth + 1) : undefined;
    return additional ? { kind: 'object', fields, additional } : { kind: 'object', fields };
  }

  /** `allOf`: object parts (refs followed) merged into one object; anything else is left as the first part. */
  private allOf(schema: Node, parts: unknown[], depth: number): TypeNode {
    const byName = new Map<string, FieldNode>();
    const own = this.objectOf({ ...schema, allOf: undefined }, depth);
    for (const part of parts) {
      const node = this.resolver.deref(part);
      const t = node ? this.nonNull(node, depth + 1) : ({ kind: 'unknown' } as TypeNode);
      if (t.kind !== 'object') return parts.length === 1 ? this.type(parts[0], depth + 1) : t;
      for (const f of t.fields) byName.set(f.name, { ...f, required: f.required || (byName.get(f.name)?.required ?? false) });
    }
    if (own?.kind === 'object') for (const f of own.fields) byName.set(f.name, f);
    const required = new Set(arr(schema, 'required'));
    const fields = [...byName.values()].map((f) => (required.has(f.name) ? { ...f, required: true } : f));
    return { kind: 'object', fields: fields.sort((a, b) => (a.name < b.name ? -1 : 1)) };
  }

}

function jsonMedia(content: Node | undefined): Node | undefined {
  if (!content) return undefined;
  const keys = Object.keys(content).sort();
  const key = keys.find((k) => k === 'application/json' || k.endsWith('+json')) ?? keys.find((k) => k === 'multipart/form-data') ?? keys[0];
  return key ? obj(content, key) : undefined;
}

/** Builds the type tree for the component schemas and for every operation of `model`. */
export function buildTypeTree(doc: Node, model: ApiModel, file = 'openapi'): TypeTree {
  const resolver = new RefResolver(doc, file);
  const b = new TreeBuilder(resolver);
  const components = obj(obj(doc, 'components') ?? {}, 'schemas') ?? {};
  const schemas: NamedType[] = Object.keys(components)
    .sort()
    .map((key) => {
      const node = resolver.deref(components[key]);
      const description = node ? str(node, 'description') : undefined;
      return { key, node: b.type(components[key]), ...(description ? { description } : {}) };
    });

  const byKey = new Map(schemas.map((s) => [s.key, s.node]));
  const operations = new Map<string, OperationTypes>();
  const paths = obj(doc, 'paths') ?? {};
  for (const op of model.operations) {
    const pathItem = resolver.deref(paths[op.path]);
    const raw = pathItem ? resolver.deref(pathItem[op.method.toLowerCase()]) : undefined;
    if (!pathItem || !raw) continue;
    const params = new Map<string, TypedParam>();
    for (const [key, p] of mergedParameters(pathItem, raw, resolver)) {
      const where = str(p, 'in');
      const name = str(p, 'name');
      if (!name || (where !== 'path' && where !== 'query' && where !== 'header')) continue;
      const description = str(p, 'description');
      params.set(key, {
        name,
        in: where,
        required: p['required'] === true || where === 'path',
        type: b.type(p['schema']),
        ...(description ? { description } : {}),
      });
    }
    const bodyNode = resolver.deref(raw['requestBody']);
    const bodySchema = bodyNode ? jsonMedia(obj(bodyNode, 'content'))?.['schema'] : undefined;
    const body = bodySchema !== undefined ? b.type(bodySchema) : undefined;
    const bodyFields = body ? fieldsOf(body, byKey) : undefined;
    let response: TypeNode | undefined;
    if (op.success && op.success.kind !== 'empty') {
      const resp = resolver.deref(obj(raw, 'responses')?.[op.success.status]);
      const schema = resp ? jsonMedia(obj(resp, 'content'))?.['schema'] : undefined;
      response = op.success.kind === 'json' ? b.type(schema) : { kind: 'primitive', type: op.success.kind === 'binary' ? 'binary' : 'string' };
    }
    operations.set(op.operationId, {
      params: [...params.values()],
      ...(body ? { body } : {}),
      ...(bodyFields ? { bodyFields } : {}),
      ...(response ? { response } : {}),
    });
  }
  return { schemas, operations };
}

/** Fields of an object type, through references to the component nodes already built (shared, not copied). */
function fieldsOf(type: TypeNode, byKey: ReadonlyMap<string, TypeNode>): readonly FieldNode[] | undefined {
  let current: TypeNode | undefined = type;
  for (let i = 0; i < MAX_DEPTH && current?.kind === 'ref'; i++) current = byKey.get(current.key);
  return current?.kind === 'object' ? current.fields : undefined;
}

const schemaIndex = new WeakMap<TypeTree, Map<string, TypeNode>>();

/** Follows references to the component's type (the tree keeps refs, so recursion stays finite). */
export function resolveRef(tree: TypeTree, node: TypeNode): TypeNode {
  let index = schemaIndex.get(tree);
  if (!index) schemaIndex.set(tree, (index = new Map(tree.schemas.map((s) => [s.key, s.node]))));
  let current = node;
  for (let i = 0; i < MAX_DEPTH && current.kind === 'ref'; i++) current = index.get(current.key) ?? { kind: 'unknown' };
  return current;
}
