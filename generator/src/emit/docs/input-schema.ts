/**
 * A trimmed JSON Schema for one method's input, for the MCP server's endpoint tools: path params and
 * the params object's fields as one object, `$ref`s inlined (to a bounded depth; deeper ones become an
 * untyped object named in its description), descriptions cut to one sentence, examples and vendor
 * extensions dropped. Small enough that a client can list 80 tools without a megabyte of schema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core
 */
import { arr, componentKey, isNode, obj, str, type Node, type RefResolver } from '../../ir/walk.js';

const MAX_DEPTH = 3;
const KEEP = ['type', 'enum', 'const', 'format', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'nullable'];

export function shortDescription(text: string | undefined, max = 120): string | undefined {
  if (!text) return undefined;
  const flat = text.trim().replace(/\s+/g, ' ');
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

export class SchemaTrimmer {
  constructor(private readonly resolver: RefResolver) {}

  trim(schema: unknown, depth = 0, seen: ReadonlySet<string> = new Set()): Node {
    if (!isNode(schema)) return {};
    const ref = str(schema, '$ref');
    if (ref) {
      const name = componentKey(ref, 'schemas') ?? ref;
      if (depth >= MAX_DEPTH || seen.has(name)) {
        return { type: 'object', description: `${name} (see describe_endpoint or search_docs)` };
      }
      const trimmed = this.trim(this.resolver.deref(schema), depth, new Set(seen).add(name));
      const own = depth <= 1 ? shortDescription(str(schema, 'description')) : undefined;
      return own ? { ...trimmed, description: own } : trimmed;
    }
    const out: Node = {};
    for (const key of KEEP) if (schema[key] !== undefined) out[key] = schema[key];
    // Descriptions only near the top: deeper fields are named by their keys, and describe_endpoint or
    // search_docs give the full text; this keeps the 80-tool list small.
    const description = depth <= 1 ? shortDescription(str(schema, 'description')) : undefined;
    if (description) out['description'] = description;
    const props = obj(schema, 'properties');
    if (props) {
      const trimmed: Node = {};
      for (const key of Object.keys(props)) trimmed[key] = this.trim(props[key], depth + 1, seen);
      out['properties'] = trimmed;
    }
    const required = arr(schema, 'required').filter((k): k is string => typeof k === 'string');
    if (required.length > 0) out['required'] = required;
    if (schema['items'] !== undefined) out['items'] = this.trim(schema['items'], depth + 1, seen);
    if (isNode(schema['additionalProperties'])) out['additionalProperties'] = this.trim(schema['additionalProperties'], depth + 1, seen);
    else if (typeof schema['additionalProperties'] === 'boolean') out['additionalProperties'] = schema['additionalProperties'];
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const parts = arr(schema, key);
      if (parts.length > 0) out[key] = parts.map((p) => this.trim(p, depth + 1, seen));
    }
    return out;
  }
}
