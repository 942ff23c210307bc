/**
 * One operation → its `OperationSpec` const, its request/response type aliases and one exported
 * function `fn(client, ...pathParams, params?, options?)` that calls `client.request()`.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import { NameScope, propertyKey, valueName } from '../../ir/naming.js';
import type { OperationModel } from '../../ir/types.js';
import { bodyType, operationDoc, pathParamType, queryType, responseType } from '../ts-expr.js';

/** The runtime's OperationSpec literal. Body kinds the runtime cannot encode yet are left out (sent as given). */
function specLiteral(op: OperationModel): string {
  const fields: string[] = [
    `operationId: ${JSON.stringify(op.operationId)}`,
    `method: ${JSON.stringify(op.method)}`,
    `path: ${JSON.stringify(op.path)}`,
  ];
  if (op.timeoutMs !== undefined) fields.push(`timeoutMs: ${op.timeoutMs}`);
  if (op.body?.kind === 'json' || op.body?.kind === 'multipart') fields.push(`body: ${JSON.stringify(op.body.kind)}`);
  if (op.pagination) fields.push(`pagination: ${JSON.stringify(op.pagination)}`);
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
    out.push({ kind: StructureKind.TypeAlias, name, isExported: true, type, ...(docs ? { docs: [docs] } : {}) });
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
  if (op.pagination) alias(names.item, `NonNullable<${names.response}[${JSON.stringify(op.pagination.itemsField)}]>[number]`);
  return out;
}

interface Signature {
  readonly parameters: { name: string; type: string; hasQuestionToken?: boolean }[];
  readonly statements: string[];
}

function signature(op: OperationModel, names: OperationNames): Signature {
  const scope = new NameScope(['client', 'params', 'options', 'query', 'body', 'path']);
  const parameters: Signature['parameters'] = [{ name: 'client', type: 'RequestClient' }];
  const pathFields: string[] = [];
  for (const p of op.pathParams) {
    const ident = scope.claim(p.ident);
    parameters.push({ name: ident, type: pathParamType(op, p) });
    pathFields.push(ident === p.name ? ident : `${propertyKey(p.name)}: ${ident}`);
  }
  const input: string[] = [];
  if (pathFields.length > 0) input.push(`path: { ${pathFields.join(', ')} }`);
  const statements: string[] = [];
  const optional = !op.paramsRequired;
  const body = op.body;
  switch (op.paramsShape) {
    case 'none':
      break;
    case 'query':
      parameters.push({ name: 'params', type: names.params, hasQuestionToken: optional });
      input.push('query: params');
      break;
    case 'body':
      parameters.push({ name: 'params', type: names.params, hasQuestionToken: optional });
      // A required body with no required field may be omitted by the caller; send `{}` then.
      input.push(body!.required && optional ? 'body: params ?? {}' : 'body: params');
      break;
    case 'merged': {
      parameters.push({ name: 'params', type: names.params, hasQuestionToken: optional });
      const picks = op.queryParams.map((q) => ({ name: q.name, local: scope.claim(valueName(q.name)) }));
      const pattern = picks.map((p) => (p.local === p.name ? p.local : `${propertyKey(p.name)}: ${p.local}`));
      const source = optional ? `: Partial<${names.params}> = params ?? {}` : ' = params';
      statements.push(`const { ${[...pattern, '...body'].join(', ')} }${source};`);
      input.push(`query: { ${picks.map((p) => (p.local === p.name ? p.local : `${propertyKey(p.name)}: ${p.local}`)).join(', ')} }`);
      input.push('body');
      break;
    }
    case 'separate':
      parameters.push({ name: 'params', type: names.params, hasQuestionToken: optional });
      input.push('query: params?.query', 'body: params?.body');
      break;
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  const call = op.pagination
    ? `client.requestPage<${names.response}, ${names.item}>`
    : `client.request<${names.response}>`;
  statements.push(`return ${call}(${names.spec}, { ${input.join(', ')} }, options);`);
  return { parameters, statements };
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
      docs: [`Static description of \`${op.method} ${op.path}\` for the runtime.`],
      declarations: [{ name: names.spec, type: 'OperationSpec', initializer: specLiteral(op) }],
    },
    ...typeAliases(op, names),
    {
      kind: StructureKind.Function,
      name: op.fnName,
      isExported: true,
      docs: [operationDoc(op)],
      parameters: sig.parameters,
      returnType,
      statements: sig.statements,
    },
  ];
}
