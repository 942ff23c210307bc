/**
 * Client and per-request options: their types, their defaults, and validation at construction time so a
 * misconfigured client fails on `new`, with a message that names the option, not on its first request.
 */
import { LOG_LEVELS, type Logger, type LogLevel } from './logger.js';

export type HeadersInput = Record<string, string | null | undefined>;

export interface ClientOptions {
  /** Retell API key. Default: `process.env.RETELL_API_KEY`. */
  apiKey?: string;
  /** Default: `process.env.RETELL_BASE_URL`, else `https://api.retellai.com`. Must be an absolute http(s) URL. */
  baseURL?: string;
  /** Per-attempt timeout in ms. Default: the operation's own default (`x-timeout-ms`), else 60 000. */
  timeout?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** A fetch implementation (tests, proxies, older runtimes). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra `RequestInit` fields passed to every fetch (e.g. undici's `dispatcher`). */
  fetchOptions?: RequestInit;
  /** Headers sent with every request; `null` removes a header set by the client. */
  defaultHeaders?: HeadersInput;
  /** Query parameters added to every request. */
  defaultQuery?: Record<string, string | undefined>;
  /** Default: `process.env.RETELL_LOG`, else `warn`. */
  logLevel?: LogLevel;
  /** Default: `console`. */
  logger?: Logger;
}

export interface RequestOptions {
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal | null;
  headers?: HeadersInput;
  query?: Record<string, unknown>;
  fetchOptions?: RequestInit;
  /** Sent as `Idempotency-Key`. */
  idempotencyKey?: string;
}

export const DEFAULT_BASE_URL = 'https://api.retellai.com';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** Options after defaults and validation. `timeout` stays undefined unless the user set one. */
export interface ResolvedOptions {
  apiKey: string;
  baseURL: string;
  timeout: number | undefined;
  maxRetries: number;
  fetch: typeof fetch;
  fetchOptions: RequestInit | undefined;
  defaultHeaders: HeadersInput | undefined;
  defaultQuery: Record<string, string | undefined> | undefined;
  logLevel: LogLevel;
  logger: Logger;
}

/** Reads an environment variable where there is one (Node, Bun, Deno with --compat); browsers have none. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? readEnv('RETELL_API_KEY');
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new TypeError(
      'Missing API key: pass `apiKey` to the client or set the RETELL_API_KEY environment variable.',
    );
  }
  const baseURL = options.baseURL ?? readEnv('RETELL_BASE_URL') ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/]/i.test(baseURL) || !URL.canParse(baseURL)) {
    throw new TypeError(`Invalid baseURL ${JSON.stringify(baseURL)}: expected an absolute http(s) URL.`);
  }
  checkTimeout(options.timeout, 'timeout');
  checkRetries(options.maxRetries, 'maxRetries');
  const logLevel = options.logLevel ?? (readEnv('RETELL_LOG') as LogLevel | undefined) ?? 'warn';
  if (!Object.hasOwn(LOG_LEVELS, logLevel)) {
    const from = options.logLevel === undefined ? 'RETELL_LOG' : 'logLevel';
    throw new TypeError(`Invalid ${from} ${JSON.stringify(logLevel)}: expected one of ${Object.keys(LOG_LEVELS).join(', ')}.`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('No fetch implementation: pass `fetch` to the client (globalThis.fetch is missing).');
  }
  return {
    apiKey,
    baseURL: baseURL.replace(/\/+$/, ''),
    timeout: options.timeout,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: fetchImpl,
    fetchOptions: options.fetchOptions,
    defaultHeaders: options.defaultHeaders,
    defaultQuery: options.defaultQuery,
    logLevel,
    logger: options.logger ?? console,
  };
}

/** Shared by client and per-request validation. */
export function checkTimeout(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || value === Infinity)) {
    throw new TypeError(`Invalid ${name} ${String(value)}: expected a finite number of milliseconds >= 0.`);
  }
}

export function checkRetries(value: unknown, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
    throw new TypeError(`Invalid ${name} ${String(value)}: expected an integer >= 0.`);
  }
}
