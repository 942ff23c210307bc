/**
 * One resource, as statements of the facade's module: the resource class (`class Agent extends APIResource`), the exported
 * params/response type names of its methods (`AgentCreateParams`, `AgentListResponse`, ...), and, as the
 * official SDK does, a namespace merged into the class that re-exports those types (`Agent.AgentCreateParams`).
 * A schema named like the class (`ConversationFlow`) is reachable there too, since the class takes its
 * name everywhere else.
 */
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ResourceModel } from '../../ir/types.js';
import { isResponseAlias } from '../../ir/sdk.js';
import { operationNames } from '../operations/function.js';
import { API, emitMethod, facadeParamsType, type SchemaTypes } from './method.js';

/** Type names a resource file declares, in declaration order (the root client re-exports them). */
export function resourceTypeNames(resource: ResourceModel, schemaNames: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const m of resource.methods) {
    if (facadeParamsType(m) && !names.includes(m.binding.paramsType)) names.push(m.binding.paramsType);
    if (isResponseAlias(m.binding, schemaNames) && !names.includes(m.binding.responseType)) names.push(m.binding.responseType);
  }
  return names;
}

export function resourceStatements(
  resource: ResourceModel,
  schemaNames: ReadonlySet<string>,
  schemaTypes?: SchemaTypes,
): (string | StatementStructures)[] {
  const statements: (string | StatementStructures)[] = [
    {
      kind: StructureKind.Class,
      name: resource.className,
      isExported: true,
      extends: 'APIResource',
      methods: resource.methods.map((m) => emitMethod(m, schemaNames, resource.property, schemaTypes)),
    },
  ];
  const declared = new Set<string>();
  for (const m of resource.methods) {
    const params = facadeParamsType(m, schemaTypes);
    if (params && !declared.has(m.binding.paramsType)) {
      declared.add(m.binding.paramsType);
      statements.push({ kind: StructureKind.TypeAlias, name: m.binding.paramsType, isExported: true, type: params, docs: [`Params of \`${resource.property}.${m.name}\`.`] });
    }
    if (isResponseAlias(m.binding, schemaNames) && !declared.has(m.binding.responseType)) {
      declared.add(m.binding.responseType);
      statements.push({
        kind: StructureKind.TypeAlias,
        name: m.binding.responseType,
        isExported: true,
        type: `${API}.${operationNames(m.operation).response}`,
        docs: [`Response of \`${resource.property}.${m.name}\`.`],
      });
    }
  }
  const members = [...declared].map((t) => `type ${t} as ${t}`);
  const shadowed = schemaNames.has(resource.className) ? [`export type ${resource.className} = ${API}.${resource.className};`] : [];
  if (members.length > 0 || shadowed.length > 0) {
    statements.push({
      kind: StructureKind.Module,
      name: resource.className,
      isExported: true,
      hasDeclareKeyword: true,
      statements: [...(members.length > 0 ? [`export { ${members.join(', ')} };`] : []), ...shadowed],
    });
  }
  return statements;
}
