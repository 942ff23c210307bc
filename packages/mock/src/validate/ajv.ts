/**
 * One ajv instance per spec (draft 2020-12, the dialect of OpenAPI 3.1, formats on). The component
 * schemas are registered once under a fixed `$id`; route schemas are rewritten to reference it and
 * compiled lazily, once each: compiling all 265 schemas up front would cost startup time for routes a
 * test never calls.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, MockSpec } from '../model.js';

const SPEC_ID = 'urn:retell-kit:mock-spec';

// ajv-formats is CommonJS (`module.exports = plugin`); under NodeNext the default import is that function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function rebase(schema: JsonSchema): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`)) as JsonSchema;
}

function newAjv(spec: MockSpec, coerce: boolean, verbose = false): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: true, coerceTypes: coerce ? 'array' : false, useDefaults: false, verbose });
  addFormats(ajv);
  // `format: binary` marks file parts; their content is not a JSON value to check.
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: SPEC_ID, components: spec.components } as object);
  return ajv;
}

export interface ValidationIssue {
  /** Where the value is, as `body.response_engine.llm_id` or `query.version`. */
  readonly field: string;
  readonly keyword: string;
  readonly message: string;
  /** ajv's schema path, used to tell union branches apart. */
  readonly schemaPath: string;
  /** For `const`/`enum`: the values the schema allows. */
  readonly allowed?: readonly unknown[];
}

export class SchemaValidator {
  readonly #strict: Ajv2020;
  /** Coercing instance for values that arrive as strings: query parameters and multipart fields. */
  readonly #coercing: Ajv2020;
  readonly #cache = new WeakMap<object, ValidateFunction>();
  readonly #coercingCache = new WeakMap<object, ValidateFunction>();
  readonly #spec: MockSpec;
  /** Errors with their schemas (`verbose`), for repairing samples; created on the first repair only. */
  #verbose: Ajv2020 | undefined;
  readonly #verboseCache = new WeakMap<object, ValidateFunction>();

  constructor(spec: MockSpec) {
    this.#spec = spec;
    this.#strict = newAjv(spec, false);
    this.#coercing = newAjv(spec, true);
  }

  /** ajv's own errors for `value`, each with its schema and parent schema; `[]` when valid. */
  errors(schema: JsonSchema, value: unknown): ErrorObject[] {
    if (this.compile(schema)(value)) return [];
    this.#verbose ??= newAjv(this.#spec, false, true);
    let fn = typeof schema === 'boolean' ? undefined : this.#verboseCache.get(schema);
    if (!fn) {
      fn = this.#verbose.compile(typeof schema === 'boolean' ? schema : (rebase(schema) as object));
      if (typeof schema !== 'boolean') this.#verboseCache.set(schema, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }

  /** The compiled validator for `schema` (cached by identity). */
  compile(schema: JsonSchema, coerce = false): ValidateFunction {
    if (typeof schema === 'boolean') return (coerce ? this.#coercing : this.#strict).compile(schema);
    const cache = coerce ? this.#coercingCache : this.#cache;
    let fn = cache.get(schema);
    if (!fn) {
      fn = (coerce ? this.#coercing : this.#strict).compile(rebase(schema) as object);
      cache.set(schema, fn);
    }
    return fn;
  }

  /**
   * Validates `value` (coercing string leaves in place when `coerce`); `[]` when valid. `root` names the
   * value in messages (`body`, `query.version`).
   */
  check(schema: JsonSchema, value: unknown, root: string, coerce = false): ValidationIssue[] {
    const fn = this.compile(schema, coerce);
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => issueOf(e, root));
  }
}

function fieldOf(root: string, instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  let out = root;
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : `.${p}`;
  return out;
}

function issueOf(e: ErrorObject, root: string): ValidationIssue {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const field = fieldOf(root, e.instancePath, String(params['missingProperty']));
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, message: `${field} is required` };
    }
    case 'additionalProperties': {
      const field = fieldOf(root, e.instancePath, String(params['additionalProperty']));
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, message: `${field} is not a known field` };
    }
    case 'enum': {
      const field = fieldOf(root, e.instancePath);
      const allowed = params['allowedValues'] as unknown[];
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, allowed, message: `${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
    }
    case 'discriminator': {
      // Only the branch the tag names is checked; this error means the tag itself is missing or unknown.
      const tag = String(params['tag']);
      const field = fieldOf(root, e.instancePath, tag);
      const value = params['tagValue'];
      const message = value === undefined ? `${field} is required` : `${field} has an unknown value ${JSON.stringify(value)}`;
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, message };
    }
    case 'const': {
      const field = fieldOf(root, e.instancePath);
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, allowed: [params['allowedValue']], message: `${field} must be ${JSON.stringify(params['allowedValue'])}` };
    }
    default: {
      const field = fieldOf(root, e.instancePath);
      return { field, keyword: e.keyword, schemaPath: e.schemaPath, message: `${field} ${e.message ?? 'is invalid'}` };
    }
  }
}
