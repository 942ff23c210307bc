/**
 * Deviations from the OpenAPI schema whose meaning is clear, so that generating with a warning is more
 * useful than refusing: a vendor extension whose value does not match the shape one tool (Redocly)
 * expects for it (extensions are free-form: `x-code-samples` with `language`/`code` keys is common),
 * and the 3.0 `nullable: true` keyword left in a 3.1 document (it still means "may be null", and
 * openapi-typescript honours it). `--strict` turns these warnings back into errors; every other
 * structural problem stays an error unless `--lenient`.
 * @see https://spec.openapis.org/oas/v3.1.0#specification-extensions
 */
import { SpecError } from '../errors.js';
import type { OpenApiVersion } from './checks.js';

function segments(pointer: string | undefined): string[] {
  return (pointer ?? '').replace(/^#/, '').split('/').slice(1);
}

/** The deviation code when `error` is one of the tolerated kinds, else undefined. */
export function deviationCode(error: SpecError, version: OpenApiVersion): string | undefined {
  if (error.code !== 'invalid-structure') return undefined;
  const parts = segments(error.pointer);
  if (parts.some((p) => p.startsWith('x-'))) return 'vendor-extension-shape';
  if (version === '3.1' && parts.at(-1) === 'nullable' && /`nullable`/.test(error.message)) return 'nullable-in-3.1';
  return undefined;
}

/** The same problem as a warning, with its deviation code (file and pointer kept). */
export function asDeviation(error: SpecError, code: string): SpecError {
  return new SpecError(code, error.message, error.file, error.pointer);
}
