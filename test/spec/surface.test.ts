/**
 * The curated spec must expose exactly the API surface of retell-sdk@5.66.1 (the 114 methods in the fixture),
 * with the extensions the generator and runtime read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import surface from './fixtures/sdk-surface.json' with { type: 'json' };
import { bundleSpec, operations, sdkPairs, type JsonObject, type OperationEntry } from './load-spec.js';

let doc: JsonObject;
let ops: OperationEntry[];
beforeAll(async () => {
  doc = await bundleSpec();
  ops = operations(doc);
});

const key = (m: string, http: string, path: string) => `${m} ${http.toUpperCase()} ${path}`;

describe('API surface', () => {
  it('covers exactly the 114 facade methods of the fixture, on the right routes', () => {
    const fromSpec = ops.flatMap(({ path, method, operation }) =>
      sdkPairs(operation).map((p) => key(`${p.resource}.${p.method}`, method, path)),
    );
    const expected = surface.map((s) => key(s.method, s.http, s.path));
    expect([...fromSpec].sort()).toEqual([...expected].sort());
    console.log(`surface: ${fromSpec.length}/${expected.length} facade methods, ${ops.length} routes`);
  });

  it('has no duplicate x-sdk pair', () => {
    const pairs = ops.flatMap(({ operation }) => sdkPairs(operation).map((p) => `${p.resource}.${p.method}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('gives every operation a unique camelCase operationId, one tag, a summary and a description', () => {
    const ids = ops.map(({ operation }) => operation.operationId as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(operation.tags, where).toHaveLength(1);
      expect(String(operation.summary ?? ''), where).not.toBe('');
      expect(String(operation.description ?? ''), where).not.toBe('');
    }
  });

  it('uses multipart/form-data exactly where the API does', () => {
    const multipart = ops
      .filter(({ operation }) => {
        const body = operation.requestBody as JsonObject | undefined;
        return !!body && Object.keys((body.content ?? {}) as JsonObject).includes('multipart/form-data');
      })
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      .sort();
    const expected = surface.filter((s) => s.multipart).map((s) => `${s.http} ${s.path}`).sort();
    expect(multipart).toEqual(expected);
  });

  it('declares the shared error responses on every operation', () => {
    for (const { path, method, operation } of ops) {
      const codes = Object.keys(operation.responses as JsonObject);
      expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '401', '402', '404', '422', '429', '500']));
      expect(codes.filter((c) => /^2\d\d$/.test(c)), `${method} ${path}`).toHaveLength(1);
    }
  });

  it.each([
    ['call.createPhoneCall', 120000],
    ['call.list', 300000],
    ['chat.list', 300000],
    ['chat.createChatCompletion', 300000],
    ['batchCall.createBatchCall', 300000],
    ['playground.completion', 300000],
  ])('sets x-timeout-ms on %s to %i', (method, ms) => {
    const hit = ops.find(({ operation }) => sdkPairs(operation).some((p) => `${p.resource}.${p.method}` === method));
    expect(hit?.operation['x-timeout-ms']).toBe(ms);
  });

  it('only sets x-timeout-ms where the API needs longer than the default', () => {
    const withTimeout = ops.filter(({ operation }) => operation['x-timeout-ms'] !== undefined);
    expect(withTimeout).toHaveLength(6);
  });

  it('describes cursor pagination on every operation that returns items/has_more/pagination_key', () => {
    const schemas = (doc.components as JsonObject).schemas as Record<string, JsonObject>;
    const resolve = (s: JsonObject | undefined): JsonObject | undefined =>
      s && typeof s.$ref === 'string' ? schemas[s.$ref.split('/').pop() as string] : s;
    let paged = 0;
    for (const { path, method, operation } of ops) {
      const [, ok] = Object.entries(operation.responses as Record<string, JsonObject>).find(([c]) => c.startsWith('2'))!;
      const schema = resolve(((ok.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema as JsonObject);
      const props = (schema?.properties ?? {}) as JsonObject;
      const pages = 'items' in props && 'has_more' in props && 'pagination_key' in props;
      const ext = operation['x-pagination'] as JsonObject | undefined;
      expect(!!ext, `${method} ${path}`).toBe(pages);
      if (!ext) continue;
      paged++;
      if (ext.in === 'query') {
        const names = ((operation.parameters ?? []) as JsonObject[]).map((p) => p.name);
        expect(names, `${method} ${path}`).toContain(ext.cursorParam);
      } else {
        const body = resolve(((operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject);
        const bodySchema = resolve(body?.schema as JsonObject);
        expect(Object.keys((bodySchema?.properties ?? {}) as JsonObject), `${method} ${path}`).toContain(ext.cursorParam);
      }
    }
    expect(paged).toBeGreaterThanOrEqual(10);
  });

  it('declares the call and chat webhooks with the signature header', () => {
    const hooks = doc.webhooks as Record<string, JsonObject>;
    expect(Object.keys(hooks).sort()).toEqual(
      [
        'call_analyzed', 'call_ended', 'call_started', 'chat_analyzed', 'chat_ended', 'chat_started',
        'transcript_updated', 'transfer_bridged', 'transfer_cancelled', 'transfer_ended', 'transfer_started',
      ].sort(),
    );
    const params = doc.components && ((doc.components as JsonObject).parameters as JsonObject);
    expect(JSON.stringify(params)).toContain('X-Retell-Signature');
  });
});
