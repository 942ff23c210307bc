/**
 * The diff as a library: two loaded documents in, a report out (structural diff → checks → verdict).
 * No I/O here; the CLI loads the sides and prints.
 */
import { evaluate } from './engine.js';
import { listOperations } from './model/operations.js';
import { buildModel, fromBundled, GeneratorError, RefResolver, sdkSurface, SpecError, type JsonObject, type SdkSurface } from '@retell-kit/openapi-core';
import { DiffInputError, type SideName } from './errors.js';
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
  const baseModel = model(base, 'base');
  const headModel = model(head, 'head');
  const schemas = new SchemaDiffer(baseModel.normalizer, headModel.normalizer, options.includeDocs === true);
  const changes = diffOperations({ base: baseModel, head: headModel, schemas });
  // The facade methods an operation's findings are about: the head's, else (a removed operation) the base's.
  const sdkOf = (operation: OperationRef): readonly SdkMethod[] => {
    for (const side of [headModel, baseModel]) {
      const methods = side.surface.methods.filter((m) => m.verb === operation.method && m.path === operation.path);
      if (methods.length > 0) return methods.map((m) => ({ resource: m.resource, method: m.method, ...(m.paramsType !== null && { paramsType: m.paramsType }), responseType: m.responseType }));
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

function model(side: SideInput, name: SideName): SideModel {
  const resolver = new RefResolver(side.root);
  return { root: side.root, resolver, normalizer: new SchemaNormalizer(resolver), operations: listOperations(side.root, resolver), surface: surfaceOf(side, name) };
}

/**
 * The side's SDK surface, from the same model the facade is generated from. A spec the generator would
 * refuse (an `x-sdk` that names no path parameter, two methods bound to one name) has no facade to
 * compare: that is an error of the diff, not a silent "no SDK changes".
 */
function surfaceOf(side: SideInput, name: SideName): SdkSurface {
  try {
    return sdkSurface(buildModel(fromBundled(side.root as Record<string, unknown>, side.source)));
  } catch (error) {
    if (error instanceof GeneratorError) throw new DiffInputError(name, `cannot build the SDK surface of ${side.source}: ${error instanceof SpecError ? error.describe() : error.message}`);
    throw error;
  }
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
