/**
 * One facade method: the signature the official SDK uses (`method(lastPathParam, params?, options?)`)
 * and a body that forwards to the generated per-operation function of `@retell-kit/client`.
 */
import type { MethodDeclarationStructure, OptionalKind } from 'ts-morph';
import { NameScope, propertyKey, valueName } from '../../ir/naming.js';
import type { MethodModel, OperationModel, ParamModel } from '../../ir/types.js';
import { operationNames } from '../operations/function.js';
import { operationDoc, pathParamType } from '../ts-expr.js';
import { methodExample } from './example.js';

/** The module namespace the facade reads generated client code through (keeps names from clashing). */
export const API = 'api';

export function apiPathParamType(op: OperationModel, param: ParamModel): string {
  return pathParamType(op, param, `${API}.`);
}

/** The params type a facade method takes, or undefined when it takes none. */
export function facadeParamsType(m: MethodModel): string | undefined {
  const op = m.operation;
  const parts: string[] = [];
  if (op.paramsShape !== 'none') parts.push(`${API}.${operationNames(op).params}`);
  if (m.pathInParams.length > 0) {
    parts.push(`{ ${m.pathInParams.map((p) => `${propertyKey(p.name)}: ${apiPathParamType(op, p)}`).join('; ')} }`);
  }
  return parts.length > 0 ? parts.join(' & ') : undefined;
}

export function facadeReturnType(m: MethodModel, schemaNames: ReadonlySet<string>): string {
  const r = m.binding.responseType;
  const type = r === 'void' ? 'void' : schemaNames.has(r) ? `${API}.${r}` : r;
  const op = m.operation;
  return op.pagination ? `PagePromise<${type}, ${API}.${operationNames(op).item}>` : `APIPromise<${type}>`;
}

export function emitMethod(m: MethodModel, schemaNames: ReadonlySet<string>, resourceProperty: string): OptionalKind<MethodDeclarationStructure> {
  const op = m.operation;
  const scope = new NameScope(['params', 'options', 'rest', API]);
  const parameters: { name: string; type: string; hasQuestionToken?: boolean }[] = [];
  const args: string[] = ['this._client'];
  const statements: string[] = [];
  const positional = m.positional.map((p) => ({ p, ident: scope.claim(p.ident) }));
  for (const { p, ident } of positional) parameters.push({ name: ident, type: apiPathParamType(op, p) });
  const paramsType = facadeParamsType(m);
  if (paramsType) {
    parameters.push(
      m.paramsRequired ? { name: 'params', type: m.binding.paramsType } : { name: 'params', type: `${m.binding.paramsType} | null`, hasQuestionToken: true },
    );
  }
  const hasOpParams = op.paramsShape !== 'none';
  if (m.pathInParams.length > 0) {
    const picks = m.pathInParams.map((p) => ({ p, local: scope.claim(valueName(p.name)) }));
    const pattern = picks.map(({ p, local }) => (local === p.name ? local : `${propertyKey(p.name)}: ${local}`));
    if (hasOpParams) pattern.push('...rest');
    statements.push(`const { ${pattern.join(', ')} } = params;`);
    // Path params in template order: those from params first, then the positional last one.
    args.push(...picks.map((x) => x.local), ...positional.map((x) => x.ident));
    if (hasOpParams) args.push('rest');
  } else {
    args.push(...positional.map((x) => x.ident));
    if (hasOpParams) args.push(m.paramsRequired ? 'params' : 'params ?? undefined');
  }
  args.push('options');
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  statements.push(`return ${API}.${op.fnName}(${args.join(', ')});`);
  const doc = [operationDoc(op), '', '@example', '```ts', methodExample(m, resourceProperty), '```'].join('\n');
  return { name: m.name, docs: [doc], parameters, returnType: facadeReturnType(m, schemaNames), statements };
}
