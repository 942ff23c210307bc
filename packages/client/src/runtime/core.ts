/**
 * `RetellCore`: resolved options and the transport, nothing else. Generated operation functions and the
 * facade call `request()`, which builds the URL (path and query serializers) and the fetch init itself
 * and hands them to the transport. It imports no HTTP library: the typed path methods (`GET`, `POST`,
 * ...) live in `RetellPathClient` (path-client.ts), pagination in `requestPage` (pagination.ts) and
 * multipart encoding in `multipartBody` (multipart.ts), so an app bundles only what it calls.
 */
import { APIPromise } from './api-promise.js';
import { APIError } from './errors.js';
import { mergeHeaders } from './headers.js';
import type { OperationSpec, RequestInput } from './operation.js';
import {
  checkBaseURL,
  checkRetries,
  checkTimeout,
  DEFAULT_TIMEOUT_MS,
  resolveOptions,
  type ClientOptions,
  type RequestOptions,
  type ResolvedOptions,
} from './options.js';
import { serializePath } from './path.js';
import { serializeQuery } from './query.js';
import { send, type SendPlan, type TransportConfig } from './transport.js';

/** What generated code needs from a client; every `RetellCore` satisfies it. */
export interface RequestClient {
  request<T>(op: OperationSpec, input?: RequestInput, options?: RequestOptions): APIPromise<T>;
}

/** What the typed path client needs to send openapi-fetch's requests the way `request()` sends its own. */
export interface PathClientSetup {
  baseURL: string;
  /** Auth and default headers (lower-case names). */
  headers: Record<string, string>;
  serializeQuery(query: Record<string, unknown> | undefined): string;
  send(request: Request): Promise<Response>;
}

const NO_PARAMS: Record<string, unknown> = Object.freeze({});

export class RetellCore implements RequestClient {
  readonly #options: ResolvedOptions;
  readonly #transport: TransportConfig;
  /** Auth and default headers, computed once; the second adds the JSON content type (defaults may override it). */
  #headers: Record<string, string>;
  #jsonHeaders: Record<string, string>;

  constructor(options?: ClientOptions) {
    // The resolved options double as the transport's config (fetch, logger, logLevel), read per request,
    // so a subclass that changes them (the facade's writable client properties) changes what is used.
    this.#transport = this.#options = resolveOptions(options);
    this.#headers = {};
    this.#jsonHeaders = {};
    this._refreshHeaders();
  }

  /** The resolved base URL (without trailing slash). */
  get baseURL(): string {
    return this.#options.baseURL;
  }

  /** A copy of this client with some options replaced; the API key carries over unless replaced. */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    const { timeout, baseURL, baseURLOverridden, ...rest } = this.#options;
    return new Ctor({ ...rest, ...(timeout !== undefined && { timeout }), ...(baseURLOverridden && { baseURL }), ...options });
  }

  /**
   * For subclasses: the live resolved options. After changing `apiKey` or `defaultHeaders` in it, call
   * `_refreshHeaders()`; other fields are read on every request.
   */
  protected get _resolved(): ResolvedOptions {
    return this.#options;
  }

  /** Recomputes the auth and default headers from the resolved options. */
  protected _refreshHeaders(): void {
    const o = this.#options;
    const auth = `Bearer ${o.apiKey}`;
    this.#headers = mergeHeaders({ authorization: auth }, o.defaultHeaders);
    this.#jsonHeaders = mergeHeaders({ 'content-type': 'application/json', authorization: auth }, o.defaultHeaders);
  }

  /**
   * Sends one operation; resolves with the parsed body (the `Response` with `__binaryResponse`), rejects
   * with an `APIError` (or a TypeError for bad input). `options` may override the route (see `RequestOptions`).
   */
  request<T>(op: OperationSpec, input: RequestInput = {}, options?: RequestOptions): APIPromise<T> {
    const plan = this.#plan(op, options, undefined);
    return new APIPromise<T>(this.#execute(op, input, options, plan), plan, options?.__binaryResponse === true);
  }

  /** For `RetellPathClient`: the same headers, query encoding and transport for openapi-fetch's requests. */
  protected pathClientSetup(): PathClientSetup {
    const defaults = this.#options.defaultQuery;
    return {
      baseURL: this.#options.baseURL,
      headers: this.#headers,
      serializeQuery: defaults ? (query) => serializeQuery({ ...defaults, ...query }) : serializeQuery,
      // The typed path methods carry no per-request options; the Request's own signal is the caller's.
      send: (request) => {
        const plan = this.#plan(undefined, undefined, request.signal);
        plan.method = request.method;
        plan.url = request.url;
        // `undefined` keeps the Request's own method, headers and body over any `fetchOptions`.
        return send(this.#transport, plan, request, { method: undefined, headers: undefined, body: undefined });
      },
    };
  }

  /** Fixes timeout, retries, signal and fetch init for one logical request. */
  #plan(op: OperationSpec | undefined, options: RequestOptions | undefined, signal: AbortSignal | undefined): SendPlan {
    const o = this.#options;
    let init = o.fetchOptions;
    if (options) {
      checkTimeout(options.timeout, 'timeout option');
      checkRetries(options.maxRetries, 'maxRetries option');
      if (options.fetchOptions) init = { ...init, ...options.fetchOptions };
    }
    return {
      timeout: options?.timeout ?? o.timeout ?? op?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options?.maxRetries ?? o.maxRetries,
      signal: options?.signal ?? signal,
      init,
      method: '',
      url: '',
      attempts: 0,
      roundTripTimeMs: 0,
    };
  }

  async #execute(op: OperationSpec, input: RequestInput, options: RequestOptions | undefined, plan: SendPlan): Promise<Response> {
    const { url, init } = await this._buildRequest(op, input, options, plan);
    plan.method = init.method!;
    plan.url = url;
    const response = await send(this.#transport, plan, url, init);
    if (!response.ok) {
      throw APIError.generate(response.status, await errorBody(response), response.statusText, response.headers, init.method, url);
    }
    return response;
  }

  /**
   * The URL of a call, as retell-sdk's `buildURL`: `path` relative to the base URL (or absolute), its own
   * `?query` under the client's `defaultQuery` under `query`. `defaultBaseURL` applies only when the
   * client's base URL was not set by option or environment.
   */
  buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    const o = this.#options;
    let url = path;
    if (!/^https?:\/\//i.test(url)) {
      const base = !o.baseURLOverridden && defaultBaseURL ? checkBaseURL(defaultBaseURL, 'defaultBaseURL option') : o.baseURL;
      url = base + (url.startsWith('/') ? url : `/${url}`);
    }
    const mark = url.indexOf('?');
    const pathQuery = mark === -1 ? undefined : Object.fromEntries(new URLSearchParams(url.slice(mark + 1)));
    if (mark !== -1) url = url.slice(0, mark);
    if (o.defaultQuery || pathQuery) query = { ...pathQuery, ...o.defaultQuery, ...query };
    const search = serializeQuery(query ?? undefined);
    return search === '' ? url : `${url}?${search}`;
  }

  /**
   * URL and fetch init of one call, per-call overrides applied: they replace what the operation would
   * send, as retell-sdk's `{ query, body, ...options }` spread does. A stream body sets `plan.maxRetries` to 0.
   */
  protected async _buildRequest(
    op: OperationSpec,
    input: RequestInput,
    options: RequestOptions | undefined,
    plan?: { maxRetries: number },
  ): Promise<{ url: string; init: RequestInit & { method: string; headers: Record<string, string> } }> {
    const method = (options?.method ?? op.method).toUpperCase();
    const url = this.buildURL(
      options?.path ?? serializePath(op.path, input.path ?? NO_PARAMS),
      (options?.query !== undefined ? options.query : input.query) as Record<string, unknown> | null | undefined,
      options?.defaultBaseURL,
    );
    const rawBody = options?.body !== undefined ? options.body : input.body;
    let body: BodyInit | undefined;
    let base = this.#headers;
    if (rawBody !== undefined && rawBody !== null) {
      if (op.encode) body = await op.encode(rawBody);
      else if (op.body === 'multipart') throw new TypeError(`Operation ${op.operationId} has a multipart body but no encode (use multipartBody).`);
      // Ready-made bodies go as they are (fetch sets their content type), strings too when the call names
      // a content type; anything else is JSON.
      else if (isRawBody(rawBody) || (typeof rawBody === 'string' && 'content-type' in mergeHeaders({}, options?.headers))) {
        body = rawBody as BodyInit;
        // A stream is read once: it cannot be sent again on a retry.
        if (plan && rawBody instanceof ReadableStream) plan.maxRetries = 0;
      } else {
        body = JSON.stringify(rawBody);
        base = this.#jsonHeaders;
      }
    }
    // A copy per request: a custom fetch may change the headers it is given.
    const headers = { ...base };
    if (options) {
      mergeHeaders(headers, options.headers);
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    }
    const init: RequestInit & { method: string; headers: Record<string, string>; duplex?: 'half' } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = 'half';
    return { url, init };
  }

  /** Keeps the key out of `console.log(client)` and `JSON.stringify(client)`. */
  toJSON(): Record<string, unknown> {
    return { baseURL: this.#options.baseURL, maxRetries: this.#options.maxRetries, timeout: this.#options.timeout };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }
}

/** Bodies fetch sends as they are. */
function isRawBody(body: unknown): boolean {
  return (
    body instanceof FormData || body instanceof URLSearchParams || body instanceof Blob || body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) || body instanceof ReadableStream
  );
}

/** The parsed JSON of an error response, else its raw text (`''` when empty: the message says "no body"). */
async function errorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
