/**
 * Schema → documented fields: one flat, ordered list of `{ path, type, required, enum, default,
 * description }` per schema, nested objects included (`response_engine.llm_id`). Composition is looked
 * through: `allOf` parts are merged, `oneOf`/`anyOf` variants contribute their fields as optional with
 * the variant noted. Depth and count are bounded so a recursive or very wide schema stays readable.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { arr, isNode, str, type Node, type RefResolver } from '../../ir/walk.js';
import { componentKey } from '../../ir/walk.js';
import type { DocField } from '../../core.js';

const MAX_DEPTH = 2;
const MAX_FIELDS = 100;
const MAX_ENUM = 40;

function typesOf(node: Node): string[] {
  const t = node['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A short description: the first paragraph, bounded. */
export function shortText(text: string | undefined, max = 400): string | undefined {
  if (!text) return undefined;
  const first = text.trim().split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ');
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

export class FieldWalker {
  constructor(private readonly resolver: RefResolver) {}

  /** The TypeScript-like type of a schema, e.g. `string`, `'a' | 'b'`, `AgentResponse[]`, `number | null`. */
  typeOf(schema: unknown, depth = 0): string {
    if (!isNode(schema) || depth > 4) return 'unknown';
    const ref = str(schema, '$ref');
    if (ref) {
      const key = componentKey(ref, 'schemas');
      if (key) return key;
      return this.typeOf(this.resolver.deref(schema), depth + 1);
    }
    if (schema['const'] !== undefined) return JSON.stringify(schema['const']);
    const enumValues = arr(schema, 'enum');
    if (enumValues.length > 0) {
      const shown = enumValues.slice(0, 8).map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v)));
      return shown.join(' | ') + (enumValues.length > 8 ? ' | …' : '');
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const parts = arr(schema, key);
      if (parts.length > 0) return [...new Set(parts.map((p) => this.typeOf(p, depth + 1)))].join(' | ');
    }
    const allOf = arr(schema, 'allOf');
    if (allOf.length === 1) return this.typeOf(allOf[0], depth + 1);
    if (allOf.length > 1) return 'object';
    const types = typesOf(schema);
    const nullable = types.includes('null') || schema['nullable'] === true;
    const base = types.filter((t) => t !== 'null').map((t) => {
      if (t === 'integer') return 'number';
      if (t === 'array') return `${this.wrapArray(this.typeOf(schema['items'], depth + 1))}[]`;
      if (t === 'string' && str(schema, 'format') === 'binary') return 'Uploadable';
      if (t === 'object' && isNode(schema['additionalProperties']) && !isNode(schema['properties'])) {
        return `Record<string, ${this.typeOf(schema['additionalProperties'], depth + 1)}>`;
      }
      return t;
    });
    const out = base.length > 0 ? base.join(' | ') : isNode(schema['properties']) ? 'object' : 'unknown';
    return nullable ? `${out} | null` : out;
  }

  private wrapArray(t: string): string {
    return t.includes(' | ') ? `(${t})` : t;
  }

  /** Every field of an object schema, nested ones after their parent, depth-first in declaration order. */
  fields(schema: unknown, prefix = '', depth = 0, maxDepth = MAX_DEPTH, seen: ReadonlySet<Node> = new Set(), out: DocField[] = []): DocField[] {
    const node = this.resolver.deref(schema);
    if (!node || depth > maxDepth || seen.has(node)) return out;
    const within = new Set(seen).add(node);
    const { props, required, variants } = this.collect(node);
    // Required fields first (the canonical document sorts keys, which buries them), then the rest.
    const ordered = [...props].sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)));
    for (const [name, prop] of ordered) {
      if (out.length >= MAX_FIELDS) return out;
      const target = this.resolver.deref(prop) ?? {};
      const path = prefix ? `${prefix}.${name}` : name;
      const enumValues = this.enumOf(target);
      // A description beside a `$ref` (3.1) says what the field means here; the target's says what the type is.
      const description = shortText((isNode(prop) ? str(prop, 'description') : undefined) ?? str(target, 'description'));
      const field: DocField = {
        path,
        type: this.typeOf(prop),
        required: required.has(name),
        ...(enumValues ? { enum: enumValues } : {}),
        ...(target['default'] !== undefined ? { default: target['default'] } : {}),
        ...(description ? { description } : {}),
        ...(variants.get(name) ? { variant: variants.get(name)! } : {}),
        ...(target['deprecated'] === true ? { deprecated: true } : {}),
      };
      out.push(field);
      const child = this.objectTarget(target);
      if (child) this.fields(child, path, depth + 1, maxDepth, within, out);
    }
    return out;
  }

  /** The object (or array-of-object) schema below a field, to descend into. */
  private objectTarget(node: Node): Node | undefined {
    const types = typesOf(node);
    if (types.includes('array')) {
      const items = this.resolver.deref(node['items']);
      return items && this.hasProperties(items) ? items : undefined;
    }
    return this.hasProperties(node) ? node : undefined;
  }

  private hasProperties(node: Node): boolean {
    if (isNode(node['properties'])) return true;
    return ['allOf', 'oneOf', 'anyOf'].some((k) => arr(node, k).some((p) => {
      const d = this.resolver.deref(p);
      return d !== undefined && isNode(d['properties']);
    }));
  }

  private enumOf(node: Node): string[] | undefined {
    let values = arr(node, 'enum');
    if (values.length === 0) {
      // `anyOf: [{ enum }, { type: null }]` and similar: the enum of the non-null branch.
      for (const key of ['anyOf', 'oneOf'] as const) {
        for (const part of arr(node, key)) {
          const d = this.resolver.deref(part);
          if (d && arr(d, 'enum').length > 0) values = arr(d, 'enum');
        }
      }
    }
    const shown = values.filter((v) => v !== null).slice(0, MAX_ENUM).map((v) => String(v));
    return shown.length > 0 ? shown : undefined;
  }

  /** Properties of an object schema through `allOf`, and of each `oneOf`/`anyOf` variant (as optional). */
  private collect(node: Node, depth = 0): { props: Map<string, unknown>; required: Set<string>; variants: Map<string, string> } {
    const props = new Map<string, unknown>();
    const required = new Set<string>();
    const variants = new Map<string, string>();
    if (depth > 6) return { props, required, variants };
    for (const part of arr(node, 'allOf')) {
      const d = this.resolver.deref(part);
      if (!d) continue;
      const inner = this.collect(d, depth + 1);
      for (const [k, v] of inner.props) props.set(k, v);
      for (const k of inner.required) required.add(k);
      for (const [k, v] of inner.variants) variants.set(k, v);
    }
    const own = isNode(node['properties']) ? node['properties'] : {};
    for (const [k, v] of Object.entries(own)) props.set(k, v);
    for (const k of arr(node, 'required')) if (typeof k === 'string') required.add(k);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const parts = arr(node, key);
      for (const part of parts) {
        const d = this.resolver.deref(part);
        if (!d || !this.hasProperties(d)) continue;
        const name = isNode(part) && typeof part['$ref'] === 'string' ? componentKey(part['$ref'], 'schemas') : undefined;
        const inner = this.collect(d, depth + 1);
        for (const [k, v] of inner.props) {
          if (props.has(k) && !variants.has(k)) continue;
          if (!props.has(k)) props.set(k, v);
          if (name) variants.set(k, variants.has(k) ? `${variants.get(k)!}, ${name}` : name);
        }
      }
    }
    return { props, required, variants };
  }
}
