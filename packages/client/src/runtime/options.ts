/**
 * Client and per-request options: their types, their defaults, and validation at construction time so a
 * misconfigured client fails on `new`, with a message that names the option, not on its first request.
 */
import { LOG_LEVELS, type Logger, type LogLevel } from './logger.js';

export type HeadersInput = Record<string, string | null | undefined>;
type HeaderValue = string | null | undefined;
/**
 * Every header shape retell-sdk accepts: a plain object (`null` removes a header, an array joins with
 * `, `), a `Headers`, a list of `[name, value]` pairs, or a `{ values, nulls }` pair of parsed headers.
 */
export type HeadersLike =
  | Headers
  | readonly HeaderValue[][]
  | Record<string, HeaderValue | readonly HeaderValue[]>
  | { values: Headers; nulls: Set<string> }
  | null
  | undefined;
/** retell-sdk writes methods in lower case; both cases are accepted. */
export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ClientOptions {
  /** Retell API key. Default: `process.env.RETELL_API_KEY`. */
  apiKey?: string;
  /** Default: `process.env.RETELL_BASE_URL`, else `https://api.retellai.com`. Must be an absolute http(s) URL. */
  baseURL?: string | null;
  /** Per-attempt timeout in ms. Default: the operation's own default (`x-timeout-ms`), else 60 000. */
  timeout?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** A fetch implementation (tests, proxies, older runtimes). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra `RequestInit` fields passed to every fetch (e.g. undici's `dispatcher`). */
  fetchOptions?: RequestInit;
  /** Headers sent with every request (any `HeadersLike`); `null` removes a header set by the client. */
  defaultHeaders?: HeadersLike;
  /** Query parameters added to every request. */
  defaultQuery?: Record<string, string | undefined>;
  /** Default: `process.env.RETELL_LOG`, else `warn`. */
  logLevel?: LogLevel;
  /** Default: `console`. */
  logger?: Logger;
}

/**
 * Options of one call: every key of retell-sdk's `RequestOptions`, with its meaning. The four route keys
 * replace what the method would send, as retell-sdk's `{ query, body, ...options }` spread does:
 * `method`, `path` (relative to the base URL, or absolute; a `?query` in it is kept under the others),
 * `query` (replaces the method's query; the client's `defaultQuery` stays under it) and `body` (replaces
 * the method's body; encoded as the operation's own bodies are, e.g. multipart). `undefined` overrides nothing.
 */
export interface RequestOptions {
  method?: HTTPMethod | Uppercase<HTTPMethod>;
  path?: string;
  query?: object | null;
  body?: unknown;
  headers?: HeadersLike;
  /** Per-attempt timeout in ms; covers the wait for headers. */
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal | null;
  /** Extra `RequestInit` fields for this call, over the client's `fetchOptions`. */
  fetchOptions?: RequestInit;
  /** Sent as `Idempotency-Key`. */
  idempotencyKey?: string;
  /** Base URL for this call, used only when the client's base URL was not set (option or `RETELL_BASE_URL`). */
  defaultBaseURL?: string | undefined;
  /** Accepted for retell-sdk compatibility; no Retell endpoint streams, so it changes nothing (as there). */
  stream?: boolean | undefined;
  /** Resolve with the raw `Response` instead of its parsed body (as retell-sdk's file downloads do). */
  __binaryResponse?: boolean | undefined;
}

export const DEFAULT_BASE_URL = 'https://api.retellai.com';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** Options after defaults and validation. `timeout` stays undefined unless the user set one. */
export interface ResolvedOptions {
  apiKey: string;
  baseURL: string;
  /** True when `baseURL` came from the option or the environment (a call's `defaultBaseURL` then yields). */
  baseURLOverridden: boolean;
  timeout: number | undefined;
  maxRetries: number;
  fetch: typeof fetch;
  fetchOptions: RequestInit | undefined;
  defaultHeaders: HeadersLike;
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
  const given = options.baseURL ?? readEnv('RETELL_BASE_URL');
  const baseURL = checkBaseURL(given ?? DEFAULT_BASE_URL, 'baseURL');
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
    baseURL,
    baseURLOverridden: given !== undefined,
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

/** An absolute http(s) URL without trailing slashes, else a TypeError naming the option. */
export function checkBaseURL(value: string, name: string): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value)) {
    throw new TypeError(`Invalid ${name} ${JSON.stringify(value)}: expected an absolute http(s) URL.`);
  }
  return value.replace(/\/+$/, '');
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
