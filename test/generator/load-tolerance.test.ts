/**
 * Lenient by default on deviations whose meaning is clear, strict on request; Swagger 2.0 converted on
 * load; failures inside a stage named with the stage and location. Small inline specs, one concern each.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../generator/src/cli/args.js';
import { ConfigError, inStage, SpecError, SpecErrors, StageError } from '../../generator/src/errors.js';
import { loadSpec } from '../../generator/src/load/index.js';
import { tempDir } from './helpers/files.js';

const dir = tempDir('tolerance');
let n = 0;
function specFile(doc: Record<string, unknown>): string {
  const file = path.join(dir, `spec-${++n}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };

const codeSamples = specFile({
  openapi: '3.0.3',
  info: { title: 'x', version: '1' },
  paths: { '/a': { get: { operationId: 'getA', 'x-code-samples': [{ language: 'curl', code: 'curl /a' }], responses: ok } } },
});

const nullable31 = specFile({
  openapi: '3.1.0',
  info: { title: 'x', version: '1' },
  paths: { '/a': { get: { operationId: 'getA', responses: ok } } },
  components: { schemas: { A: { type: 'string', nullable: true } } },
});

const realDefect = specFile({
  openapi: '3.0.3',
  info: { title: 'x', version: '1' },
  paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema: null } } } } } } },
});

function errorsOf(error: unknown): SpecError[] {
  if (error instanceof SpecErrors) return [...error.errors];
  if (error instanceof SpecError) return [error];
  throw error;
}

describe('tolerated deviations', () => {
  it.each([
    ['x-code-samples in a foreign shape', codeSamples, 'vendor-extension-shape', /^#\/paths\/~1a\/get\/x-code-samples\/0\//],
    ['3.0 nullable in a 3.1 document', nullable31, 'nullable-in-3.1', /^#\/components\/schemas\/A\/nullable$/],
  ])('%s: a warning with file and pointer by default, an error with --strict', async (_name, file, code, pointer) => {
    const spec = await loadSpec(file);
    expect(spec.warnings.length).toBeGreaterThan(0);
    for (const w of spec.warnings) {
      expect(w.code).toBe(code);
      expect(w.file).toMatch(/spec-\d+\.json$/);
      expect(w.pointer).toMatch(pointer);
    }
    const strict = await loadSpec(file, { tolerateDeviations: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(strict, '--strict must reject it').toBeDefined();
    expect(errorsOf(strict).every((e) => e.code === 'invalid-structure')).toBe(true);
  });

  it('a defect whose meaning is not clear stays an error by default (and a warning with --lenient)', async () => {
    const error = await loadSpec(realDefect).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorsOf(error)[0]?.code).toBe('invalid-structure');
    const lenient = await loadSpec(realDefect, { strict: false });
    expect(lenient.warnings.map((w) => w.code)).toEqual(['invalid-structure']);
  });

  it('the CLI: --strict and --lenient are flags of generate and exclude each other', () => {
    expect(parseArgs(['generate', '--strict'])).toMatchObject({ strict: true, lenient: false, format: 'always' });
    expect(parseArgs(['generate', '--format', 'never'])).toMatchObject({ format: 'never' });
    expect(() => parseArgs(['generate', '--strict', '--lenient'])).toThrow(ConfigError);
    expect(() => parseArgs(['generate', '--format', 'pretty'])).toThrow(ConfigError);
  });
});

describe('Swagger 2.0', () => {
  it('is converted to OpenAPI 3.0 on load and says so', async () => {
    const file = specFile({
      swagger: '2.0',
      info: { title: 'Pets', version: '1' },
      host: 'example.com',
      basePath: '/v1',
      paths: {
        '/pets/{id}': {
          get: {
            operationId: 'getPet',
            produces: ['application/json'],
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } },
          },
        },
      },
      definitions: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
    });
    const spec = await loadSpec(file);
    expect(spec.version).toBe('3.0');
    expect(spec.conversion).toMatchObject({ from: 'Swagger 2.0', tool: expect.stringMatching(/^swagger2openapi@\d+\.\d+\.\d+$/) });
    const components = spec.document['components'] as { schemas: Record<string, unknown> };
    expect(Object.keys(components.schemas)).toEqual(['Pet']);
    expect(JSON.stringify(spec.document['paths'])).toContain('#/components/schemas/Pet');
  });
});

describe('stage errors', () => {
  it('an unexpected failure inside a stage is named with the stage, operation and pointer', () => {
    const run = (): never =>
      inStage('emit', { part: 'operations', operation: 'getA', pointer: '/paths/~1a/get' }, () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      });
    expect(run).toThrow(StageError);
    expect(run).toThrow(/^emit stage failed at operations, operation "getA", #\/paths\/~1a\/get: Cannot read properties/);
  });

  it('named errors pass through unchanged, and async failures are wrapped too', async () => {
    const spec = new SpecError('dangling-ref', 'x', 'f.yaml', '/a');
    expect(() => inStage('ir', {}, () => { throw spec; })).toThrow(spec);
    await expect(inStage('format', { file: 'a.ts' }, () => Promise.reject(new Error('boom')))).rejects.toThrow(/^format stage failed at a\.ts: boom$/);
  });
});
