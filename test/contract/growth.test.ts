/**
 * The suite grows with the spec: an operation added to the bundled document is enumerated as a contract
 * case with no test code written; until `pnpm generate` has run it is a gap (no generated data), and
 * once the mocks emitter has seen it, its route and samples are there for every surface.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/src/load/index.js';
import { buildModel } from '../../generator/src/ir/build.js';
import type { LoadedSpec } from '../../generator/src/load/index.js';
import { dataOf, emitMocks } from '../../generator/src/emit/mocks/index.js';
import { mockSpec, samples, type MockSpec, type SampleTable } from '@retell-kit/mock';
import { enumerateOperations, requireGenerated, SPEC_FILE } from './harness/spec.js';

/** The real spec plus one new operation, `GET /get-widget/{widget_id}`. */
async function grownSpec(): Promise<LoadedSpec> {
  const spec = await loadSpec(SPEC_FILE);
  const document = structuredClone(spec.document);
  (document['paths'] as Record<string, unknown>)['/get-widget/{widget_id}'] = {
    get: {
      operationId: 'getWidget',
      'x-sdk': { resource: 'widget', method: 'retrieve' },
      parameters: [{ name: 'widget_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'The widget.',
          content: { 'application/json': { schema: { type: 'object', required: ['widget_id'], properties: { widget_id: { type: 'string' } } } } },
        },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  };
  return { ...spec, document };
}

function literal<T>(files: ReturnType<typeof emitMocks>, suffix: string): T {
  return dataOf(files.find((f) => f.path.endsWith(suffix))!) as T;
}

describe('a new spec operation', () => {
  it('becomes a contract case by itself, a gap before regeneration and covered data after', async () => {
    const spec = await grownSpec();
    const model = buildModel(spec);
    const before = enumerateOperations(spec.document, model, mockSpec.routes, samples);
    const widget = before.operations.find((o) => o.key === 'GET /get-widget/{widget_id}');
    expect(widget, 'enumerated from the document').toBeDefined();
    expect(before.operations.length).toBe(mockSpec.routes.length + 1);
    expect(before.facadeMethods).toContain('widget.retrieve');
    expect(() => requireGenerated(widget!)).toThrow('run `pnpm generate`');

    const files = emitMocks(spec, model);
    const after = enumerateOperations(spec.document, model, literal<MockSpec>(files, 'spec.ts').routes, literal<SampleTable>(files, 'samples.ts'));
    const generated = requireGenerated(after.operations.find((o) => o.key === 'GET /get-widget/{widget_id}')!);
    expect(generated.route.success.status).toBe(200);
    expect(generated.samples.response).toEqual({ widget_id: 'string' });
    expect(generated.model.fnName).toBe('getWidget');
    expect(after.operations.find((o) => o.key === 'GET /get-widget/{widget_id}')!.methods.map((m) => m.name)).toEqual(['retrieve']);
  });
});
