/**
 * The static table of emitters. Each takes the IR (and, for the types, the loaded document) and
 * returns files as ts-morph structures or text; none of them touches the file system.
 */
import type { ApiModel } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import { emitClientFactory, emitClientIndex } from './client/entry.js';
import { emitApiDoc } from './docs/api-md.js';
import { emitMocks } from './mocks/index.js';
import type { EmittedFile } from './files.js';
import { emitOperations } from './operations/index.js';
import { emitSdkEntry, emitSdkIndex } from './sdk/entry.js';
import { emitResource } from './sdk/resource.js';
import { emitRoot } from './sdk/root.js';
import { emitSchemaAliases } from './types/aliases.js';
import { emitSchema } from './types/schema.js';

export interface EmitInput {
  readonly spec: LoadedSpec;
  readonly model: ApiModel;
}

export interface Emitter {
  readonly name: string;
  emit(input: EmitInput): EmittedFile[];
}

export const EMITTERS: readonly Emitter[] = [
  { name: 'types', emit: ({ spec, model }) => [emitSchema(spec), emitSchemaAliases(model)] },
  { name: 'operations', emit: ({ model }) => [...emitOperations(model), emitClientFactory(), emitClientIndex(model)] },
  {
    name: 'sdk',
    emit: ({ model }) => {
      const schemaNames = new Set(model.schemas.map((s) => s.typeName));
      return [...model.resources.map((r) => emitResource(r, schemaNames)), emitRoot(model), emitSdkIndex(model), emitSdkEntry()];
    },
  },
  { name: 'docs', emit: ({ model }) => [emitApiDoc(model)] },
  { name: 'mocks', emit: ({ spec, model }) => emitMocks(spec, model) },
];
