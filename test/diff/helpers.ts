/** Loads fixture pairs and inline documents through the same path the CLI uses. */
import { fileURLToPath } from 'node:url';
import { diffDocuments, type DiffOptions, type DiffReport } from '../../packages/diff/src/diff.js';
import { loadDocument } from '../../packages/diff/src/load/document.js';
import type { JsonObject } from '../../packages/diff/src/model/json.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export async function diffFixture(id: string, options: DiffOptions = {}): Promise<DiffReport> {
  const [base, head] = await Promise.all([
    loadDocument('base', `${FIXTURES}${id}/base.yaml`, `${id}/base.yaml`),
    loadDocument('head', `${FIXTURES}${id}/revision.yaml`, `${id}/revision.yaml`),
  ]);
  return diffDocuments({ ...base, source: 'base.yaml' }, { ...head, source: 'revision.yaml' }, options);
}

/** Diffs two in-memory documents (already-parsed objects). */
export function diffObjects(base: object, head: object, options: DiffOptions = {}): DiffReport {
  const side = (root: object, source: string) => ({ root: root as JsonObject, source, openapi: String((root as { openapi?: unknown }).openapi ?? '3.1.0'), version: null });
  return diffDocuments(side(base, 'base'), side(head, 'head'), options);
}

/**
 * The wire findings only: these documents have no `x-sdk`, so the facade derives a method per operation
 * and most changes also show on the SDK surface; tests about wire semantics compare the wire alone.
 */
export function diffWire(base: object, head: object, options: DiffOptions = {}): DiffReport {
  const report = diffObjects(base, head, options);
  return { ...report, findings: report.findings.filter((f) => f.surface === 'wire') };
}

/** A one-operation document: POST /things with `request` as body schema and `response` as 200 schema. */
export function doc(request: object, response: object, extra: { openapi?: string; schemas?: object } = {}): object {
  return {
    openapi: extra.openapi ?? '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          requestBody: { required: true, content: { 'application/json': { schema: request } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } },
        },
      },
    },
    components: { schemas: extra.schemas ?? {} },
  };
}

export function ids(report: DiffReport): string[] {
  return report.findings.map((f) => f.id);
}
