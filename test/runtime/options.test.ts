import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetellCore } from '@retell-kit/client';
import { KEY } from './helpers.js';

afterEach(() => vi.unstubAllEnvs());

describe('client options', () => {
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
    expect(() => new RetellCore(options)).toThrow(TypeError);
    expect(() => new RetellCore(options)).toThrow(message);
  });

  it('reads RETELL_API_KEY, RETELL_BASE_URL and RETELL_LOG from the environment', () => {
    vi.stubEnv('RETELL_API_KEY', KEY);
    vi.stubEnv('RETELL_BASE_URL', 'https://eu.retell.test/');
    const client = new RetellCore();
    expect(client.baseURL).toBe('https://eu.retell.test');
    vi.stubEnv('RETELL_LOG', 'chatty');
    expect(() => new RetellCore()).toThrow(/Invalid RETELL_LOG "chatty"/);
  });

  it('defaults the base URL to the Retell API', () => {
    expect(new RetellCore({ apiKey: KEY }).baseURL).toBe('https://api.retellai.com');
  });

  it('works without process (browsers): env lookups are guarded', () => {
    const saved = globalThis.process;
    // Hide `process` the way a browser would not have it; restore before any assertion can throw.
    Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
    let client: RetellCore | undefined;
    let failure: unknown;
    try {
      client = new RetellCore({ apiKey: KEY });
      new RetellCore({});
    } catch (error) {
      failure = error;
    } finally {
      Object.defineProperty(globalThis, 'process', { value: saved, configurable: true, writable: true });
    }
    expect(client?.baseURL).toBe('https://api.retellai.com');
    expect(String(failure)).toMatch(/Missing API key/);
  });

  it('never shows the key in toString, inspect or JSON', () => {
    const client = new RetellCore({ apiKey: KEY });
    for (const text of [String(client), inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)]) {
      expect(text).not.toContain(KEY);
    }
    expect(inspect(client)).toContain('https://api.retellai.com');
  });

  it('withOptions returns a configured copy that keeps the key', () => {
    const client = new RetellCore({ apiKey: KEY, baseURL: 'https://a.test', maxRetries: 5 });
    const copy = client.withOptions({ baseURL: 'https://b.test' });
    expect(copy).toBeInstanceOf(RetellCore);
    expect(copy).not.toBe(client);
    expect(copy.baseURL).toBe('https://b.test');
    expect(client.baseURL).toBe('https://a.test');
    expect(copy.toJSON()).toMatchObject({ maxRetries: 5 });
    expect(() => client.withOptions({ timeout: -5 })).toThrow(/Invalid timeout -5/);
  });
});
