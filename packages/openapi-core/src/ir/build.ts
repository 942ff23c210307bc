/**
 * IR stage entry: the only code that reads the raw (bundled, canonical) OpenAPI document.
 * Operations are visited in sorted path order and a fixed method order, so names handed out by
 * `NameScope` (collisions get `2`, `3`, ...) never depend on how the spec was written.
 */
import { inStage } from '../errors.js';
import { escapePointer } from '../load/checks.js';
import type { ModelInput } from '../load/index.js';
import { camelCase, NameScope, pascalCase, typeName, valueName } from './naming.js';
import { readOperation, type OperationFacts } from './operation.js';
import { buildSdk } from './sdk.js';
import type { ApiModel, OperationModel, ParamsShape, SchemaModel } from './types.js';
import { isNode, obj, str } from '../json.js';
import { RefResolver } from '../ref.js';

/** Value names the generated client module exports besides the operation functions. */
const RESERVED_VALUES = [
  'createClient', 'toFile', 'RetellCore', 'Retell', 'APIPromise', 'PagePromise', 'signWebhook', 'verifyWebhook',
  'parseWebhookEvent', 'WebhookVerificationError',
];
/**
 * Methods that become operation functions. OPTIONS and TRACE stay in the `paths` types but get no
 * function: they describe the transport (CORS, diagnostics), not an API call.
 */
const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;
const TYPE_SUFFIXES = ['Params', 'Query', 'Body', 'Response', 'Item'] as const;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function schemasOf(doc: Record<string, unknown>, scope: NameScope): SchemaModel[] {
  const schemas = obj(obj(doc, 'components') ?? {}, 'schemas') ?? {};
  return Object.keys(schemas)
    .sort(byString)
    .map((key) => ({ key, typeName: scope.claim(typeName(key)) }));
}

/** `get /users/{id}/repos` → `getUsersIdRepos` for operations without an operationId. */
function synthesizedId(facts: OperationFacts): string {
  return camelCase(`${facts.method.toLowerCase()} ${facts.path.replace(/[{}]/g, '')}`) || facts.method.toLowerCase();
}

function paramsShape(facts: OperationFacts): ParamsShape {
  const hasQuery = facts.queryParams.length > 0;
  const body = facts.body;
  if (!body) return hasQuery ? 'query' : 'none';
  if (!hasQuery) return 'body';
  const clash = facts.queryParams.some((p) => body.fieldNames.includes(p.name));
  return body.isObject && !clash ? 'merged' : 'separate';
}

function paramsRequired(facts: OperationFacts): boolean {
  const body = facts.body;
  const bodyRequired = !!body && body.required && (body.hasRequiredFields || !body.isObject);
  return bodyRequired || facts.queryParams.some((p) => p.required);
}

/** Claims a stem whose every `<stem><Suffix>` type name is free, so one operation's types never clash. */
function claimStem(scope: NameScope, wanted: string): string {
  let stem = wanted;
  for (let n = 2; TYPE_SUFFIXES.some((s) => scope.has(`${stem}${s}`)); n++) stem = `${wanted}${n}`;
  for (const s of TYPE_SUFFIXES) scope.claim(`${stem}${s}`);
  return stem;
}

/** Claims a function name and its `<name>Operation` const together. */
function claimFunction(scope: NameScope, wanted: string): string {
  let name = wanted;
  for (let n = 2; scope.has(name) || scope.has(`${name}Operation`); n++) name = `${wanted}${n}`;
  scope.claim(`${name}Operation`);
  return scope.claim(name);
}

export function buildModel(spec: ModelInput): ApiModel {
  const doc = spec.document;
  const resolver = new RefResolver(doc, spec.file);
  const ctx = { resolver, file: spec.file };

  const typeScope = new NameScope();
  const schemas = schemasOf(doc, typeScope);
  const schemaTypeNames = new Map(schemas.map((s) => [s.key, s.typeName]));

  const facts: OperationFacts[] = [];
  const paths = obj(doc, 'paths') ?? {};
  for (const route of Object.keys(paths).sort(byString)) {
    const pathItem = resolver.deref(paths[route]);
    if (!pathItem) continue;
    for (const method of OPERATION_METHODS) {
      const op = pathItem[method];
      if (isNode(op)) {
        const pointer = `/paths/${escapePointer(route)}/${method}`;
        facts.push(inStage('ir', { file: spec.file, pointer }, () => readOperation(route, method, pathItem, op, ctx)));
      }
    }
  }

  const valueScope = new NameScope(RESERVED_VALUES);
  const drafts = facts.map((f) => {
    const operationId = f.operationId ?? synthesizedId(f);
    const fnName = claimFunction(valueScope, valueName(operationId));
    const model: Omit<OperationModel, 'sdk' | 'group'> = {
      operationId,
      hasOperationId: f.operationId !== undefined,
      method: f.method,
      path: f.path,
      pointer: f.pointer,
      fnName,
      typeStem: claimStem(typeScope, pascalCase(fnName)),
      ...(f.summary ? { summary: f.summary } : {}),
      ...(f.description ? { description: f.description } : {}),
      deprecated: f.deprecated,
      pathParams: f.pathParams,
      queryParams: f.queryParams,
      headerParams: f.headerParams,
      ...(f.body ? { body: f.body } : {}),
      ...(f.success ? { success: f.success } : {}),
      paramsShape: paramsShape(f),
      paramsRequired: paramsRequired(f),
      ...(f.timeoutMs !== undefined ? { timeoutMs: f.timeoutMs } : {}),
      ...(f.pagination ? { pagination: f.pagination } : {}),
    };
    return { model, raw: f.sdk, tags: f.tags };
  });

  const { operations, resources } = buildSdk(drafts, schemaTypeNames, spec.file);
  const info = obj(doc, 'info') ?? {};
  return {
    title: str(info, 'title') ?? 'API',
    ...(str(info, 'x-upstream') ? { upstream: str(info, 'x-upstream')! } : {}),
    version: spec.version,
    schemas,
    operations,
    resources,
    hasWebhooks: spec.version === '3.1' && isNode(doc['webhooks']) && Object.keys(doc['webhooks']).length > 0,
  };
}
