/** A started mock server and a small fetch wrapper for the mock tests. */
import { afterAll, beforeAll } from 'vitest';
import { samples, startMockServer, type MockRoute, type MockServer } from '@retell-kit/mock';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export type Call = (method: string, path: string, init?: { body?: unknown; form?: FormData; raw?: string | Uint8Array; auth?: boolean; contentType?: string }) => Promise<Answer>;

export function useMockServer(): { server: () => MockServer; call: Call } {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  const call: Call = async (method, path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.auth !== false) headers['authorization'] = 'Bearer test-key';
    let body: BodyInit | undefined;
    if (init.form) body = init.form;
    else if (init.raw !== undefined) body = init.raw as BodyInit;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !init.form) headers['content-type'] = init.contentType ?? 'application/json';
    const response = await fetch(`${server!.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
  };
  return { server: () => server!, call };
}

/** `/get-agent/{agent_id}` with values filled in (percent-encoded). */
export function fill(route: MockRoute, values: Record<string, string | number>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? samples[route.operationId]!.path[name])));
}

export function query(values: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) q.append(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A multipart form from a sample body: arrays as `name[]`, objects as `name[key]`. */
export function formOf(body: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (name: string, value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) add(`${name}[]`, v);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${name}[${k}]`, v);
    else if (value !== undefined) form.append(name, String(value));
  };
  for (const [k, v] of Object.entries(body)) add(k, v);
  return form;
}
