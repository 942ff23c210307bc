/**
 * `RetellClient`: what the generated `Retell` class adds to `RetellFullCore` (the lean `RetellCore` plus
 * validated options, logging, `withOptions`, `toJSON`/inspect) so that an app written
 * against retell-sdk@5.33.0 finds every client member it may touch: the writable client properties
 * (`apiKey`, `baseURL`, `maxRetries`, `timeout`, `logger`, `logLevel`, `fetchOptions`, `fetch`), the raw
 * route methods (`get`, `post`, `put`, `patch`, `delete`, `request(options)`), `buildURL`,
 * `buildRequest`, `fetchWithTimeout`, and the statics `DEFAULT_TIMEOUT`, `verify` and `sign`.
 *
 * The properties are accessors over the core's resolved options, not own fields: the key stays out of
 * `Object.keys(client)`, spreads and structured clones, and a change applies to the next request.
 */
import {
  APIPromise,
  checkBaseURL,
  checkLogLevel,
  checkRetries,
  checkTimeout,
  DEFAULT_TIMEOUT_MS,
  RetellFullCore,
  type RetellCore,
  signWebhook,
  verifyWebhook,
  type HTTPMethod,
  type Logger,
  type LogLevel,
  type OperationSpec,
  type RequestInput,
  type RequestOptions,
} from '@retell-kit/client/runtime';

export type PromiseOrValue<T> = T | Promise<T>;
/** `RequestInit` fields a client passes to fetch as they are (the other four are its own). */
export type FetchOptions = RequestInit & Partial<Record<'body' | 'headers' | 'method' | 'signal', never>>;
/** A call described wholly by its options, as retell-sdk's `client.request({ method, path, ... })` takes it. */
export type FinalRequestOptions = RequestOptions & { method: HTTPMethod | Uppercase<HTTPMethod>; path: string };

/** The route of a raw call comes from its options (`path`, `method`); these carry only the verb. */
const RAW: Record<string, OperationSpec> = {};
for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) RAW[method] = { operationId: method.toLowerCase(), method, path: '/' };

function isOperationSpec(value: unknown): value is OperationSpec {
  return typeof value === 'object' && value !== null && typeof (value as OperationSpec).operationId === 'string';
}

export class RetellClient extends RetellFullCore {
  /** Per-attempt timeout (ms) when neither the client, the call nor the operation sets one. */
  static DEFAULT_TIMEOUT = DEFAULT_TIMEOUT_MS;
  /**
   * Checks a webhook's `x-retell-signature` (`await Retell.verify(body, apiKey, signature)`), typed as
   * retell-sdk@5.66 types it: a Promise of a boolean, on Web Crypto so it runs in any runtime. Code
   * written for the older synchronous form can import `verifyWebhookSync` from `@retell-kit/client/runtime`.
   */
  static verify = (body: string, apiKey: string, signature: string): Promise<boolean> => verifyWebhook(body, apiKey, signature);
  /** Signs a body with the current time, as Retell signs a webhook: the `x-retell-signature` value. */
  static sign = (body: string, apiKey: string): Promise<string> => signWebhook(body, apiKey);

  /** The name of the header `idempotencyKey` is sent in. */
  protected idempotencyHeader?: string = 'idempotency-key';

  get apiKey(): string {
    return this._resolved.apiKey;
  }
  set apiKey(value: string) {
    if (typeof value !== 'string' || value === '') throw new TypeError('Invalid apiKey: expected a non-empty string.');
    this._resolved.apiKey = value;
    this._refreshHeaders();
  }

  override get baseURL(): string {
    return super.baseURL;
  }
  override set baseURL(value: string) {
    this._resolved.baseURL = checkBaseURL(value, 'baseURL');
    this._resolved.baseURLOverridden = true;
  }

  get maxRetries(): number {
    return this._resolved.maxRetries;
  }
  set maxRetries(value: number) {
    checkRetries(value ?? null, 'maxRetries');
    this._resolved.maxRetries = value;
  }

  /** The client's per-attempt timeout: the one set, else `DEFAULT_TIMEOUT` (operations with their own default keep it). */
  get timeout(): number {
    return this._resolved.timeout ?? DEFAULT_TIMEOUT_MS;
  }
  set timeout(value: number) {
    checkTimeout(value ?? null, 'timeout');
    this._resolved.timeout = value;
  }

  get logger(): Logger {
    return this._resolved.logger ?? console;
  }
  set logger(value: Logger) {
    this._resolved.logger = value;
  }

  get logLevel(): LogLevel | undefined {
    return this._resolved.logLevel;
  }
  set logLevel(value: LogLevel | undefined) {
    this._resolved.logLevel = checkLogLevel(value ?? 'warn', 'logLevel');
  }

  /** Read as retell-sdk types it: the client's own `body`, `headers`, `method` and `signal` always win over these. */
  get fetchOptions(): FetchOptions | undefined {
    return this._resolved.fetchOptions as FetchOptions | undefined;
  }
  set fetchOptions(value: RequestInit | undefined) {
    this._resolved.fetchOptions = value;
  }

  get fetch(): typeof fetch {
    return this._resolved.fetch;
  }
  set fetch(value: typeof fetch) {
    if (typeof value !== 'function') throw new TypeError(`Invalid fetch ${String(value)}: expected a function.`);
    this._resolved.fetch = value;
  }

  /** retell-sdk's `buildURL`: also keeps a `?query` written in the path, and honours `defaultBaseURL`. */
  override buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    const o = this._resolved;
    const [bare, pathQuery] = path.split('?', 2);
    if (pathQuery) query = { ...Object.fromEntries(new URLSearchParams(pathQuery)), ...o.defaultQuery, ...query };
    const absolute = /^https?:\/\//i.test(bare!);
    if (!absolute && !o.baseURLOverridden && defaultBaseURL) {
      return super.buildURL(checkBaseURL(defaultBaseURL, 'defaultBaseURL option') + bare, query);
    }
    return super.buildURL(bare!, query);
  }

  /** As retell-sdk sends them: Blobs, buffers, URLSearchParams, streams and FormData as they are; strings too when the call names a content type. */
  protected override _rawBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
    if (typeof body === 'string') return 'content-type' in headers ? body : undefined;
    const raw = body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams || body instanceof ArrayBuffer;
    return raw || ArrayBuffer.isView(body) || body instanceof ReadableStream ? (body as BodyInit) : undefined;
  }

  /** A stream body is read once: no retries, and fetch needs `duplex: 'half'` to send it. */
  protected override async _buildRequest(
    ...args: Parameters<RetellCore['_buildRequest']>
  ): ReturnType<RetellCore['_buildRequest']> {
    const built = await super._buildRequest(...args);
    if (built.init.body instanceof ReadableStream) {
      (built.init as RequestInit & { duplex?: string }).duplex = 'half';
      if (args[3]) args[3].maxRetries = 0;
    }
    return built;
  }

  get<T = unknown>(path: string, options?: PromiseOrValue<RequestOptions>): APIPromise<T> {
    return this.#raw<T>('GET', path, options);
  }
  post<T = unknown>(path: string, options?: PromiseOrValue<RequestOptions>): APIPromise<T> {
    return this.#raw<T>('POST', path, options);
  }
  put<T = unknown>(path: string, options?: PromiseOrValue<RequestOptions>): APIPromise<T> {
    return this.#raw<T>('PUT', path, options);
  }
  patch<T = unknown>(path: string, options?: PromiseOrValue<RequestOptions>): APIPromise<T> {
    return this.#raw<T>('PATCH', path, options);
  }
  delete<T = unknown>(path: string, options?: PromiseOrValue<RequestOptions>): APIPromise<T> {
    return this.#raw<T>('DELETE', path, options);
  }

  /**
   * One operation (`request(op, input, options)`, what generated code calls), or, as retell-sdk's
   * `request`, one call described by its options alone (`request({ method: 'get', path: '/list-agents' })`).
   */
  override request<T>(op: OperationSpec, input?: RequestInput, options?: RequestOptions): APIPromise<T>;
  override request<T>(options: PromiseOrValue<FinalRequestOptions>, remainingRetries?: number | null): APIPromise<T>;
  override request<T>(
    first: OperationSpec | PromiseOrValue<FinalRequestOptions>,
    second?: RequestInput | number | null,
    third?: RequestOptions,
  ): APIPromise<T> {
    if (isOperationSpec(first)) return super.request<T>(first, second as RequestInput | undefined, third);
    const retries = typeof second === 'number' ? second : undefined;
    return this.#deferred(first, (o: FinalRequestOptions) => super.request<T>(RAW[o.method.toUpperCase()] ?? RAW['GET']!, {}, retries === undefined ? o : { ...o, maxRetries: retries }));
  }

  /** retell-sdk's `buildRequest`: the URL, fetch init and timeout a call would use, without sending it. */
  async buildRequest(
    options: FinalRequestOptions,
    _context: { retryCount?: number } = {},
  ): Promise<{ req: RequestInit & { headers: Headers }; url: string; timeout: number }> {
    const { url, init } = await this._buildRequest(RAW[options.method.toUpperCase()] ?? RAW['GET']!, {}, options);
    const req = { ...this.fetchOptions, ...options.fetchOptions, ...init, headers: new Headers(init.headers), ...(options.signal && { signal: options.signal }) };
    return { req, url, timeout: options.timeout ?? this.timeout };
  }

  /** retell-sdk's `fetchWithTimeout`: one fetch through the client's `fetch`, aborted by `controller` after `ms`. */
  async fetchWithTimeout(url: string | URL | Request, init: RequestInit | undefined, ms: number, controller: AbortController): Promise<Response> {
    const signal = init?.signal;
    const abort = (): void => controller.abort(signal?.reason);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => controller.abort(), ms);
    try {
      return await this.fetch.call(undefined, url, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  #raw<T>(method: string, path: string, options: PromiseOrValue<RequestOptions> | undefined): APIPromise<T> {
    return this.#deferred(options ?? {}, (o: RequestOptions) => super.request<T>(RAW[method]!, {}, { ...o, path: o.path ?? path, method: o.method ?? (method as HTTPMethod) }));
  }

  /** Plain options go straight through; a promise of options is awaited first (retell-sdk's `PromiseOrValue`). */
  #deferred<O extends RequestOptions, T>(options: PromiseOrValue<O>, run: (options: O) => APIPromise<T>): APIPromise<T> {
    if (!(options instanceof Promise)) return run(options);
    let binary = false;
    const response = options.then((o) => {
      binary = o.__binaryResponse === true;
      return run(o).asResponse();
    });
    const plan = { timeout: 0, maxRetries: 0, signal: undefined, init: undefined, method: '', url: '', attempts: 0, roundTripTimeMs: 0 };
    return new APIPromise<T>(response, plan, () => binary);
  }
}
