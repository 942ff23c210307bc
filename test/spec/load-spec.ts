/**
 * Bundles the curated spec once per test file with @redocly/openapi-core, the same engine `pnpm lint` uses,
 * so the tests see exactly the document the generator sees.
 */
import { bundle, createConfig } from '@redocly/openapi-core';
import { fileURLToPath } from 'node:url';

export const SPEC_ROOT = fileURLToPath(new URL('../../spec/openapi.yaml', import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export async function bundleSpec(): Promise<JsonObject> {
  const config = await createConfig({});
  const { bundle: doc, problems } = await bundle({ ref: SPEC_ROOT, config, dereference: false });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`bundling failed: ${errors.map((p) => p.message).join('; ')}`);
  return doc.parsed as JsonObject;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationEntry {
  path: string;
  method: string;
  operation: JsonObject;
}

export function operations(doc: JsonObject): OperationEntry[] {
  const out: OperationEntry[] = [];
  const paths = (doc.paths ?? {}) as Record<string, JsonObject>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op && typeof op === 'object' && !Array.isArray(op)) out.push({ path, method, operation: op as JsonObject });
    }
  }
  return out;
}

export interface SdkPair {
  resource: string;
  method: string;
  paramsType?: string;
  responseType?: string;
  positional?: string[];
}

/** `x-sdk` is one pair or, on routes several facade methods share, a list of pairs. */
export function sdkPairs(op: JsonObject): SdkPair[] {
  const raw = op['x-sdk'];
  if (!raw) return [];
  return (Array.isArray(raw) ? raw : [raw]) as unknown as SdkPair[];
}
