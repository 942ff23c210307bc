/**
 * The generated samples: every request body, response body, parameter value and error body validates
 * against its schema (JSON Schema draft 2020-12, formats on), and the emitter is pure and deterministic:
 * emitting twice gives the same files, and the committed data is what the current spec produces.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockSpec, samples, SchemaValidator } from '@retell-kit/mock';
import { loadSpec, type LoadedSpec } from '../../generator/src/load/index.js';
import { buildModel } from '../../generator/src/ir/build.js';
import { dataOf, emitMocks } from '../../generator/src/emit/mocks/index.js';
import { SPEC_FILE } from '../contract/harness/spec.js';

const validator = new SchemaValidator(mockSpec);

describe('generated samples', () => {
  it('has samples for every route', () => {
    expect(mockSpec.routes.length).toBeGreaterThan(0);
    expect(mockSpec.routes.map((r) => r.operationId).filter((id) => !samples[id])).toEqual([]);
  });

  it('validates every sample against its schema', () => {
    const failures: string[] = [];
    let checked = 0;
    const check = (schema: Parameters<SchemaValidator['check']>[0] | undefined, value: unknown, where: string, coerce = false) => {
      if (schema === undefined) return;
      checked++;
      const issues = validator.check(schema, value, where, coerce);
      if (issues.length > 0) failures.push(`${where}: ${issues.map((i) => i.message).join('; ')}`);
    };
    for (const route of mockSpec.routes) {
      const s = samples[route.operationId]!;
      const id = route.operationId;
      if (route.body) {
        expect(s.request, `${id} has a request sample`).toBeDefined();
        check(route.body.schema, s.request, `${id} request`);
      }
      if (route.success.schema) {
        expect(s.response, `${id} has a response sample`).toBeDefined();
        check(route.success.schema, s.response, `${id} response`);
      }
      for (const p of route.queryParams) check(p.schema, s.query[p.name], `${id} query.${p.name}`);
      for (const p of route.pathParams) check(p.schema, s.path[p.name], `${id} path.${p.name}`);
      for (const status of route.errorStatuses) check(mockSpec.errorSchema, s.errors[String(status)], `${id} ${status}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(mockSpec.routes.length * 2);
  });

  it('rejects a sample that breaks its schema (the check can fail)', () => {
    const route = mockSpec.routes.find((r) => r.operationId === 'createAgent')!;
    const broken = { ...(samples['createAgent']!.response as object), version: 'one' };
    expect(validator.check(route.success.schema!, broken, 'response').map((i) => i.field)).toEqual(['response.version']);
  });
});

describe('mocks emitter', () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadSpec(SPEC_FILE);
  });

  it('is deterministic and matches the committed data', async () => {
    const first = emitMocks(spec, buildModel(spec));
    const second = emitMocks(spec, buildModel(spec));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.map((f) => f.path).sort()).toEqual([
      'packages/mock/src/generated/index.ts',
      'packages/mock/src/generated/samples.ts',
      'packages/mock/src/generated/spec.ts',
    ]);
    // The emitted literal is exactly the data the package exports (i.e. `pnpm generate` was run).
    expect(dataOf(first.find((f) => f.path.endsWith('samples.ts'))!)).toEqual(samples);
    expect(dataOf(first.find((f) => f.path.endsWith('spec.ts'))!)).toEqual(mockSpec);
  });

  it('prefers the spec example and falls back to a schema sample', () => {
    // createAgent has a curated example; its response sample is that example, not a sampler placeholder.
    expect((samples['createAgent']!.response as Record<string, unknown>)['agent_id']).toMatch(/^agent_/);
    const errorSample = samples['createAgent']!.errors['500'] as Record<string, unknown>;
    expect(typeof errorSample['message']).toBe('string');
  });
});
