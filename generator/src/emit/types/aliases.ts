/**
 * `types.ts`: one exported alias per named schema, so users write `AgentResponse` instead of
 * `components['schemas']['AgentResponse']`. Names come from the IR (naming.ts handles odd keys).
 */
import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { ApiModel } from '../../ir/types.js';
import { tsString } from '../escape.js';
import { OUTPUT_DIRS, type StructureFile } from '../files.js';

export function emitSchemaAliases(model: ApiModel): StructureFile {
  const aliases: TypeAliasDeclarationStructure[] = model.schemas.map((s) => ({
    kind: StructureKind.TypeAlias,
    name: s.typeName,
    isExported: true,
    type: `components['schemas'][${tsString(s.key)}]`,
  }));
  return {
    path: `${OUTPUT_DIRS.client}/types.ts`,
    structure: {
      statements: [
        ...(aliases.length > 0 ? ["import type { components } from './schema.js';"] : []),
        ...aliases,
      ],
    },
  };
}
