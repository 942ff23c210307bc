/**
 * `retell-kit sync --write`: drafts of what the spec lacks, as split files in the spec's own layout.
 *
 * - Each method the release has and the spec lacks gets a path file (`paths/<route>.yaml`) with `x-sdk`,
 *   parameters, a request body and a success response, and its params and response schemas get files under
 *   `components/schemas/`, built from the release's field paths (kinds, enums, required, nullability).
 * - The root gets the new `paths` entries and a tag for each new resource.
 * - Everything drafted carries `x-sync: { status: draft, from: <release> }`, which `pnpm lint` reports as a
 *   warning until a person curates the draft: writes descriptions in the project's words (drafts hold
 *   placeholders, never the release's prose), adds examples, pagination and timeouts, and removes the marker.
 *
 * A file that exists is never touched: curated text is not overwritten. Methods that moved and fields added
 * to existing methods are left to the curator (the report lists them): they change curated files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import YAML, { isMap, isSeq, type Document } from 'yaml';
import type { SyncReport } from './compare.js';
import { depthOf, type ApiSurface, type FieldFact, type MethodFact } from './surface.js';

export interface DraftResult {
  readonly created: string[];
  readonly updated: string[];
  readonly skipped: string[];
}

type Schema = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '429': 'TooManyRequests',
  '500': 'InternalServerError',
};

export function writeDrafts(report: SyncReport, sdk: ApiSurface, specFile: string): DraftResult {
  const root = path.dirname(specFile);
  const result: DraftResult = { created: [], updated: [], skipped: [] };
  const marker = { status: 'draft', from: sdk.source };
  const byId = new Map(sdk.methods.map((m) => [m.id, m]));
  const newPaths = new Map<string, string>();
  const newTags = new Set<string>();

  for (const finding of report.findings) {
    if (finding.kind === 'method-moved' && finding.method) result.skipped.push(`${finding.method} (moved: ${finding.spec} → ${finding.sdk}; edit its path file by hand)`);
    if (finding.kind !== 'method-added' || !finding.method) continue;
    const method = byId.get(finding.method);
    if (!method) continue;
    const route = wireRoute(method);
    const fileName = `${route.slice(1).replace(/\//g, '_')}.yaml`;
    const file = path.join(root, 'paths', fileName);
    const verb = method.verb === 'unknown' ? 'post' : method.verb.toLowerCase();
    if (existsSync(file)) {
      result.skipped.push(`paths/${fileName} (exists; add ${method.id} as ${verb.toUpperCase()} by hand)`);
      continue;
    }
    const bodyInQuery = verb === 'get' || verb === 'delete';
    const pathNames = new Set(pathParams(route));
    const fields = method.params.filter((f) => !pathNames.has(f.path) && !f.path.includes('.') && !f.path.includes('['));
    const operation: Schema = {
      operationId: operationId(method),
      tags: [method.resource.split('.')[0]],
      summary: `Draft: ${method.id}`,
      description: `Drafted by retell-kit sync from ${sdk.source} (${method.verb} ${route}). Describe what it does in the project's own words, add examples, then remove x-sync.`,
      'x-sync': marker,
      'x-sdk': {
        resource: method.resource,
        method: method.method,
        ...(method.paramsType ? { paramsType: method.paramsType } : {}),
        ...(method.responseType && method.responseType !== 'void' ? { responseType: method.responseType } : {}),
      },
      ...(method.deprecated ? { deprecated: true } : {}),
    };
    const parameters: Schema[] = [...pathNames].map((name) => ({
      name,
      in: 'path',
      required: true,
      description: `Draft: the \`${name}\` path parameter.`,
      schema: { type: 'string' },
    }));
    if (bodyInQuery) {
      for (const f of fields) {
        parameters.push({ name: f.path, in: 'query', required: f.required, description: `Draft: the \`${f.path}\` query parameter.`, schema: fieldSchema(f, method.params, f.path) });
      }
    }
    if (parameters.length > 0) operation['parameters'] = parameters;
    if (!bodyInQuery && method.paramsType && fields.length > 0) {
      // Bodies are `<Resource><Method>Request` components; the facade's params type keeps the release's name.
      const name = method.paramsType.replace(/Params$/, '') + 'Request';
      draftSchema(root, name, objectSchema(method.params.filter((f) => !pathNames.has(f.path)), '', marker), result);
      const media = method.multipart ? 'multipart/form-data' : 'application/json';
      operation['requestBody'] = { required: fields.some((f) => f.required), content: { [media]: { schema: { $ref: `../components/schemas/${name}.yaml` } } } };
    }
    const responses: Schema = {};
    if (method.responseType && method.responseType !== 'void') {
      const topArray = method.response.some((f) => f.path.startsWith('[]'));
      draftSchema(root, method.responseType, topArray ? arraySchema(method.response, '[]', marker) : objectSchema(method.response, '', marker), result);
      responses['200'] = { description: 'Draft: the successful response.', content: { 'application/json': { schema: { $ref: `../components/schemas/${method.responseType}.yaml` } } } };
    } else responses['204'] = { description: 'Draft: done; no content.' };
    for (const [status, name] of Object.entries(ERROR_RESPONSES)) responses[status] = { $ref: `../components/responses/${name}.yaml` };
    operation['responses'] = responses;
    writeNew(file, YAML.stringify({ [verb]: operation }, { lineWidth: 0 }), result);
    newPaths.set(route, `paths/${fileName}`);
    newTags.add(method.resource.split('.')[0]!);
  }

  if (newPaths.size > 0) {
    updateRoot(specFile, newPaths, newTags, sdk.source);
    result.updated.push(specFile);
  }
  return result;
}

/** The release writes `{agentID}`; the spec writes wire names (`{agent_id}`). */
function wireRoute(method: MethodFact): string {
  return method.rawRoute.replace(/\{([^}]+)\}/g, (_m, name: string) => `{${snake(name)}}`);
}

function snake(name: string): string {
  return name
    .replace(/ID$/, 'Id')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function pathParams(route: string): string[] {
  return [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** `contact.getByPhone` → `contactGetByPhone`: unique, camelCase, and plain to curate. */
function operationId(method: MethodFact): string {
  const words = `${method.resource}.${method.method}`.split('.');
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function kindSchema(f: FieldFact): Schema {
  const kinds = f.kinds.filter((k) => k !== 'null');
  const nullable = f.kinds.includes('null');
  const types = kinds.map((k): string | undefined => (k === 'file' ? 'string' : k === 'unknown' ? undefined : k)).filter((k): k is string => !!k);
  const schema: Schema = {};
  if (f.enum) schema['enum'] = nullable ? [...f.enum, null] : [...f.enum];
  else if (types.length === 1 && !nullable) schema['type'] = types[0];
  else if (types.length > 0) schema['type'] = nullable ? [...new Set(types), 'null'] : [...new Set(types)];
  if (kinds.includes('file')) schema['format'] = 'binary';
  return schema;
}

function fieldSchema(f: FieldFact, all: readonly FieldFact[], fieldPath: string): Schema {
  const schema: Schema = { ...kindSchema(f), description: `Draft: \`${fieldPath}\`.` };
  if (f.kinds.includes('object') && depthOf(fieldPath) < 4) Object.assign(schema, objectSchema(all, fieldPath, undefined), { description: schema['description'] });
  if (f.kinds.includes('array')) {
    const items = arraySchema(all, `${fieldPath}[]`, undefined);
    schema['items'] = items;
  }
  return schema;
}

/** The object whose fields sit directly under `prefix` in `all`. */
function objectSchema(all: readonly FieldFact[], prefix: string, marker: Schema | undefined): Schema {
  const lead = prefix ? `${prefix}.` : '';
  const direct = all.filter((f) => f.path.startsWith(lead) && !f.path.slice(lead.length).includes('.') && !f.path.slice(lead.length).includes('['));
  const properties: Schema = {};
  for (const f of direct) properties[f.path.slice(lead.length)] = fieldSchema(f, all, f.path);
  const required = direct.filter((f) => f.required).map((f) => f.path.slice(lead.length));
  return {
    type: 'object',
    ...(marker ? { description: 'Draft: describe this shape in the project\'s own words.', 'x-sync': marker } : {}),
    ...(direct.length > 0 ? { properties } : { additionalProperties: true }),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** The items under `itemPrefix` (`field[]`): an object when fields sit under it, else any value. */
function arraySchema(all: readonly FieldFact[], itemPrefix: string, marker: Schema | undefined): Schema {
  const hasFields = all.some((f) => f.path.startsWith(`${itemPrefix}.`));
  if (itemPrefix === '[]') {
    return { type: 'array', ...(marker ? { description: 'Draft: describe this list in the project\'s own words.', 'x-sync': marker } : {}), items: objectSchema(all, '[]', undefined) };
  }
  return hasFields ? objectSchema(all, itemPrefix, undefined) : {};
}

function draftSchema(root: string, name: string, schema: Schema, result: DraftResult): void {
  const file = path.join(root, 'components', 'schemas', `${name}.yaml`);
  if (result.created.includes(file)) return; // drafted earlier in this run (shared by two methods)
  if (existsSync(file)) {
    result.skipped.push(`components/schemas/${name}.yaml (exists)`);
    return;
  }
  writeNew(file, YAML.stringify(schema, { lineWidth: 0 }), result);
}

function writeNew(file: string, text: string, result: DraftResult): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.sync-${process.pid}`;
  writeFileSync(temp, text, { flag: 'wx' });
  renameSync(temp, file);
  result.created.push(file);
}

/** Adds the drafted routes (in sorted place) and tags for new resources, keeping the root's comments and layout. */
function updateRoot(specFile: string, newPaths: ReadonlyMap<string, string>, newTags: ReadonlySet<string>, source: string): void {
  const doc: Document = YAML.parseDocument(readFileSync(specFile, 'utf8'));
  const paths = doc.get('paths');
  if (isMap(paths)) {
    for (const [route, ref] of [...newPaths].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (paths.has(route)) continue;
      const pair = doc.createPair(route, { $ref: ref });
      const at = paths.items.findIndex((item) => String((item.key as { value?: unknown })?.value ?? item.key) > route);
      if (at < 0) paths.items.push(pair);
      else paths.items.splice(at, 0, pair);
    }
  }
  const tags = doc.get('tags');
  if (isSeq(tags)) {
    const have = new Set(tags.items.map((t) => String((t as { get?: (k: string) => unknown }).get?.('name'))));
    for (const tag of [...newTags].sort()) {
      if (have.has(tag)) continue;
      tags.items.push(doc.createNode({ name: tag, description: `Draft (${source}): describe the ${tag} resource in the project's own words.`, 'x-sync': { status: 'draft', from: source } }));
    }
  }
  const temp = `${specFile}.sync-${process.pid}`;
  writeFileSync(temp, doc.toString({ lineWidth: 0 }));
  renameSync(temp, specFile);
}
