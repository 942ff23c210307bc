/**
 * Checks one request against its route: path and query parameters (coerced from strings by their
 * schemas), then the body (JSON or multipart) against the request schema. The result is either the
 * parsed input or the error to answer with, carrying a message that names the bad field.
 */
import type { JsonSchema, MockParam, MockRoute } from '../model.js';
import type { SchemaValidator, ValidationIssue } from '../validate/ajv.js';
import { explain } from '../validate/explain.js';
import { filesToNames, formToObject, splitKey, type FormObject } from './form.js';
import { FORBIDDEN_KEYS, forbiddenKeyMessage, quote, shapeProblem, ShapeError } from './shape.js';
import { readPathValue } from './path-style.js';

export interface ParsedInput {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  /** Parsed body: JSON value, or for multipart the form with file parts replaced by their names. */
  readonly body: unknown;
  /** The multipart form as sent, file parts as `UploadedFile`s. */
  readonly form?: FormObject;
}

export interface RequestProblem {
  readonly status: 400 | 415 | 422;
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly input: ParsedInput } | { readonly ok: false; readonly problem: RequestProblem };

/** `{ value: <param schema> }`, one object per parameter so the validator's identity cache hits. */
const wrappers = new WeakMap<MockParam, JsonSchema>();
function wrapperOf(p: MockParam): JsonSchema {
  let schema = wrappers.get(p);
  if (!schema) {
    schema = { type: 'object', properties: { value: p.schema } };
    wrappers.set(p, schema);
  }
  return schema;
}

function fail(status: RequestProblem['status'], message: string): ParseResult {
  return { ok: false, problem: { status, message } };
}

function firstProblem(issues: readonly ValidationIssue[]): ParseResult | undefined {
  const best = explain(issues);
  return best && fail(best.status, best.message);
}

async function parseBody(route: MockRoute, bytes: Buffer, contentType: string): Promise<{ body: unknown; form?: FormObject } | RequestProblem> {
  const spec = route.body!;
  if (bytes.length === 0) return { body: undefined };
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  if (spec.kind === 'json') {
    if (media !== '' && !/^application\/(.+\+)?json$/.test(media)) {
      return { status: 415, message: `Content-Type ${media} is not accepted here; send ${spec.mediaType}.` };
    }
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      return { status: 400, message: `The request body is not valid JSON: ${(error as Error).message}` };
    }
    const problem = shapeProblem(body, 'body');
    return problem ? { status: 400, message: problem } : { body };
  }
  if (spec.kind === 'multipart') {
    if (media !== 'multipart/form-data') {
      return { status: 415, message: `Content-Type ${media || '(none)'} is not accepted here; send multipart/form-data.` };
    }
    try {
      // The platform's own multipart parser (undici), fed the raw bytes and the boundary header.
      const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
      const object = formToObject(form);
      return { body: filesToNames(object), form: object };
    } catch (error) {
      if (error instanceof ShapeError) return { status: 400, message: error.message };
      return { status: 400, message: `The request body is not valid multipart/form-data: ${(error as Error).message}` };
    }
  }
  return { body: bytes.toString('utf8') };
}

export async function parseRequest(
  route: MockRoute,
  pathParams: Record<string, string>,
  search: URLSearchParams,
  bytes: Buffer,
  contentType: string,
  validator: SchemaValidator,
): Promise<ParseResult> {
  const path: Record<string, unknown> = { ...pathParams };
  for (const p of route.pathParams) {
    const holder = { value: p.style || p.shape ? readPathValue(p, String(path[p.name])) : path[p.name] };
    const problem = firstProblem(validator.check(wrapperOf(p), holder, 'path', true).map(rename(p.name)));
    if (problem) return problem;
    path[p.name] = holder.value;
  }

  // Only declared parameters are read, but a name that could reach Object.prototype is refused anywhere.
  for (const name of search.keys()) {
    const bad = splitKey(name).find((s) => FORBIDDEN_KEYS.has(s));
    if (bad !== undefined) return fail(400, forbiddenKeyMessage(`query parameter ${quote(name)}`, bad));
  }

  const query: Record<string, unknown> = {};
  for (const p of route.queryParams) {
    const all = search.getAll(p.name);
    if (all.length === 0) {
      if (p.required) return fail(422, `query.${p.name} is required`);
      continue;
    }
    const holder = { value: all.length === 1 ? all[0] : all };
    const problem = firstProblem(validator.check(wrapperOf(p), holder, 'query', true).map(rename(p.name)));
    if (problem) return problem;
    query[p.name] = holder.value;
  }

  if (!route.body) return { ok: true, input: { path, query, body: undefined } };
  const parsed = await parseBody(route, bytes, contentType);
  if ('status' in parsed) return { ok: false, problem: parsed };
  if (parsed.body === undefined) {
    if (route.body.required) return fail(422, `body is required (${route.body.mediaType})`);
    return { ok: true, input: { path, query, body: undefined } };
  }
  const coerce = route.body.kind !== 'json';
  const problem = firstProblem(validator.check(route.body.schema, parsed.body, 'body', coerce));
  if (problem) return problem;
  return { ok: true, input: { path, query, body: parsed.body, ...(parsed.form ? { form: parsed.form } : {}) } };
}

/** Issues of a `{ value }` wrapper name the parameter instead: `query.value` → `query.version`. */
function rename(name: string): (issue: ValidationIssue) => ValidationIssue {
  return (issue) => {
    const field = issue.field.replace(/^(path|query)\.value/, `$1.${name}`);
    return { ...issue, field, message: issue.message.replace(issue.field, field) };
  };
}
