/**
 * The operations under contract, enumerated from the bundled spec (every path × method), never from a
 * hand-kept list. Each is joined with the generator's IR (how the generated surfaces are called) and the
 * generated mock data (schemas and samples); a spec operation missing from either is reported as such,
 * which is what happens when the spec grew and nobody regenerated.
 */
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../../generator/src/load/index.js';
import { buildModel } from '../../../generator/src/ir/build.js';
import type { ApiModel, MethodModel, OperationModel } from '../../../generator/src/ir/types.js';
import { mockSpec, samples, type MockRoute, type OperationSamples, type SampleTable } from '@retell-kit/mock';

export const SPEC_FILE = fileURLToPath(new URL('../../../spec/openapi.yaml', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface ContractOperation {
  /** `GET /get-agent/{agent_id}`: the test name. */
  readonly key: string;
  readonly operationId: string;
  readonly model?: OperationModel;
  readonly route?: MockRoute;
  readonly samples?: OperationSamples;
  /** Facade methods bound to the operation (several for shared routes). */
  readonly methods: readonly MethodModel[];
}

export interface ContractSpec {
  readonly operations: readonly ContractOperation[];
  /** Facade methods the spec declares (`x-sdk` pairs), as `resource.method`. */
  readonly facadeMethods: readonly string[];
}

/**
 * Joins every operation of a bundled document with the IR and the generated mock data. Pure, so a test
 * can show that an operation added to the spec becomes a contract case (and a coverage gap until the
 * generated code has it).
 */
export function enumerateOperations(
  document: Record<string, unknown>,
  model: ApiModel,
  routes: readonly MockRoute[],
  sampleTable: SampleTable,
): ContractSpec {
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, { operationId?: string; 'x-sdk'?: unknown }>>;
  const operations: ContractOperation[] = [];
  const facadeMethods: string[] = [];
  for (const path of Object.keys(paths).sort()) {
    for (const method of METHODS) {
      const raw = paths[path]![method];
      if (!raw) continue;
      const upper = method.toUpperCase();
      const op = model.operations.find((o) => o.path === path && o.method === upper);
      const operationId = raw.operationId ?? op?.operationId ?? `${method} ${path}`;
      const pairs = raw['x-sdk'] === undefined ? [] : Array.isArray(raw['x-sdk']) ? raw['x-sdk'] : [raw['x-sdk']];
      for (const p of pairs as { resource: string; method: string }[]) facadeMethods.push(`${p.resource}.${p.method}`);
      const methods = model.resources.flatMap((r) => r.methods.filter((m) => m.operation.path === path && m.operation.method === upper));
      const route = routes.find((r) => r.path === path && r.method === upper);
      operations.push({
        key: `${upper} ${path}`,
        operationId,
        ...(op ? { model: op } : {}),
        ...(route ? { route } : {}),
        ...(sampleTable[operationId] ? { samples: sampleTable[operationId] } : {}),
        methods,
      });
    }
  }
  return { operations, facadeMethods };
}

let cached: Promise<ContractSpec> | undefined;

export function contractSpec(): Promise<ContractSpec> {
  cached ??= (async () => {
    const spec = await loadSpec(SPEC_FILE);
    return enumerateOperations(spec.document, buildModel(spec), mockSpec.routes, samples);
  })();
  return cached;
}

/** Throws a clear message when a spec operation has no generated counterpart yet. */
export function requireGenerated(op: ContractOperation): { model: OperationModel; route: MockRoute; samples: OperationSamples } {
  if (!op.model) throw new Error(`${op.key}: the generator's IR has no operation for it`);
  if (!op.route || !op.samples) throw new Error(`${op.key}: no generated mock data; run \`pnpm generate\``);
  return { model: op.model, route: op.route, samples: op.samples };
}
