/**
 * Facts about a schema that the emitters need without printing its type: whether it is an object,
 * which top-level fields it has, whether any are required, and a small example value for docs.
 * Composition (`allOf`, `oneOf`, `anyOf`) and both nullable forms (3.0 `nullable`, 3.1 `type: [.., null]`)
 * are looked through; recursion is cut by a visited set.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { arr, isNode, str, type Node } from '../json.js';
import { type RefResolver } from '../ref.js';

export interface SchemaFacts {
  readonly isObject: boolean;
  readonly fieldNames: readonly string[];
  readonly hasRequiredFields: boolean;
}

function typesOf(schema: Node): string[] {
  const t = schema['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export function schemaFacts(schema: unknown, resolver: RefResolver): SchemaFacts {
  const fields = new Set<string>();
  let required = false;
  const memo = new Map<Node, boolean>();

  // Returns whether `value` is object-shaped; collects its fields on the way.
  const visit = (value: unknown, depth: number): boolean => {
    const node = resolver.deref(value);
    if (!node) return false;
    const known = memo.get(node);
    if (known !== undefined) return known;
    // A schema reached again while being visited is recursive: it is an object (only objects can recurse by field).
    if (depth > 16) return true;
    memo.set(node, true);
    const types = typesOf(node).filter((t) => t !== 'null');
    if (types.length > 0 && !types.includes('object')) {
      memo.set(node, false);
      return false;
    }
    const props = node['properties'];
    if (isNode(props)) for (const key of Object.keys(props)) fields.add(key);
    if (arr(node, 'required').length > 0) required = true;
    let isObject = types.includes('object') || isNode(props) || node['additionalProperties'] !== undefined;
    const allOf = arr(node, 'allOf');
    if (allOf.length > 0) isObject = allOf.map((part) => visit(part, depth + 1)).some(Boolean) || isObject;
    for (const key of ['oneOf', 'anyOf'] as const) {
      const parts = arr(node, key);
      if (parts.length === 0) continue;
      const before = required;
      const every = parts.map((part) => visit(part, depth + 1)).every(Boolean);
      // A union only forces fields on the caller when every branch does; stay permissive.
      required = before;
      isObject = isObject || every;
    }
    memo.set(node, isObject);
    return isObject;
  };

  const isObject = visit(schema, 0);
  return { isObject, fieldNames: [...fields].sort(), hasRequiredFields: required };
}

/** A short example value: the schema's own example, its first enum value, or a typed placeholder. */
export function exampleValue(schema: unknown, resolver: RefResolver, name: string, depth = 0): unknown {
  const node = resolver.deref(schema);
  if (!node || depth > 3) return {};
  if (node['example'] !== undefined) return node['example'];
  const examples = node['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if (node['const'] !== undefined) return node['const'];
  const enumValues = arr(node, 'enum').filter((v) => v !== null);
  if (enumValues.length > 0) return enumValues[0];
  if (node['default'] !== undefined && node['default'] !== null) return node['default'];
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = arr(node, key);
    if (parts.length > 0 && key !== 'allOf') return exampleValue(parts[0], resolver, name, depth + 1);
    if (parts.length > 0) return requiredExample(node, resolver, depth);
  }
  const types = typesOf(node).filter((t) => t !== 'null');
  switch (types[0]) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return requiredExample(node, resolver, depth);
    case 'string':
      return str(node, 'format') === 'binary' ? { $file: name } : name;
    default:
      return isNode(node['properties']) ? requiredExample(node, resolver, depth) : name;
  }
}

/** An object with only the required fields filled in (including those required through `allOf`). */
export function requiredExample(schema: unknown, resolver: RefResolver, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const node = resolver.deref(schema);
  if (!node || depth > 3) return out;
  for (const part of arr(node, 'allOf')) Object.assign(out, requiredExample(part, resolver, depth + 1));
  const props = isNode(node['properties']) ? node['properties'] : {};
  for (const key of arr(node, 'required')) {
    if (typeof key !== 'string') continue;
    out[key] = exampleValue(props[key], resolver, key, depth + 1);
  }
  return out;
}
