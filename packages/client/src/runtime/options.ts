/**
 * Client and per-request options: their types and their defaults. Their validation (so a misconfigured
 * client fails on `new`, with a message that names the option) is `checkOptions` in full-core.ts: the
 * lean `RetellCore` does not carry it.
 */
import type { Logger, LogLevel } from './logger.js';
import type { APIError } from './errors.js';
import type { TransportLog } from './transport.js';

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
  /** Default: `process.env.RETELL_LOG`, else `warn`. Read by `RetellFullCore` and its subclasses; `RetellCore` does not log. */
  logLevel?: LogLevel;
  /** Default: `console`. Read by `RetellFullCore` and its subclasses. */
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
  /** Set by `RetellFullCore` (with `log`); the lean core does not log. */
  logLevel?: LogLevel;
  logger?: Logger;
  /** The transport's log hook (`logTransport`), installed by `RetellFullCore`. */
  log?: TransportLog | undefined;
  /** Sees each error status's `APIError` before it is thrown (`RetellFullCore`: `nameHTMLPage`). */
  onAPIError?: ((error: APIError, statusText: string) => void) | undefined;
}

/** Reads an environment variable where there is one (Node, Bun, Deno with --compat); browsers have none. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/**
 * Defaults only, for the lean `RetellCore`: a missing key is the one mistake it reports (a short
 * TypeError). Validation with messages that name the option, and the logging defaults, are
 * `checkOptions`' (full-core.ts), which `RetellFullCore`, `createClient()` and the facade run first.
 */
export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? readEnv('RETELL_API_KEY');
  if (!apiKey) throw new TypeError('Missing API key: pass apiKey or set RETELL_API_KEY.');
  const given = options.baseURL ?? readEnv('RETELL_BASE_URL');
  return {
    apiKey,
    baseURL: (given ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    baseURLOverridden: given != null,
    timeout: options.timeout,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: options.fetch ?? globalThis.fetch,
    fetchOptions: options.fetchOptions,
    defaultHeaders: options.defaultHeaders,
    defaultQuery: options.defaultQuery,
  };
}
