/**
 * One operation → its `OperationSpec` const, its request/response type aliases and one exported
 * function `fn(client, ...pathParams, params?, options?)` that calls `client.request()`.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import { NameScope, propertyKey, valueName } from '../../ir/naming.js';
import type { OperationModel, ParamModel } from '../../ir/types.js';
import { docText, tsJson, tsString, wirePath } from '../escape.js';
import { bodyType, operationDoc, pathParamType, queryType, responseType } from '../ts-expr.js';

/**
 * The runtime's OperationSpec literal. Multipart operations carry their encoder (`encode: multipartBody`)
 * so only apps that call one bundle it. Body kinds the runtime cannot encode yet are left out (sent as given).
 */
function specLiteral(op: OperationModel): string {
  const fields: string[] = [
    `operationId: ${tsString(op.operationId)}`,
    `method: ${tsString(op.method)}`,
    `path: ${tsString(wirePath(op.path))}`,
  ];
  if (op.timeoutMs !== undefined) fields.push(`timeoutMs: ${op.timeoutMs}`);
  if (op.body?.kind === 'json' || op.body?.kind === 'multipart') fields.push(`body: ${tsString(op.body.kind)}`);
  if (op.body?.kind === 'multipart') fields.push('encode: multipartBody');
  if (op.pagination) fields.push(`pagination: ${tsJson(op.pagination)}`);
  return `{ ${fields.join(', ')} }`;
}

export interface OperationNames {
  readonly params: string;
  readonly query: string;
  readonly body: string;
  readonly response: string;
  readonly item: string;
  readonly spec: string;
}

export function operationNames(op: OperationModel): OperationNames {
  const s = op.typeStem;
  return { params: `${s}Params`, query: `${s}Query`, body: `${s}Body`, response: `${s}Response`, item: `${s}Item`, spec: `${op.fnName}Operation` };
}

function typeAliases(op: OperationModel, names: OperationNames): StatementStructures[] {
  const out: StatementStructures[] = [];
  const alias = (name: string, type: string, docs?: string): void => {
    out.push({ kind: StructureKind.TypeAlias, name, isExported: true, type, ...(docs ? { docs: [docText(docs)] } : {}) });
  };
  const hasQuery = op.queryParams.length > 0;
  if (hasQuery) alias(names.query, queryType(op), `Query parameters of \`${op.fnName}\`.`);
  if (op.body) alias(names.body, bodyType(op), `Request body of \`${op.fnName}\` (${op.body.mediaType}).`);
  switch (op.paramsShape) {
    case 'query':
      alias(names.params, names.query);
      break;
    case 'body':
      alias(names.params, names.body);
      break;
    case 'merged':
      alias(names.params, `${names.query} & ${names.body}`, 'Query and body fields in one object; the function splits them by name.');
      break;
    case 'separate':
      alias(names.params, `{ query${op.queryParams.some((p) => p.required) ? '' : '?'}: ${names.query}; body${op.body!.required ? '' : '?'}: ${names.body} }`);
      break;
    case 'none':
      break;
  }
  alias(names.response, responseType(op), `Successful response of \`${op.fnName}\`.`);
  if (op.pagination) alias(names.item, `NonNullable<${names.response}[${tsString(op.pagination.itemsField)}]>[number]`);
  return out;
}

interface Signature {
  readonly parameters: { name: string; type: string; hasQuestionToken?: boolean }[];
  readonly statements: string[];
}

/** A call's `RequestInput` literal and the statements that must run before it. */
export interface RequestInputCode {
  readonly statements: string[];
  readonly input: string;
  /**
   * The `OperationSpec` expression to send, given the const's name: the const itself, or for an
   * operation with styled path parameters (see `ParamModel.pathStyle`) a copy whose path is already
   * expanded by the runtime's `expandPath`.
   */
  readonly spec: (name: string) => string;
}

/**
 * The `RequestInput` literal for `op`, shared by the per-operation functions and the facade methods:
 * path params from `pathArg` (an expression per param), the rest from the `params` expression according
 * to the operation's params shape. `optional`: the caller may omit `params`; `nullable`: it may also be
 * `null` (facade signatures accept it, as the official SDK's do). Locals are claimed from `scope`, which
 * must reserve `body` (the merged shape's rest local).
 */
export function requestInput(
  op: OperationModel,
  pathArg: (p: ParamModel) => string,
  params: { expr: string; type: string; optional: boolean; nullable: boolean },
  scope: NameScope,
): RequestInputCode {
  const fields: string[] = [];
  const statements: string[] = [];
  let spec = (name: string): string => name;
  if (op.pathParams.length > 0) {
    const entries = op.pathParams.map((p) => ({ key: p.name, expr: pathArg(p) }));
    const values = `{ ${entries.map(({ key, expr }) => (expr === key ? expr : `${propertyKey(key)}: ${expr}`)).join(', ')} }`;
    const styled = op.pathParams.filter((p) => p.pathStyle);
    if (styled.length === 0) fields.push(`path: ${values}`);
    else {
      const styles = `{ ${styled.map((p) => `${propertyKey(p.name)}: ${tsJson(p.pathStyle)}`).join(', ')} }`;
      spec = (name) => `{ ...${name}, path: expandPath(${name}.path, ${values}, ${styles}) }`;
    }
  }
  const value = params.nullable ? `${params.expr} ?? undefined` : params.expr;
  switch (op.paramsShape) {
    case 'none':
      break;
    case 'query':
      fields.push(`query: ${value}`);
      break;
    case 'body':
      // A required body with no required field may be omitted by the caller; send `{}` then.
      fields.push(op.body!.required && params.optional ? `body: ${params.expr} ?? {}` : `body: ${value}`);
      break;
    case 'merged': {
      const picks = op.queryParams.map((q) => ({ name: q.name, local: scope.claim(valueName(q.name)) }));
      const pattern = picks.map((p) => (p.local === p.name ? p.local : `${propertyKey(p.name)}: ${p.local}`));
      const source = params.optional ? `: Partial<${params.type}> = ${params.expr} ?? {}` : ` = ${params.expr}`;
      statements.push(`const { ${[...pattern, '...body'].join(', ')} }${source};`);
      fields.push(`query: { ${pattern.join(', ')} }`, 'body');
      break;
    }
    case 'separate':
      fields.push(`query: ${params.expr}?.query`, `body: ${params.expr}?.body`);
      break;
  }
  return { statements, input: `{ ${fields.join(', ')} }`, spec };
}

/** The runtime call that sends `op`: `client.request<R>(...)`, or `requestPage<R, Item>(client, ...)` for paginated operations. */
export function requestCall(op: OperationModel, client: string, spec: string, input: string, response: string, item: string): string {
  return op.pagination
    ? `requestPage<${response}, ${item}>(${client}, ${spec}, ${input}, options)`
    : `${client}.request<${response}>(${spec}, ${input}, options)`;
}

function signature(op: OperationModel, names: OperationNames): Signature {
  const scope = new NameScope(['client', 'params', 'options', 'query', 'body', 'path']);
  const parameters: Signature['parameters'] = [{ name: 'client', type: 'RequestClient' }];
  const idents = new Map<string, string>();
  for (const p of op.pathParams) {
    const ident = scope.claim(p.ident);
    idents.set(p.name, ident);
    parameters.push({ name: ident, type: pathParamType(op, p) });
  }
  const optional = !op.paramsRequired;
  if (op.paramsShape !== 'none') parameters.push({ name: 'params', type: names.params, hasQuestionToken: optional });
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  const { statements, input, spec } = requestInput(op, (p) => idents.get(p.name)!, { expr: 'params', type: names.params, optional, nullable: false }, scope);
  return { parameters, statements: [...statements, `return ${requestCall(op, 'client', spec(names.spec), input, names.response, names.item)};`] };
}

export function emitOperation(op: OperationModel): StatementStructures[] {
  const names = operationNames(op);
  const sig = signature(op, names);
  const returnType = op.pagination ? `PagePromise<${names.response}, ${names.item}>` : `APIPromise<${names.response}>`;
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [docText(`Static description of \`${op.method} ${op.path}\` for the runtime.`)],
      declarations: [{ name: names.spec, type: 'OperationSpec', initializer: specLiteral(op) }],
    },
    ...typeAliases(op, names),
    {
      kind: StructureKind.Function,
      name: op.fnName,
      isExported: true,
      docs: [docText(operationDoc(op))],
      parameters: sig.parameters,
      returnType,
      statements: sig.statements,
    },
  ];
}
