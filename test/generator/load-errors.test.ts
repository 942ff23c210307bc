/**
 * Bad input: each broken spec is a named error with a code, the file and (when it has one) a JSON
 * pointer. Table-driven: [case, { file, want }].
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError, SpecErrors } from '../../generator/src/errors.js';
import { loadSpec } from '../../generator/src/load/index.js';
import { buildModel } from '../../generator/src/ir/build.js';

const BAD = path.join(import.meta.dirname, 'bad-specs');

interface Want {
  readonly code: string;
  readonly file: string;
  readonly pointer?: string;
  readonly message: RegExp;
}

const cases: [string, { file: string; want: Want }][] = [
  ['invalid YAML', { file: 'invalid-yaml.yaml', want: { code: 'invalid-yaml', file: 'invalid-yaml.yaml', message: /line \d+, column \d+/ } }],
  [
    'invalid YAML in a referenced file',
    { file: 'invalid-yaml-ref.yaml', want: { code: 'invalid-yaml', file: 'broken-part.yaml', message: /Failed to parse/ } },
  ],
  [
    'dangling $ref',
    {
      file: 'dangling-ref.yaml',
      want: { code: 'dangling-ref', file: 'dangling-ref.yaml', pointer: '#/paths/~1a/get/responses/200/content/application~1json/schema', message: /resolve \$ref/ },
    },
  ],
  [
    'duplicate operationId',
    {
      file: 'duplicate-operation-id.yaml',
      want: { code: 'duplicate-operation-id', file: 'duplicate-operation-id.yaml', pointer: '/paths/~1b/get/operationId', message: /"getThing" is used by 2 operations/ },
    },
  ],
  // Swagger 2.0 is converted on load (test/generator/load-tolerance.test.ts); other Swagger versions are not.
  ['Swagger 1.2', { file: 'swagger-1.yaml', want: { code: 'unsupported-version', file: 'swagger-1.yaml', pointer: '/swagger', message: /Swagger 1\.2 is not supported/ } }],
  ['OpenAPI 4', { file: 'openapi-4.yaml', want: { code: 'unsupported-version', file: 'openapi-4.yaml', pointer: '/openapi', message: /OpenAPI 4\.0\.0 is not supported/ } }],
  ['missing file', { file: 'no-such-file.yaml', want: { code: 'not-found', file: 'no-such-file.yaml', message: /not found/ } }],
];

async function loadAndBuild(file: string): Promise<unknown> {
  return buildModel(await loadSpec(file));
}

function firstError(error: unknown): SpecError {
  if (error instanceof SpecErrors) return error.errors[0]!;
  if (error instanceof SpecError) return error;
  throw error;
}

describe('load: named errors for bad input', () => {
  it.each(cases)('%s', async (_name, { file, want }) => {
    const error = await loadAndBuild(path.join(BAD, file)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the load must fail').toBeDefined();
    const e = firstError(error);
    expect(e.code).toBe(want.code);
    expect(e.file?.endsWith(want.file), `${e.file} should name ${want.file}`).toBe(true);
    if (want.pointer) expect(e.pointer).toBe(want.pointer);
    expect(e.message).toMatch(want.message);
    expect(e.describe()).toContain(want.file);
  });

  it('a malformed x-pagination is an invalid-extension error at its pointer', async () => {
    const e = firstError(await loadAndBuild(path.join(BAD, 'bad-pagination.yaml')).catch((x: unknown) => x));
    expect(e.code).toBe('invalid-extension');
    expect(e.pointer).toBe('/paths/~1list/get/x-pagination');
    expect(e.message).toMatch(/x-pagination\.in must be "query" or "body"/);
  });
});
