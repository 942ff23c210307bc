/**
 * Multipart bodies: how a form's fields are named on the wire, and the view of the form the rest of the
 * generator reads.
 *
 * The wire convention is decided once (docs/architecture.md#multipart-bodies): arrays are sent as one part
 * per item named `name[]`, object fields as `name[key]`, composed as deep as the value goes
 * (`knowledge_base_texts[][title]`). Retell reads forms that way, retell-sdk and our runtime's
 * `encodeMultipart` write them that way, and our mock decodes them that way.
 *
 * A `multipart/form-data` media type states it with two schemas:
 * - `schema`: the parts as sent, one property per part name (`files[]`), with `encoding` saying each array
 *   is exploded into one part per item. This is what a standard validator (Prism) checks a request with.
 * - `x-multipart-body.schema` (a `#/components/schemas/<name>` pointer) and `.examples`: the body as a
 *   caller writes it (`files: File[]`), which the types, the functions, the facade and the mock's validator
 *   are generated from.
 *
 * `multipartView` checks that the part names are exactly the bracket expansion of the body's fields (so the
 * two cannot drift apart) and returns the document with each such media type's `schema` and `examples`
 * replaced by the caller's view. Media types without the extension are left as they are.
 */
import { SpecError } from '../errors.js';
import { canonicalize } from '../json.js';
import { isNode, type Node } from '../json.js';
import { RefResolver } from '../ref.js';

export const MULTIPART_EXTENSION = 'x-multipart-body';

/** Deepest field nesting expanded into part names; a deeper (or recursive) body schema is a spec error. */
const MAX_DEPTH = 8;

/**
 * Part names of a body schema under the bracket convention, e.g. `{ files: string[] }` → `files[]`,
 * `{ texts: { title, text }[] }` → `texts[][title]`, `texts[][text]`.
 */
export function formPartNames(schema: unknown, resolver: RefResolver): string[] {
  const body = resolver.deref(schema);
  const names: string[] = [];
  for (const [field, fieldSchema] of Object.entries(properties(body, resolver))) expand(field, fieldSchema, 0);
  return names.sort();

  function expand(name: string, value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw new Error(`field ${name} nests deeper than ${MAX_DEPTH} levels`);
    const node = resolver.deref(value);
    if (node && (node['type'] === 'array' || 'items' in node)) return expand(`${name}[]`, node['items'], depth + 1);
    const fields = properties(node, resolver);
    if (node && Object.keys(fields).length > 0) {
      for (const [key, item] of Object.entries(fields)) expand(`${name}[${key}]`, item, depth + 1);
      return;
    }
    names.push(name);
  }
}

/** Own properties of an object schema, `allOf` members merged. */
function properties(schema: Node | undefined, resolver: RefResolver): Record<string, unknown> {
  if (!schema) return {};
  const own = isNode(schema['properties']) ? schema['properties'] : {};
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'].map((s) => properties(resolver.deref(s), resolver)) : [];
  return Object.assign({}, ...parts, own) as Record<string, unknown>;
}

/** The document with every `x-multipart-body` media type seen as its callers write it (see above). */
export function multipartView(document: Record<string, unknown>, file: string): Record<string, unknown> {
  const resolver = new RefResolver(document, file);
  let changed = false;
  const visit = (value: unknown, pointer: string, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => visit(item, `${pointer}/${i}`, depth + 1));
    if (!isNode(value)) return value;
    if (MULTIPART_EXTENSION in value) {
      changed = true;
      return callerView(value, pointer, resolver, file);
    }
    // Media types sit a fixed few levels down (paths → item → operation → requestBody → content → type).
    if (depth > 12) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = visit(item, `${pointer}/${escape(key)}`, depth + 1);
    return out;
  };
  const paths = visit(document['paths'], '/paths', 0);
  const components = visit(document['components'], '/components', 0);
  if (!changed) return document;
  return { ...document, ...(paths !== undefined ? { paths } : {}), ...(components !== undefined ? { components } : {}) };
}

function callerView(media: Node, pointer: string, resolver: RefResolver, file: string): Node {
  const where = `${pointer}/${MULTIPART_EXTENSION}`;
  const extension = media[MULTIPART_EXTENSION];
  const target = isNode(extension) ? extension['schema'] : undefined;
  if (!isNode(extension) || typeof target !== 'string' || !target.startsWith('#/components/schemas/')) {
    throw new SpecError('invalid-extension', `${MULTIPART_EXTENSION} must be an object whose "schema" is a "#/components/schemas/<name>" pointer`, file, where);
  }
  // A pointer string, not a `$ref`: bundlers inline a `$ref` inside an extension, which would lose the
  // component (and its name in the generated types).
  const body = { $ref: target };
  let expected: string[];
  try {
    expected = formPartNames(body, resolver);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError('invalid-extension', `${MULTIPART_EXTENSION}.schema: ${(error as Error).message}`, file, where);
  }
  const sent = Object.keys(properties(resolver.deref(media['schema']), resolver)).sort();
  const missing = expected.filter((name) => !sent.includes(name));
  const unexpected = sent.filter((name) => !expected.includes(name));
  if (missing.length > 0 || unexpected.length > 0) {
    const list = (label: string, names: string[]) => (names.length > 0 ? [`${label} ${names.map((n) => `"${n}"`).join(', ')}`] : []);
    throw new SpecError(
      'multipart-parts-mismatch',
      `the form parts in "schema" must be the bracket-convention names of ${MULTIPART_EXTENSION}.schema's fields: ` +
        [...list('missing', missing), ...list('unexpected', unexpected)].join('; '),
      file,
      `${pointer}/schema`,
    );
  }
  const { [MULTIPART_EXTENSION]: _extension, encoding: _encoding, examples: _examples, schema: _schema, ...rest } = media;
  const view = { ...rest, ...(extension['examples'] !== undefined ? { examples: extension['examples'] } : {}), schema: body };
  return canonicalize(view) as Node;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
