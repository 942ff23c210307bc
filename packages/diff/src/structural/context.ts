/**
 * What the operation-level diffs share: both sides' models, the schema differ, and a sink that turns
 * facts into located `Change`s for the operation being compared.
 */
import type { OperationModel } from '../model/operations.js';
import type { JsonObject, RefResolver, SdkSurface } from '@retell-kit/openapi-core';
import type { SchemaNormalizer } from '../model/schema.js';
import type { Change, Direction, Fact, OperationRef, SchemaChange } from '../types.js';
import type { SchemaDiffer, SchemaDirection } from './schema-diff.js';

export interface SideModel {
  readonly root: JsonObject;
  readonly resolver: RefResolver;
  readonly normalizer: SchemaNormalizer;
  readonly operations: ReadonlyMap<string, OperationModel>;
  /** What the generated facade exports for this side (@retell-kit/openapi-core `sdkSurface`). */
  readonly surface: SdkSurface;
}

export interface DiffContext {
  readonly base: SideModel;
  readonly head: SideModel;
  readonly schemas: SchemaDiffer;
}

export class ChangeSink {
  readonly changes: Change[] = [];

  constructor(private readonly operation: OperationRef | null) {}

  add(fact: Fact, direction: Direction, location: string, origin: string | null = null): void {
    this.changes.push({ fact, direction, operation: this.operation, location, origin });
  }

  addSchema(changes: readonly SchemaChange[], direction: SchemaDirection, root: string): void {
    for (const change of changes) {
      // Property facts are recorded on the object; locate them at the property itself.
      const fact = change.fact;
      const tail = 'name' in fact ? [fact.name] : [];
      const origin = change.origin === undefined ? null : locate(change.origin.component, [...change.origin.path, ...tail]);
      this.add(fact, direction, locate(root, [...change.path, ...tail]), origin);
    }
  }
}

export function refOf(operation: OperationModel): OperationRef {
  return { method: operation.method, path: operation.path };
}

/** `body(application/json)` + `['nodes', '[]', '<ConversationNode>', 'operator']` → `body(application/json).nodes[]<ConversationNode>.operator`. */
export function locate(root: string, path: readonly string[]): string {
  let out = root;
  for (const segment of path) out += segment.startsWith('[') || segment.startsWith('{') || segment.startsWith('<') ? segment : `.${segment}`;
  return out;
}
