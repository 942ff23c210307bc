/**
 * Checks that Redocly's structural validation does not make, for things the generator cannot handle:
 * the OpenAPI version (3.0 and 3.1 only) and operationIds that must be unique to become function names.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object (operationId "MUST be unique")
 */
import { SpecError } from '../errors.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type OpenApiVersion = '3.0' | '3.1';

export function checkVersion(doc: Record<string, unknown>, file: string): OpenApiVersion {
  if (typeof doc['swagger'] === 'string' || typeof doc['swagger'] === 'number') {
    throw new SpecError(
      'unsupported-version',
      `Swagger ${String(doc['swagger'])} is not supported; convert the document to OpenAPI 3.0 or 3.1`,
      file,
      '/swagger',
    );
  }
  const version = doc['openapi'];
  if (typeof version !== 'string') {
    throw new SpecError('unsupported-version', 'missing `openapi` version field (expected 3.0.x or 3.1.x)', file, '/openapi');
  }
  if (/^3\.0(\.\d+)?$/.test(version)) return '3.0';
  if (/^3\.1(\.\d+)?$/.test(version)) return '3.1';
  throw new SpecError('unsupported-version', `OpenAPI ${version} is not supported (expected 3.0.x or 3.1.x)`, file, '/openapi');
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every operationId that occurs more than once, with the pointer of each occurrence. */
export function findDuplicateOperationIds(doc: Record<string, unknown>, file: string): SpecError[] {
  const seen = new Map<string, string[]>();
  const paths = (doc['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [route, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const op = item[method] as { operationId?: unknown } | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      const pointer = `/paths/${escapePointer(route)}/${method}/operationId`;
      const list = seen.get(op.operationId);
      if (list) list.push(pointer);
      else seen.set(op.operationId, [pointer]);
    }
  }
  const errors: SpecError[] = [];
  for (const [id, pointers] of seen) {
    if (pointers.length < 2) continue;
    errors.push(
      new SpecError(
        'duplicate-operation-id',
        `operationId "${id}" is used by ${pointers.length} operations (${pointers.join(', ')})`,
        file,
        pointers[1],
      ),
    );
  }
  return errors;
}
