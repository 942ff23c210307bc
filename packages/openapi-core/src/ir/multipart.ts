/**
 * Multipart bodies: how a form's fields are named on the wire, and the view of the form the rest of the
 * generator reads.
 *
 * The wire convention is decided once (docs/architecture.md#multipart-bodies) and follows what Retell's
 * official SDKs send today (retell-sdk@5.66.1): scalars as one text part each, a file as one part, an array
 * of files as one part per file under the field's own name (no brackets), and any other array or object as
 * ONE part holding its JSON text (`knowledge_base_texts='[{"title":…,"text":…}]'`). Only an object that
 * holds a file is spread over `name[key]` parts, as the official encoder does.
 *
 * A `multipart/form-data` media type states it with:
 * - `schema`: the parts as sent, one property per part name. Under this convention that is the body's own
 *   field names, so the schema is usually the body component itself.
 * - `encoding`: `contentType: application/json` on every part that carries JSON text, so a reader of the
 *   published document knows those parts are JSON, not plain text.
 * - `x-multipart-body.schema` (a `#/components/schemas/<name>` pointer) and `.examples`: the body as a
 *   caller writes it (`files: File[]`), which the types, the functions, the facade and the mock's validator
 *   are generated from.
 *
 * `multipartView` checks that the part names are exactly the names the convention gives the body's fields
 * and that every JSON-text part is declared as such (so the spec and the wire cannot drift apart), and
 * returns the document with each such media type's `schema` and `examples` replaced by the caller's view.
 * Media types without the extension are left as they are.
 */
import { SpecError } from '../errors.js';
import { canonicalize } from '../json.js';
import { isNode, type Node } from '../json.js';
import { RefResolver } from '../ref.js';

export const MULTIPART_EXTENSION = 'x-multipart-body';

/** Deepest field nesting looked into for files; a deeper (or recursive) body schema is a spec error. */
const MAX_DEPTH = 8;

/** A form part: its name, and whether it carries JSON text (a non-file array or object). */
export interface FormPart {
  readonly name: string;
  readonly json: boolean;
}

/**
 * Parts of a body schema under the convention, e.g. `{ files: File[], notes: Note[], name: string }` →
 * `files` (one part per file), `name` (text) and `notes` (JSON text).
 */
export function formParts(schema: unknown, resolver: RefResolver): FormPart[] {
  const body = resolver.deref(schema);
  const parts: FormPart[] = [];
  for (const [field, fieldSchema] of Object.entries(properties(body, resolver))) expand(field, fieldSchema);
  return parts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  function expand(name: string, value: unknown): void {
    const node = resolver.deref(value);
    if (isFile(node, resolver) || isFileArray(node, resolver)) return void parts.push({ name, json: false });
    const fields = properties(node, resolver);
    if (node && Object.keys(fields).length > 0 && holdsFile(node, resolver, 0)) {
      for (const [key, item] of Object.entries(fields)) expand(`${name}[${key}]`, item);
      return;
    }
    parts.push({ name, json: !!node && (isArray(node) || Object.keys(fields).length > 0 || node['type'] === 'object') });
  }
}

/** The part names alone, sorted. */
export function formPartNames(schema: unknown, resolver: RefResolver): string[] {
  return formParts(schema, resolver).map((p) => p.name);
}

const isArray = (node: Node): boolean => node['type'] === 'array' || 'items' in node;

function isFile(node: Node | undefined, _resolver: RefResolver): boolean {
  return !!node && node['format'] === 'binary';
}

function isFileArray(node: Node | undefined, resolver: RefResolver): boolean {
  return !!node && isArray(node) && isFile(resolver.deref(node['items']), resolver);
}

function holdsFile(node: Node | undefined, resolver: RefResolver, depth: number): boolean {
  if (!node) return false;
  if (depth > MAX_DEPTH) throw new Error(`a field nests deeper than ${MAX_DEPTH} levels`);
  if (isFile(node, resolver)) return true;
  if (isArray(node)) return holdsFile(resolver.deref(node['items']), resolver, depth + 1);
  return Object.values(properties(node, resolver)).some((v) => holdsFile(resolver.deref(v), resolver, depth + 1));
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
  let expected: FormPart[];
  try {
    expected = formParts(body, resolver);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError('invalid-extension', `${MULTIPART_EXTENSION}.schema: ${(error as Error).message}`, file, where);
  }
  const names = expected.map((p) => p.name);
  const sent = Object.keys(properties(resolver.deref(media['schema']), resolver)).sort();
  if (sent.some((name) => name.includes('[')) && sameNames(sent, bracketPartNames(body, resolver))) {
    // The bracket form older releases sent (`files[]`, `texts[][title]`): a spec written for them still
    // loads (e.g. to compare it with a release, or to diff it with a newer spec); clients send today's form.
    return callerViewOf(media, extension, body);
  }
  const missing = names.filter((name) => !sent.includes(name));
  const unexpected = sent.filter((name) => !names.includes(name));
  if (missing.length > 0 || unexpected.length > 0) {
    const list = (label: string, items: string[]) => (items.length > 0 ? [`${label} ${items.map((n) => `"${n}"`).join(', ')}`] : []);
    throw new SpecError(
      'multipart-parts-mismatch',
      `the form parts in "schema" must be the part names of ${MULTIPART_EXTENSION}.schema's fields (docs/architecture.md#multipart-bodies): ` +
        [...list('missing', missing), ...list('unexpected', unexpected)].join('; '),
      file,
      `${pointer}/schema`,
    );
  }
  const encoding = isNode(media['encoding']) ? media['encoding'] : {};
  const undeclared = expected.filter((p) => p.json && (encoding[p.name] as Node | undefined)?.['contentType'] !== 'application/json').map((p) => `"${p.name}"`);
  if (undeclared.length > 0) {
    throw new SpecError(
      'multipart-json-part',
      `parts ${undeclared.join(', ')} carry JSON text and need "encoding.<part>.contentType: application/json"`,
      file,
      `${pointer}/encoding`,
    );
  }
  return callerViewOf(media, extension, body);
}

function callerViewOf(media: Node, extension: Node, body: Node): Node {
  const { [MULTIPART_EXTENSION]: _extension, encoding: _encoding, examples: _examples, schema: _schema, ...rest } = media;
  const view = { ...rest, ...(extension['examples'] !== undefined ? { examples: extension['examples'] } : {}), schema: body };
  return canonicalize(view) as Node;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Part names under the older bracket form: arrays as `name[]`, object fields as `name[key]`, composed. */
function bracketPartNames(schema: unknown, resolver: RefResolver): string[] {
  const names: string[] = [];
  const expand = (name: string, value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw new Error(`field ${name} nests deeper than ${MAX_DEPTH} levels`);
    const node = resolver.deref(value);
    if (node && isArray(node)) return expand(`${name}[]`, node['items'], depth + 1);
    const fields = properties(node, resolver);
    if (node && Object.keys(fields).length > 0) {
      for (const [key, item] of Object.entries(fields)) expand(`${name}[${key}]`, item, depth + 1);
      return;
    }
    names.push(name);
  };
  for (const [field, fieldSchema] of Object.entries(properties(resolver.deref(schema), resolver))) expand(field, fieldSchema, 0);
  return names.sort();
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
