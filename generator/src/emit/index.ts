/**
 * The static table of emitters. Each takes the IR (and, for the types, the loaded document) and
 * returns files as ts-morph structures or text; none of them touches the file system.
 */
import type { ApiModel } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import { emitClientFactory, emitClientIndex, emitClientTypesEntry } from './client/entry.js';
import { emitDocs } from './docs/index.js';
import { emitLlmSocketSchemas } from './llm-socket/index.js';
import { emitMocks } from './mocks/index.js';
import type { EmittedFile } from './files.js';
import { emitOperations } from './operations/index.js';
import { emitPython } from './python/index.js';
import { emitSdkEntry, emitSdkIndex } from './sdk/entry.js';
import { emitRoot } from './sdk/root.js';
import { emitSchemaAliases } from './types/aliases.js';

export interface EmitInput {
  readonly spec: LoadedSpec;
  readonly model: ApiModel;
}

export interface Emitter {
  readonly name: string;
  /** May run on a worker thread (see emit/types/off-thread.ts); its output must only depend on the spec. */
  readonly offThread?: boolean;
  emit(input: EmitInput): EmittedFile[] | Promise<EmittedFile[]>;
}

export const EMITTERS: readonly Emitter[] = [
  // Loaded on demand: TypeScript and openapi-typescript are only needed where this emitter runs.
  {
    name: 'schema',
    offThread: true,
    emit: async ({ spec }) => {
      // openapi-typescript must load after the hooks that give it our TypeScript and Redocly.
      (await import('./types/share-modules.js')).shareModules();
      return [(await import('./types/schema.js')).emitSchema(spec)];
    },
  },
  { name: 'types', emit: ({ model }) => [emitSchemaAliases(model)] },
  { name: 'operations', emit: ({ model }) => [...emitOperations(model), emitClientFactory(), emitClientIndex(model), emitClientTypesEntry(model)] },
  {
    name: 'sdk',
    emit: ({ model }) => [emitRoot(model), emitSdkIndex(model), emitSdkEntry()],
  },
  { name: 'docs', emit: ({ spec, model }) => emitDocs(spec, model) },
  { name: 'mocks', emit: ({ spec, model }) => emitMocks(spec, model) },
  { name: 'llm-socket', emit: ({ spec }) => emitLlmSocketSchemas(spec) },
  { name: 'python', emit: ({ spec, model }) => emitPython(spec, model) },
];
