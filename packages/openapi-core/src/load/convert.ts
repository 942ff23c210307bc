/**
 * Swagger 2.0 on load: converted to OpenAPI 3.0 with swagger2openapi (the converter APIs.guru's
 * directory and most tools use), then validated and bundled like any 3.0 document. The provenance
 * file records the conversion, since the output no longer maps one-to-one onto the input's pointers.
 * @see https://github.com/Mermade/oas-kit/tree/main/packages/swagger2openapi
 */
import { SpecError } from '../errors.js';

export interface Conversion {
  readonly from: string;
  readonly tool: string;
}

/**
 * `swagger2openapi@<version>`, as recorded in the provenance. A JSON import rather than `createRequire`
 * (which needs `import.meta`), so the same source builds to ESM and CommonJS; the CommonJS build turns it
 * into a `require`, which ignores the attribute the ESM loader needs.
 */
async function toolName(): Promise<string> {
  // @ts-ignore -- import attributes are an error under the CommonJS build's `module` setting only.
  const pkg = (await import('swagger2openapi/package.json', { with: { type: 'json' } })) as { default: { version: string } };
  return `swagger2openapi@${pkg.default.version}`;
}

/**
 * Converts a parsed Swagger 2.0 document. `patch` lets the converter repair the small defects it knows
 * (the same ones other generators accept); anything it cannot convert is a located `SpecError`.
 */
export async function convertSwagger2(doc: Record<string, unknown>, file: string): Promise<{ document: Record<string, unknown>; conversion: Conversion }> {
  if (String(doc['swagger']) !== '2.0') {
    throw new SpecError('unsupported-version', `Swagger ${String(doc['swagger'])} is not supported (expected 2.0, OpenAPI 3.0.x or 3.1.x)`, file, '/swagger');
  }
  const { convertObj } = (await import('swagger2openapi')) as typeof import('swagger2openapi');
  try {
    // A deep copy: the converter rewrites its input in place.
    const result = await convertObj(structuredClone(doc) as never, { patch: true, warnOnly: true, resolve: false, direct: false } as never);
    return { document: result.openapi as unknown as Record<string, unknown>, conversion: { from: 'Swagger 2.0', tool: await toolName() } };
  } catch (error) {
    throw new SpecError('conversion-failed', `Swagger 2.0 → OpenAPI 3.0 conversion failed: ${error instanceof Error ? error.message : String(error)}`, file);
  }
}
