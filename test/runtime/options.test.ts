import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetellCore, RetellFullCore } from '@retell-kit/client';
import { KEY } from './helpers.js';

afterEach(() => vi.unstubAllEnvs());

describe('client options (RetellFullCore: createClient() and the facade build on it)', () => {
  it.each([
    ['missing key', { apiKey: undefined }, /Missing API key.*RETELL_API_KEY/],
    ['empty key', { apiKey: '' }, /Missing API key/],
    ['negative timeout', { apiKey: KEY, timeout: -1 }, /Invalid timeout -1: expected a finite number of milliseconds >= 0/],
    ['NaN timeout', { apiKey: KEY, timeout: Number.NaN }, /Invalid timeout NaN/],
    ['infinite timeout', { apiKey: KEY, timeout: Infinity }, /Invalid timeout Infinity/],
    ['fractional retries', { apiKey: KEY, maxRetries: 1.5 }, /Invalid maxRetries 1.5: expected an integer >= 0/],
    ['negative retries', { apiKey: KEY, maxRetries: -1 }, /Invalid maxRetries -1/],
    ['relative baseURL', { apiKey: KEY, baseURL: '/v1' }, /Invalid baseURL "\/v1": expected an absolute http\(s\) URL/],
    ['non-http baseURL', { apiKey: KEY, baseURL: 'ftp://x.test' }, /Invalid baseURL "ftp:\/\/x.test"/],
    ['bad log level', { apiKey: KEY, logLevel: 'loud' as never }, /Invalid logLevel "loud": expected one of off, error, warn, info, debug/],
  ])('rejects %s with a TypeError', (_name, options, message) => {
    vi.stubEnv('RETELL_API_KEY', '');
    expect(() => new RetellFullCore(options)).toThrow(TypeError);
    expect(() => new RetellFullCore(options)).toThrow(message);
  });

  it('reads RETELL_API_KEY, RETELL_BASE_URL and RETELL_LOG from the environment', () => {
    vi.stubEnv('RETELL_API_KEY', KEY);
    vi.stubEnv('RETELL_BASE_URL', 'https://eu.retell.test/');
    const client = new RetellFullCore();
    expect(client.baseURL).toBe('https://eu.retell.test');
    vi.stubEnv('RETELL_LOG', 'chatty');
    expect(() => new RetellFullCore()).toThrow(/Invalid RETELL_LOG "chatty"/);
  });

  it('defaults the base URL to the Retell API', () => {
    expect(new RetellFullCore({ apiKey: KEY }).baseURL).toBe('https://api.retellai.com');
  });

  it('works without process (browsers): env lookups are guarded', () => {
    const saved = globalThis.process;
    // Hide `process` the way a browser would not have it; restore before any assertion can throw.
    Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
    let client: RetellFullCore | undefined;
    let failure: unknown;
    try {
      client = new RetellFullCore({ apiKey: KEY });
      new RetellFullCore({});
    } catch (error) {
      failure = error;
    } finally {
      Object.defineProperty(globalThis, 'process', { value: saved, configurable: true, writable: true });
    }
    expect(client?.baseURL).toBe('https://api.retellai.com');
    expect(String(failure)).toMatch(/Missing API key/);
  });

  it('never shows the key in toString, inspect or JSON', () => {
    const client = new RetellFullCore({ apiKey: KEY });
    for (const text of [String(client), inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)]) {
      expect(text).not.toContain(KEY);
    }
    expect(inspect(client)).toContain('https://api.retellai.com');
  });

  it('withOptions returns a configured copy that keeps the key', () => {
    const client = new RetellFullCore({ apiKey: KEY, baseURL: 'https://a.test', maxRetries: 5 });
    const copy = client.withOptions({ baseURL: 'https://b.test' });
    expect(copy).toBeInstanceOf(RetellFullCore);
    expect(copy).not.toBe(client);
    expect(copy.baseURL).toBe('https://b.test');
    expect(client.baseURL).toBe('https://a.test');
    expect(copy.toJSON()).toMatchObject({ maxRetries: 5 });
    expect(() => client.withOptions({ timeout: -5 })).toThrow(/Invalid timeout -5/);
  });
});

describe('the lean RetellCore', () => {
  it('reports a missing key and nothing else: the rest is taken as given', () => {
    vi.stubEnv('RETELL_API_KEY', '');
    expect(() => new RetellCore({})).toThrow(TypeError);
    expect(() => new RetellCore({ apiKey: '' })).toThrow(/Missing API key.*RETELL_API_KEY/);
    vi.stubEnv('RETELL_LOG', 'chatty');
    expect(new RetellCore({ apiKey: KEY, baseURL: 'https://eu.retell.test//' }).baseURL).toBe('https://eu.retell.test');
  });

  it('carries no withOptions, toJSON or inspect hook, yet never shows the key', () => {
    const client = new RetellCore({ apiKey: KEY });
    expect('withOptions' in client || 'toJSON' in client).toBe(false);
    for (const text of [String(client), inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)]) {
      expect(text).not.toContain(KEY);
    }
  });

  it('does not log, whatever the options say; the full core does', async () => {
    const lines: string[] = [];
    const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: (m: string) => void lines.push(m) };
    const fetchImpl = async (): Promise<Response> => new Response('{}', { headers: { 'content-type': 'application/json' } });
    const op = { operationId: 'getAgent', method: 'GET', path: '/get-agent/a1' } as const;
    await new RetellCore({ apiKey: KEY, fetch: fetchImpl, logLevel: 'debug', logger }).request(op);
    expect(lines).toEqual([]);
    await new RetellFullCore({ apiKey: KEY, fetch: fetchImpl, logLevel: 'debug', logger }).request(op);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('quotes an HTML error page (cut like any text); the full core names it by its title', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(600)}</body></html>`;
    const fetchImpl = async (): Promise<Response> => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } });
    const op = { operationId: 'getAgent', method: 'GET', path: '/get-agent/a1' } as const;
    const lean = await new RetellCore({ apiKey: KEY, fetch: fetchImpl, maxRetries: 0 }).request(op).catch((e: Error) => e);
    expect(lean.message).toBe(`502 ${page.slice(0, 500)}... (${page.length} characters)`);
    const full = await new RetellFullCore({ apiKey: KEY, fetch: fetchImpl, maxRetries: 0 }).request(op).catch((e: Error) => e);
    expect(full.message).toBe(`502 502 Bad Gateway (HTML body, ${page.length} characters)`);
    // A lean client created after a full one is still lean: the naming is per client, not global.
    const again = await new RetellCore({ apiKey: KEY, fetch: fetchImpl, maxRetries: 0 }).request(op).catch((e: Error) => e);
    expect(again.message).toBe(lean.message);
  });
});
