/**
 * Reads one Operation Object (with its Path Item) into the parts of `OperationModel` that do not
 * depend on other operations: parameters, request body, success response and vendor extensions.
 * Names are assigned later by build.ts, once all operations are known.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import { SpecError } from '../errors.js';
import { escapePointer } from '../load/checks.js';
import { exampleValue, requiredExample, schemaFacts } from './schema-info.js';
import type { BodyKind, BodyModel, HttpMethod, PaginationModel, ParamModel, ResponseKind, ResponseModel } from './types.js';
import { camelCase, safeIdentifier } from './naming.js';
import { mergedParameters } from './parameters.js';
import { arr, isNode, obj, str, type Node } from '../json.js';
import { componentKey, type RefResolver } from '../ref.js';

export interface RawSdkEntry {
  readonly resource: string;
  readonly method: string;
  readonly paramsType?: string;
  readonly responseType?: string;
  /** The resource's class name where the PascalCase of `resource` is not it (`crm` → `CRM`). */
  readonly className?: string;
  /** Path parameter names taken positionally (`x-sdk.positional`); absent: all of them. */
  readonly positional?: readonly string[];
}

export interface OperationFacts {
  readonly operationId?: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly pointer: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  readonly pathParams: ParamModel[];
  readonly queryParams: ParamModel[];
  readonly headerParams: ParamModel[];
  readonly body?: BodyModel;
  readonly success?: ResponseModel;
  readonly timeoutMs?: number;
  readonly pagination?: PaginationModel;
  readonly sdk: readonly RawSdkEntry[];
}

interface Context {
  readonly resolver: RefResolver;
  readonly file: string;
}

function primitiveOf(schema: unknown, ctx: Context): ParamModel['primitive'] {
  const node = ctx.resolver.deref(schema);
  if (!node || node['enum'] !== undefined || node['const'] !== undefined) return undefined;
  const type = node['type'];
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return undefined;
}

/** A path parameter's style when it is not plain substitution (see `ParamModel.pathStyle`). */
function pathStyleOf(node: Node, ctx: Context): ParamModel['pathStyle'] {
  const raw = str(node, 'style');
  const style = raw === 'label' || raw === 'matrix' ? raw : 'simple';
  const explode = node['explode'] === true;
  const type = ctx.resolver.deref(node['schema'])?.['type'];
  const plain = type === 'string' || type === 'integer' || type === 'number' || type === undefined;
  return style === 'simple' && plain ? undefined : { style, explode };
}

function paramModel(node: Node, ctx: Context): ParamModel {
  const name = str(node, 'name') ?? '';
  const schema = node['schema'];
  const example = node['example'] ?? exampleValue(schema, ctx.resolver, name);
  const pathStyle = node['in'] === 'path' ? pathStyleOf(node, ctx) : undefined;
  return {
    name,
    ...(pathStyle ? { pathStyle } : {}),
    ident: safeIdentifier(camelCase(name)),
    required: node['required'] === true || node['in'] === 'path',
    declared: true,
    ...(primitiveOf(schema, ctx) ? { primitive: primitiveOf(schema, ctx) } : {}),
    ...(str(node, 'description') ? { description: str(node, 'description') } : {}),
    example,
  };
}

/** Path-level parameters apply unless the operation redefines the same `in` + `name`. */
function collectParams(pathItem: Node, op: Node, ctx: Context, pointer: string) {
  const byKey = mergedParameters(pathItem, op, ctx.resolver, () => {
    throw new SpecError('invalid-parameter', 'parameter without `in` or `name`', ctx.file, `${pointer}/parameters`);
  });
  const query: ParamModel[] = [];
  const header: ParamModel[] = [];
  const declaredPath = new Map<string, ParamModel>();
  for (const p of byKey.values()) {
    const model = paramModel(p, ctx);
    if (p['in'] === 'query') query.push(model);
    else if (p['in'] === 'header') header.push(model);
    else if (p['in'] === 'path') declaredPath.set(model.name, model);
  }
  return { query, header, declaredPath };
}

/** Path params in the order the template names them; undeclared template variables become required strings. */
function orderPathParams(route: string, declared: Map<string, ParamModel>): ParamModel[] {
  const out: ParamModel[] = [];
  for (const match of route.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1]!;
    out.push(declared.get(name) ?? { name, ident: safeIdentifier(camelCase(name)), required: true, declared: false, primitive: 'string', example: name });
  }
  return out;
}

const JSON_RE = /^application\/(.+\+)?json(;.*)?$/i;

function bodyKind(mediaType: string): BodyKind {
  if (JSON_RE.test(mediaType) || mediaType === '*/*') return 'json';
  if (mediaType.startsWith('multipart/')) return 'multipart';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType.startsWith('text/')) return 'text';
  return 'binary';
}

const BODY_PREFERENCE: BodyKind[] = ['json', 'multipart', 'form', 'binary', 'text'];

/** Picks the media type the generated function sends: JSON first, then multipart, form, binary, text. */
function pickMedia(content: Node): [string, Node] | undefined {
  const entries = Object.entries(content).filter((e): e is [string, Node] => isNode(e[1]));
  entries.sort((a, b) => BODY_PREFERENCE.indexOf(bodyKind(a[0])) - BODY_PREFERENCE.indexOf(bodyKind(b[0])) || (a[0] < b[0] ? -1 : 1));
  return entries[0];
}

function bodyModel(op: Node, ctx: Context): BodyModel | undefined {
  const body = ctx.resolver.deref(op['requestBody']);
  if (!body) return undefined;
  const content = obj(body, 'content');
  const picked = content ? pickMedia(content) : undefined;
  if (!picked) return undefined;
  const [mediaType, media] = picked;
  const kind = bodyKind(mediaType);
  const schema = media['schema'];
  const facts = schemaFacts(schema, ctx.resolver);
  const ref = isNode(schema) && typeof schema['$ref'] === 'string' ? componentKey(schema['$ref'], 'schemas') : undefined;
  const isObject = facts.isObject && kind !== 'binary' && kind !== 'text';
  return {
    kind,
    mediaType,
    required: body['required'] === true,
    isObject,
    hasRequiredFields: facts.hasRequiredFields,
    fieldNames: facts.fieldNames,
    ...(ref ? { schemaRef: ref } : {}),
    ...(isObject ? { example: requiredExample(schema, ctx.resolver) } : {}),
  };
}

function responseKind(mediaType: string | undefined): ResponseKind {
  if (!mediaType) return 'empty';
  if (JSON_RE.test(mediaType) || mediaType === '*/*') return 'json';
  if (mediaType.startsWith('text/')) return 'text';
  return 'binary';
}

/** The lowest 2xx response (then `2XX`); `default` only when no 2xx response is declared. */
function successResponse(op: Node, ctx: Context): ResponseModel | undefined {
  const responses = obj(op, 'responses') ?? {};
  const keys = Object.keys(responses);
  const status =
    keys.filter((k) => /^2\d\d$/.test(k)).sort()[0] ?? keys.find((k) => k.toUpperCase() === '2XX') ?? keys.find((k) => k === 'default');
  if (!status) return undefined;
  const response = ctx.resolver.deref(responses[status]);
  const content = response ? obj(response, 'content') : undefined;
  const mediaTypes = content ? Object.keys(content).sort() : [];
  const mediaType = mediaTypes.find((m) => responseKind(m) === 'json') ?? mediaTypes[0];
  const kind = status === '204' ? 'empty' : responseKind(mediaType);
  const media = mediaType && content ? obj(content, mediaType) : undefined;
  const schema = media?.['schema'];
  const ref = isNode(schema) && typeof schema['$ref'] === 'string' ? componentKey(schema['$ref'], 'schemas') : undefined;
  return { status, kind, ...(kind !== 'empty' && mediaType ? { mediaType } : {}), ...(kind === 'json' && ref ? { schemaRef: ref } : {}) };
}

function readTimeout(op: Node, ctx: Context, pointer: string): number | undefined {
  const value = op['x-timeout-ms'];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new SpecError('invalid-extension', 'x-timeout-ms must be a positive integer', ctx.file, `${pointer}/x-timeout-ms`);
  }
  return value;
}

function readPagination(op: Node, ctx: Context, pointer: string): PaginationModel | undefined {
  const value = op['x-pagination'];
  if (value === undefined) return undefined;
  const where = `${pointer}/x-pagination`;
  if (!isNode(value)) throw new SpecError('invalid-extension', 'x-pagination must be an object', ctx.file, where);
  const field = (key: string, fallback?: string): string => {
    const v = value[key] ?? fallback;
    if (typeof v !== 'string' || v === '') throw new SpecError('invalid-extension', `x-pagination.${key} must be a non-empty string`, ctx.file, where);
    return v;
  };
  const location = field('in');
  if (location !== 'query' && location !== 'body') {
    throw new SpecError('invalid-extension', 'x-pagination.in must be "query" or "body"', ctx.file, where);
  }
  const cursorParam = field('cursorParam');
  return {
    in: location,
    limitParam: field('limitParam', 'limit'),
    cursorParam,
    itemsField: field('itemsField'),
    hasMoreField: field('hasMoreField'),
    nextCursorField: field('nextCursorField', cursorParam),
  };
}

function readSdk(op: Node, ctx: Context, pointer: string): RawSdkEntry[] {
  const value = op['x-sdk'];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry, i) => {
    const where = `${pointer}/x-sdk${Array.isArray(value) ? `/${i}` : ''}`;
    if (!isNode(entry) || typeof entry['resource'] !== 'string' || typeof entry['method'] !== 'string') {
      throw new SpecError('invalid-extension', 'x-sdk entries need string `resource` and `method`', ctx.file, where);
    }
    const paramsType = str(entry, 'paramsType');
    const responseType = str(entry, 'responseType');
    const className = str(entry, 'className');
    if (className !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(className)) {
      throw new SpecError('invalid-extension', `x-sdk.className "${className}" is not a PascalCase identifier`, ctx.file, `${where}/className`);
    }
    const positional = entry['positional'];
    if (positional !== undefined && (!Array.isArray(positional) || !positional.every((p) => typeof p === 'string'))) {
      throw new SpecError('invalid-extension', 'x-sdk.positional must be a list of path parameter names', ctx.file, `${where}/positional`);
    }
    return {
      resource: entry['resource'],
      method: entry['method'],
      ...(paramsType ? { paramsType } : {}),
      ...(responseType ? { responseType } : {}),
      ...(className ? { className } : {}),
      ...(positional ? { positional: positional as string[] } : {}),
    };
  });
}

export function readOperation(route: string, method: string, pathItem: Node, op: Node, ctx: Context): OperationFacts {
  const pointer = `/paths/${escapePointer(route)}/${method}`;
  const { query, header, declaredPath } = collectParams(pathItem, op, ctx, pointer);
  const body = bodyModel(op, ctx);
  // A HEAD response has no body, whatever content its spec describes (often the GET's).
  const declared = successResponse(op, ctx);
  const success = declared && method === 'head' ? { status: declared.status, kind: 'empty' as const } : declared;
  const timeoutMs = readTimeout(op, ctx, pointer);
  const pagination = readPagination(op, ctx, pointer);
  return {
    ...(str(op, 'operationId') ? { operationId: str(op, 'operationId') } : {}),
    method: method.toUpperCase() as HttpMethod,
    path: route,
    pointer,
    ...(str(op, 'summary') ? { summary: str(op, 'summary') } : {}),
    ...(str(op, 'description') ? { description: str(op, 'description') } : {}),
    deprecated: op['deprecated'] === true,
    tags: arr(op, 'tags').filter((t): t is string => typeof t === 'string'),
    pathParams: orderPathParams(route, declaredPath),
    queryParams: query.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    headerParams: header,
    ...(body ? { body } : {}),
    ...(success ? { success } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(pagination ? { pagination } : {}),
    sdk: readSdk(op, ctx, pointer),
  };
}
