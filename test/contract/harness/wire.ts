/**
 * The wire side of a contract: nock intercepts the one request a surface makes, records it, and answers
 * with the mocked response; `assertRequest` then checks method, path encoding, query, headers and body
 * against the spec. Assertions run outside nock's reply callback so a failure reads as a test failure.
 */
import nock from 'nock';
import { expect } from 'vitest';
import { filesToNames, formToObject, type MockRoute, type SchemaValidator } from '@retell-kit/mock';
import type { CallInput } from './inputs.js';

export const BASE_URL = 'http://contract.retell.test';
export const API_KEY = 'contract-test-key';

export interface Captured {
  readonly method: string;
  /** Raw request path as sent, without the query string. */
  readonly path: string;
  readonly query: [string, string][];
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface Interception {
  /** The request, once it arrived. */
  readonly request: () => Captured;
  readonly done: () => void;
}

export function intercept(method: string, status: number, body: unknown): Interception {
  let captured: Captured | undefined;
  const scope = nock(BASE_URL)
    .intercept(() => true, method)
    .reply(function (uri, requestBody) {
      const url = new URL(uri, BASE_URL);
      captured = {
        method: this.req.method,
        path: uri.split('?')[0]!,
        query: [...url.searchParams.entries()].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1)),
        headers: this.req.headers,
        body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody),
      };
      return body === undefined ? [status] : [status, JSON.stringify(body), { 'content-type': 'application/json' }];
    });
  return {
    request: () => {
      if (!captured) throw new Error(`no ${method} request reached ${BASE_URL}`);
      return captured;
    },
    done: () => scope.done(),
  };
}

function header(c: Captured, name: string): string | undefined {
  const v = c.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Checks one captured request against the route and the input the surface was given. */
export async function assertRequest(c: Captured, route: MockRoute, input: CallInput, validator: SchemaValidator): Promise<void> {
  expect(c.method, 'method').toBe(route.method);
  expect(c.path, 'path (percent-encoded path parameters)').toBe(input.expectedPath);
  expect(c.query, 'query string').toEqual(input.expectedQuery);
  expect(header(c, 'authorization'), 'Authorization header').toBe(`Bearer ${API_KEY}`);
  const contentType = header(c, 'content-type') ?? '';
  if (!route.body || input.body === undefined) {
    expect(c.body, 'no request body').toBe('');
    return;
  }
  if (route.body.kind === 'multipart') {
    expect(contentType, 'content-type').toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(c.body, { headers: { 'content-type': contentType } }).formData();
    const parts = [...form.entries()].map(([name, v]) =>
      typeof v === 'string' ? { name, value: v } : { name, filename: v.name, size: v.size },
    );
    const expected = (input.expectedParts ?? []).map((p) =>
      p.filename === undefined ? { name: p.name, value: p.value } : { name: p.name, filename: p.filename, size: Buffer.byteLength(p.value ?? '') },
    );
    expect(parts, 'multipart parts').toEqual(expected);
    const object = filesToNames(formToObject(form));
    expect(validator.check(route.body.schema, object, 'body', true), 'multipart body validates against the request schema').toEqual([]);
    return;
  }
  expect(contentType, 'content-type').toMatch(/^application\/json/);
  const parsed: unknown = JSON.parse(c.body);
  expect(parsed, 'JSON body as given').toEqual(input.body);
  expect(validator.check(route.body.schema, parsed, 'body'), 'JSON body validates against the request schema').toEqual([]);
}

/** Checks that what the surface returned is the mocked body and valid against the response schema. */
export function assertResponse(data: unknown, route: MockRoute, mocked: unknown, validator: SchemaValidator): void {
  if (!route.success.schema) {
    expect(data, 'empty success response').toBeUndefined();
    return;
  }
  expect(data, 'parsed response body').toEqual(mocked);
  expect(validator.check(route.success.schema, data, 'response'), 'response validates against the response schema').toEqual([]);
}
