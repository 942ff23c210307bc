/**
 * `client.ts`, the facade in one module (one file to load, one declaration file to check): the
 * operations' `OperationSpec`s, every resource class (see resource.ts), and `class Retell extends RetellClient` (the lean core plus the official
 * client's members, hand-written in `packages/sdk/src/lib`; no typed path methods, no openapi-fetch)
 * with one lazily created property per resource, the error classes and `toFile` as statics, and a
 * `Retell` namespace merged into the class that re-exports every resource class and type, so
 * `Retell.ConversationFlow` is the resource class and `Retell.AgentCreateParams` a type, as with the
 * official SDK. Schemas named like a resource class are left out of the namespace (the class keeps the
 * name); they are reachable through the class's own namespace (`Retell.ConversationFlow.ConversationFlow`).
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import type { ApiModel, OperationModel } from '../../ir/types.js';
import { OUTPUT_DIRS, type StructureFile } from '../files.js';
import { operationNames } from '../operations/function.js';
import { API } from './method.js';
import { resourceStatements, resourceTypeNames } from './resource.js';
import { docText, wirePath } from '../escape.js';

/** Runtime values exposed as statics of the root class (the official SDK exposes the same ones). */
export const STATIC_EXPORTS = [
  'RetellError', 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError', 'NotFoundError',
  'ConflictError', 'RateLimitError', 'BadRequestError', 'AuthenticationError', 'InternalServerError',
  'PermissionDeniedError', 'UnprocessableEntityError', 'toFile',
] as const;

/**
 * The runtime's `OperationSpec` for `op`, declared in the facade's module (the same fields as the client's
 * exported const; the contract tests send every operation through both). Multipart operations carry
 * their encoder, so `multipartBody` is referenced only where a method needs it.
 */
function specLiteral(op: OperationModel): string {
  const fields: string[] = [`operationId: ${JSON.stringify(op.operationId)}`, `method: ${JSON.stringify(op.method)}`, `path: ${JSON.stringify(wirePath(op.path))}`];
  if (op.timeoutMs !== undefined) fields.push(`timeoutMs: ${op.timeoutMs}`);
  if (op.body?.kind === 'json' || op.body?.kind === 'multipart') fields.push(`body: ${JSON.stringify(op.body.kind)}`);
  if (op.body?.kind === 'multipart') fields.push('encode: multipartBody');
  if (op.pagination) fields.push(`pagination: ${JSON.stringify(op.pagination)}`);
  return `{ ${fields.join(', ')} }`;
}

export function emitRoot(model: ApiModel): StructureFile {
  const schemaNames = new Set(model.schemas.map((s) => s.typeName));
  const schemaTypes = new Map(model.schemas.map((s) => [s.key, s.typeName]));
  const operations = new Map<string, OperationModel>();
  for (const r of model.resources) for (const m of r.methods) operations.set(operationNames(m.operation).spec, m.operation);
  const ops = [...operations.values()];
  const runtime = [
    ...STATIC_EXPORTS,
    ...(ops.some((op) => op.pagination) ? ['requestPage'] : []),
    ...(ops.some((op) => op.body?.kind === 'multipart') ? ['multipartBody'] : []),
    ...(ops.some((op) => op.pathParams.some((p) => p.pathStyle)) ? ['expandPath'] : []),
    'type APIPromise',
    ...(ops.some((op) => op.pagination) ? ['type PagePromise'] : []),
    'type OperationSpec',
    'type RequestOptions',
  ];
  const statements: (string | StatementStructures)[] = [
    // Values from the runtime entry only: the client's generated modules are read for types, never loaded.
    `import { ${runtime.join(', ')} } from '@retell-kit/client/runtime';`,
    `import type * as ${API} from '@retell-kit/client/types';`,
    "import { APIResource, RetellClient } from '../lib/index.js';",
  ];
  for (const [name, op] of operations) {
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, type: 'OperationSpec', initializer: specLiteral(op) }],
    });
  }
  for (const r of model.resources) statements.push(...resourceStatements(r, schemaNames, schemaTypes));
  statements.push({
    kind: StructureKind.Class,
    name: 'Retell',
    isExported: true,
    extends: 'RetellClient',
    docs: [docText(`Client for the ${model.title}: one property per resource, each method one HTTP operation.`)],
    properties: [
      { name: 'Retell', isStatic: true, initializer: 'this' },
      ...STATIC_EXPORTS.map((name) => ({ name, isStatic: true, initializer: name })),
      ...model.resources.map((r) => ({ name: `#${r.property}`, type: `${r.className} | undefined` })),
    ],
    // Created on first use: a client that calls two resources builds two objects, not every one.
    getAccessors: model.resources.map((r) => ({
      name: r.property,
      returnType: r.className,
      statements: [`return (this.#${r.property} ??= new ${r.className}(this));`],
    })),
  });
  for (const r of model.resources) statements.push(`Retell.${r.className} = ${r.className};`);
  const members: string[] = [`export type RequestOptions = ${API}.RequestOptions;`];
  for (const r of model.resources) {
    const types = resourceTypeNames(r, schemaNames);
    members.push(`export { ${[`${r.className} as ${r.className}`, ...types.map((t) => `type ${t} as ${t}`)].join(', ')} };`);
  }
  const classNames = new Set(model.resources.map((r) => r.className));
  for (const s of model.schemas) if (!classNames.has(s.typeName)) members.push(`export type ${s.typeName} = ${API}.${s.typeName};`);
  statements.push({
    kind: StructureKind.Module,
    name: 'Retell',
    isExported: true,
    hasDeclareKeyword: true,
    statements: members,
  });
  return { path: `${OUTPUT_DIRS.sdk}/client.ts`, structure: { statements } };
}
