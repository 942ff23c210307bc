/**
 * What each surface is called with, derived from the operation's generated samples: path values that
 * need encoding (`/`, a space, non-ASCII), a value for every query parameter, and the sample request
 * body (file fields of multipart bodies become real `File`s). Also what the wire must then show.
 */
import { mockSpec, type JsonSchema, type MockRoute, type OperationSamples } from '@retell-kit/mock';
import type { OperationModel } from '../../../generator/src/ir/types.js';

export interface CallInput {
  /** Path parameter values in template order. */
  readonly pathValues: Record<string, string>;
  readonly query: Record<string, unknown>;
  /** Body as the caller passes it (files as `File`), or undefined. */
  readonly body: unknown;
  /** What the request must show. */
  readonly expectedPath: string;
  readonly expectedQuery: [string, string][];
  /** Multipart: each part name and, for file parts, the file name and text. */
  readonly expectedParts?: ExpectedPart[];
}

export interface ExpectedPart {
  readonly name: string;
  readonly value?: string;
  readonly filename?: string;
}

type Schema = Record<string, unknown>;

function deref(schema: JsonSchema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; i < 16 && current && typeof current === 'object' && typeof current['$ref'] === 'string'; i++) {
    current = mockSpec.components.schemas[(current['$ref'] as string).replace('#/components/schemas/', '')];
  }
  return current && typeof current === 'object' ? (current as Schema) : undefined;
}

function isBinary(schema: JsonSchema | undefined): boolean {
  const s = deref(schema);
  return !!s && s['format'] === 'binary';
}

/** Top-level fields of a multipart body that hold files: `binary` or an array of `binary`. */
function fileFields(route: MockRoute): Map<string, 'one' | 'many'> {
  const out = new Map<string, 'one' | 'many'>();
  const props = deref(route.body?.schema)?.['properties'] as Record<string, JsonSchema> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    if (isBinary(prop)) out.set(name, 'one');
    const s = deref(prop);
    if (s?.['type'] === 'array' && isBinary(s['items'] as JsonSchema)) out.set(name, 'many');
  }
  return out;
}

/** Every path value carries a slash, a space and non-ASCII text, so encoding is always exercised. */
export function trickyPathValue(sample: unknown): string {
  return `${String(sample)} a/b ü✓`;
}

export const FILE_TEXT = 'contract test upload: ✓ unicode stays intact';

/**
 * The parts a form value goes out as (retell-sdk 5.66's form): files as file parts, an array or object
 * holding no file as one part of JSON text, an array of files as one part per file under the same name,
 * an object holding a file as `name[key]` parts, scalars as text.
 */
function partsOf(name: string, value: unknown, out: ExpectedPart[]): void {
  if (value === undefined || value === null) return;
  if (value instanceof File) out.push({ name, filename: value.name, value: FILE_TEXT });
  else if (typeof value !== 'object') out.push({ name, value: String(value) });
  else if (!holdsFile(value)) out.push({ name, value: JSON.stringify(value) });
  else if (Array.isArray(value)) for (const item of value) partsOf(name, item, out);
  else for (const [k, v] of Object.entries(value)) partsOf(`${name}[${k}]`, v, out);
}

function holdsFile(value: unknown): boolean {
  if (value instanceof File) return true;
  if (Array.isArray(value)) return value.some(holdsFile);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsFile);
}

function queryPairs(query: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, String(v)]);
    else if (value !== undefined) pairs.push([name, String(value)]);
  }
  return pairs.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

export function callInput(model: OperationModel, route: MockRoute, samples: OperationSamples): CallInput {
  const pathValues: Record<string, string> = {};
  let expectedPath = route.path;
  for (const p of model.pathParams) {
    const value = trickyPathValue(samples.path[p.name] ?? p.name);
    pathValues[p.name] = value;
    expectedPath = expectedPath.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = { ...samples.query };
  let body: unknown = samples.request;
  let expectedParts: ExpectedPart[] | undefined;
  if (route.body?.kind === 'multipart' && body && typeof body === 'object') {
    const files = fileFields(route);
    const withFiles: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const [name, arity] of files) {
      const file = (n: number) => new File([FILE_TEXT], `${name}-${n}.txt`, { type: 'text/plain' });
      withFiles[name] = arity === 'many' ? [file(1), file(2)] : file(1);
    }
    body = withFiles;
    expectedParts = [];
    for (const [name, value] of Object.entries(withFiles)) partsOf(name, value, expectedParts);
  }
  return { pathValues, query, body, expectedPath, expectedQuery: queryPairs(query), ...(expectedParts ? { expectedParts } : {}) };
}

/** The per-operation function's params argument for the operation's params shape. */
export function functionParams(model: OperationModel, input: CallInput): unknown {
  switch (model.paramsShape) {
    case 'none':
      return undefined;
    case 'query':
      return input.query;
    case 'body':
      return input.body;
    case 'merged':
      return { ...input.query, ...(input.body as Record<string, unknown>) };
    case 'separate':
      return { query: input.query, body: input.body };
  }
}
