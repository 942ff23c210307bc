/**
 * `client.ts` of the facade: `class Retell extends RetellCore` (the lean core: no typed path methods, no
 * openapi-fetch) with one property per resource, the error classes and `toFile` as statics, and a
 * `Retell` namespace that re-exports every resource class and type so `Retell.AgentCreateParams` works
 * as it does with the official SDK.
 */
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiModel } from '../../ir/types.js';
import { OUTPUT_DIRS, type StructureFile } from '../files.js';
import { API } from './method.js';
import { resourceTypeNames } from './resource.js';
import { docText } from '../escape.js';

/** Runtime values exposed as statics of the root class (the official SDK exposes the same ones). */
export const STATIC_EXPORTS = [
  'RetellError', 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError', 'NotFoundError',
  'ConflictError', 'RateLimitError', 'BadRequestError', 'AuthenticationError', 'InternalServerError',
  'PermissionDeniedError', 'UnprocessableEntityError', 'toFile',
] as const;

export function emitRoot(model: ApiModel): StructureFile {
  const schemaNames = new Set(model.schemas.map((s) => s.typeName));
  const statements: (string | StatementStructures)[] = [
    `import { RetellCore, ${STATIC_EXPORTS.join(', ')} } from '@retell-kit/client';`,
    `import type * as ${API} from '@retell-kit/client';`,
  ];
  for (const r of model.resources) {
    const types = resourceTypeNames(r, schemaNames);
    statements.push(`import { ${r.className}${types.map((t) => `, type ${t}`).join('')} } from './resources/${r.fileStem}.js';`);
  }
  statements.push({
    kind: StructureKind.Class,
    name: 'Retell',
    isExported: true,
    extends: 'RetellCore',
    docs: [docText(`Client for the ${model.title}: one property per resource, each method one HTTP operation.`)],
    properties: [
      { name: 'Retell', isStatic: true, initializer: 'this' },
      ...STATIC_EXPORTS.map((name) => ({ name, isStatic: true, initializer: name })),
      ...model.resources.map((r) => ({ name: r.property, type: r.className, initializer: `new ${r.className}(this)` })),
    ],
  });
  for (const r of model.resources) statements.push(`Retell.${r.className} = ${r.className};`);
  const members: string[] = [`export type RequestOptions = ${API}.RequestOptions;`];
  for (const r of model.resources) {
    const types = resourceTypeNames(r, schemaNames);
    members.push(`export { ${[`${r.className} as ${r.className}`, ...types.map((t) => `type ${t} as ${t}`)].join(', ')} };`);
  }
  for (const s of model.schemas) members.push(`export type ${s.typeName} = ${API}.${s.typeName};`);
  statements.push({
    kind: StructureKind.Module,
    name: 'Retell',
    isExported: true,
    hasDeclareKeyword: true,
    statements: members,
  });
  return { path: `${OUTPUT_DIRS.sdk}/client.ts`, structure: { statements } };
}
