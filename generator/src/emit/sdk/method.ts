/**
 * One facade method: the signature the official SDK uses (`method(...pathParams, params?, options?)`)
 * and a body that sends the operation through the client's runtime.
 */
import type { MethodDeclarationStructure, OptionalKind } from 'ts-morph';
import { NameScope, propertyKey, valueName } from '../../ir/naming.js';
import type { MethodModel, OperationModel, ParamModel } from '../../ir/types.js';
import { operationNames, requestCall, requestInput } from '../operations/function.js';
import { docText } from '../escape.js';
import { operationDoc, pathParamType } from '../ts-expr.js';
import { methodExample } from './example.js';

/** The module namespace the facade reads generated client code through (keeps names from clashing). */
export const API = 'api';

export function apiPathParamType(op: OperationModel, param: ParamModel): string {
  return pathParamType(op, param, `${API}.`);
}

/** Schema type names by component key (`components.schemas`), for params that are one schema. */
export type SchemaTypes = ReadonlyMap<string, string>;

/**
 * The type of an operation's own params: the schema's type when the params are exactly a request body
 * that is a plain `$ref` (`api.AgentCreateRequest`), so a facade type names the schema type instead of
 * restating it through `paths[...]`; else the operation's params type (`api.ListAgentsParams`).
 */
export function operationParamsType(op: OperationModel, schemaTypes?: SchemaTypes): string {
  const ref = op.paramsShape === 'body' && op.body?.schemaRef ? schemaTypes?.get(op.body.schemaRef) : undefined;
  return `${API}.${ref ?? operationNames(op).params}`;
}

/** The params type a facade method takes, or undefined when it takes none. */
export function facadeParamsType(m: MethodModel, schemaTypes?: SchemaTypes): string | undefined {
  // Whether there is a params object at all is the model's fact (the SDK surface reads the same one).
  if (!m.takesParams) return undefined;
  const op = m.operation;
  const parts: string[] = [];
  if (op.paramsShape !== 'none') parts.push(operationParamsType(op, schemaTypes));
  if (m.pathInParams.length > 0) {
    parts.push(`{ ${m.pathInParams.map((p) => `${propertyKey(p.name)}: ${apiPathParamType(op, p)}`).join('; ')} }`);
  }
  return parts.length > 0 ? parts.join(' & ') : undefined;
}

/** The type a facade method's promise resolves to (the page type for paginated methods). */
function facadeResultType(m: MethodModel, schemaNames: ReadonlySet<string>): string {
  const r = m.binding.responseType;
  return r === 'void' ? 'void' : schemaNames.has(r) ? `${API}.${r}` : r;
}

export function facadeReturnType(m: MethodModel, schemaNames: ReadonlySet<string>): string {
  const type = facadeResultType(m, schemaNames);
  const op = m.operation;
  return op.pagination ? `PagePromise<${type}, ${API}.${operationNames(op).item}>` : `APIPromise<${type}>`;
}

/**
 * One method. Its body calls the runtime directly with the operation's `OperationSpec`, declared in the
 * facade's own module (`this._client.request(getAgentOperation, { path: { agent_id: agentId } }, options)`),
 * not the per-operation function: the facade carries one call per method, no wrapper functions, and
 * loads none of the client's generated modules at run time.
 */
export function emitMethod(
  m: MethodModel,
  schemaNames: ReadonlySet<string>,
  resourceProperty: string,
  schemaTypes?: SchemaTypes,
): OptionalKind<MethodDeclarationStructure> {
  const op = m.operation;
  const names = operationNames(op);
  const scope = new NameScope(['params', 'options', 'rest', 'query', 'body', 'path', 'requestPage', API]);
  const parameters: { name: string; type: string; hasQuestionToken?: boolean }[] = [];
  const statements: string[] = [];
  const pathArgs = new Map<ParamModel, string>();
  for (const p of m.positional) {
    const ident = scope.claim(p.ident);
    pathArgs.set(p, ident);
    parameters.push({ name: ident, type: apiPathParamType(op, p) });
  }
  const paramsType = facadeParamsType(m);
  if (paramsType) {
    parameters.push(
      m.paramsRequired ? { name: 'params', type: m.binding.paramsType } : { name: 'params', type: `${m.binding.paramsType} | null`, hasQuestionToken: true },
    );
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  const hasOpParams = op.paramsShape !== 'none';
  let opParams = { expr: 'params', type: operationParamsType(op, schemaTypes), optional: !m.paramsRequired, nullable: !m.paramsRequired };
  if (m.pathInParams.length > 0) {
    // Path params that travel inside `params` are taken out; what is left is the operation's own params.
    const picks = m.pathInParams.map((p) => ({ p, local: scope.claim(valueName(p.name)) }));
    for (const { p, local } of picks) pathArgs.set(p, local);
    const pattern = picks.map(({ p, local }) => (local === p.name ? local : `${propertyKey(p.name)}: ${local}`));
    if (hasOpParams) pattern.push('...rest');
    statements.push(`const { ${pattern.join(', ')} } = params;`);
    opParams = { ...opParams, expr: 'rest', optional: false, nullable: false };
  }
  const { statements: prelude, input, spec } = requestInput(op, (p) => pathArgs.get(p)!, opParams, scope);
  statements.push(...prelude);
  const call = requestCall(op, 'this._client', spec(names.spec), input, facadeResultType(m, schemaNames), `${API}.${names.item}`);
  statements.push(`return ${call};`);
  const doc = [operationDoc(op), '', '@example', '```ts', methodExample(m, resourceProperty), '```'].join('\n');
  return { name: m.name, docs: [docText(doc)], parameters, returnType: facadeReturnType(m, schemaNames), statements };
}
