/**
 * The diff as a library: two loaded documents in, a report out (structural diff → checks → verdict).
 * No I/O here; the CLI loads the sides and prints.
 */
import { evaluate } from './engine.js';
import type { JsonObject } from './model/json.js';
import { listOperations } from './model/operations.js';
import { Resolver } from './model/resolver.js';
import { SchemaNormalizer } from './model/schema.js';
import type { SideModel } from './structural/context.js';
import { diffOperations } from './structural/operations-diff.js';
import { SchemaDiffer } from './structural/schema-diff.js';
import type { SeverityOverrides } from './rules/severity.js';
import type { Finding, OperationRef, SdkMethod } from './types.js';
import { verdictOf, type Verdict } from './verdict.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface SideInput {
  readonly source: string;
  readonly root: JsonObject;
  readonly openapi: string;
  readonly version: string | null;
}

export interface DiffReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly base: SideSummary;
  readonly head: SideSummary;
  readonly verdict: Verdict;
  readonly summary: { readonly breaking: number; readonly warning: number; readonly info: number };
  readonly findings: readonly Finding[];
}

export interface SideSummary {
  readonly source: string;
  readonly openapi: string;
  readonly version: string | null;
}

export interface DiffOptions {
  /** Per-rule level overrides (`--severity-config`); levels not listed keep the catalog default. */
  readonly severity?: SeverityOverrides;
  /** Also report description and example changes inside schemas (`--include-docs`). */
  readonly includeDocs?: boolean;
}

export function diffDocuments(base: SideInput, head: SideInput, options: DiffOptions = {}): DiffReport {
  const baseModel = model(base.root);
  const headModel = model(head.root);
  const schemas = new SchemaDiffer(baseModel.normalizer, headModel.normalizer, options.includeDocs === true);
  const changes = diffOperations({ base: baseModel, head: headModel, schemas });
  const sdkOf = (operation: OperationRef): readonly SdkMethod[] => {
    const text = `${operation.method} ${operation.path}`;
    for (const side of [headModel, baseModel]) {
      for (const op of side.operations.values()) if (`${op.method} ${op.path}` === text) return op.sdk;
    }
    return [];
  };
  const findings = evaluate(changes, memoize(sdkOf), options.severity);
  const count = (level: Finding['level']): number => findings.filter((f) => f.level === level).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    base: { source: base.source, openapi: base.openapi, version: base.version },
    head: { source: head.source, openapi: head.openapi, version: head.version },
    verdict: verdictOf(findings),
    summary: { breaking: count('breaking'), warning: count('warning'), info: count('info') },
    findings,
  };
}

function model(root: JsonObject): SideModel {
  const resolver = new Resolver(root);
  return { root, resolver, normalizer: new SchemaNormalizer(resolver), operations: listOperations(root, resolver) };
}

function memoize(lookup: (operation: OperationRef) => readonly SdkMethod[]): (operation: OperationRef) => readonly SdkMethod[] {
  const cache = new Map<string, readonly SdkMethod[]>();
  return (operation) => {
    const key = `${operation.method} ${operation.path}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = lookup(operation);
      cache.set(key, hit);
    }
    return hit;
  };
}
