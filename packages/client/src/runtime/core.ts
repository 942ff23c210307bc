/**
 * `RetellCore`: resolved options and the transport, nothing else: the smallest client a one-call app can
 * bundle. Option validation with messages, `withOptions`/`toJSON`/inspect, logging and the naming of HTML
 * error pages are `RetellFullCore`'s (full-core.ts), which `createClient()` and the facade build on. Generated operation functions and the
 * facade call `request()`, which builds the URL (path and query serializers) and the fetch init itself
 * and hands them to the transport. It imports no HTTP library: the typed path methods (`GET`, `POST`,
 * ...) live in `RetellPathClient` (path-client.ts, which also sets up their transport), pagination in `requestPage` (pagination.ts) and
 * multipart encoding in `multipartBody` (multipart.ts), so an app bundles only what it calls.
 */
import { APIPromise, decodeText } from './api-promise.js';
import { APIError } from './errors.js';
import { mergeHeaders } from './headers.js';
import type { OperationSpec, RequestInput } from './operation.js';
import {
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

/** One frozen empty object serves as "no input" and "no path parameters". */
const NO_INPUT: RequestInput & Record<string, unknown> = Object.freeze({});

export class RetellCore implements RequestClient {
  readonly #options: ResolvedOptions;
  readonly #transport: TransportConfig;
  /** Auth and default headers, computed once; the second adds the JSON content type (defaults may override it). */
  #headers: Record<string, string>;
  /** The JSON content type: the default headers' own when they set one (they may set a charset), else plain. */
  #jsonType = '';

  constructor(options?: ClientOptions) {
    // The resolved options double as the transport's config (fetch, the log hook), read per request,
    // so a subclass that changes them (the facade's writable client properties) changes what is used.
    this.#transport = this.#options = resolveOptions(options);
    this.#headers = {};
    this._refreshHeaders();
  }

  /** The resolved base URL (without trailing slash). */
  get baseURL(): string {
    return this.#options.baseURL;
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
    this.#headers = mergeHeaders({ authorization: `Bearer ${o.apiKey}` }, o.defaultHeaders);
    this.#jsonType = this.#headers['content-type'] ?? 'application/json';
    delete this.#headers['content-type'];
  }

  /**
   * Sends one operation; resolves with the parsed body (the `Response` with `__binaryResponse`), rejects
   * with an `APIError` (or a TypeError for bad input). `options` may override the route (see `RequestOptions`).
   */
  request<T>(op: OperationSpec, input: RequestInput = NO_INPUT, options?: RequestOptions): APIPromise<T> {
    const plan = planRequest(this.#options, op, options, undefined);
    return new APIPromise<T>(this.#execute(op, input, options, plan), plan, options?.__binaryResponse === true);
  }

  /** For `RetellPathClient`: the auth and default headers (lower-case names) every request carries. */
  protected get _headers(): Record<string, string> {
    return this.#headers;
  }

  /**
   * Builds and sends one call; resolves with the final 2xx Response, its body in `plan.body`. A call with
   * no options and no body (a plain GET, the most common call) takes the shortest path: no override
   * merging, no header merge (a copy of the ready auth and default headers: a custom fetch may change
   * what it is given), no await before fetch. Everything else goes through `_buildRequest`.
   */
  async #execute(op: OperationSpec, input: RequestInput, options: RequestOptions | undefined, plan: SendPlan): Promise<Response> {
    let url: string;
    let init: RequestInit & { method: string };
    if (options === undefined && input.body == null) {
      url = this.buildURL(serializePath(op.path, input.path ?? NO_INPUT), input.query);
      init = { method: op.method, headers: { ...this.#headers } };
    } else {
      ({ url, init } = await this._buildRequest(op, input, options, plan));
    }
    plan.method = init.method;
    plan.url = url;
    const response = await send(this.#transport, plan, url, init);
    if (!response.ok) {
      const error = APIError.generate(response.status, errorBody(plan.body), response.statusText, response.headers, init.method, url);
      this.#options.onAPIError?.(error, response.statusText);
      throw error;
    }
    return response;
  }

  /**
   * The URL of a call: `path` relative to the base URL (or absolute), the client's `defaultQuery` under
   * `query`. The facade's client extends it to retell-sdk's full `buildURL` (a `?query` in the path, `defaultBaseURL`).
   */
  buildURL(path: string, query: Record<string, unknown> | null | undefined, _defaultBaseURL?: string): string {
    const o = this.#options;
    const search = serializeQuery(o.defaultQuery ? { ...o.defaultQuery, ...query } : (query ?? undefined));
    // Operation paths start with `/`: only other paths need the absolute-URL test.
    const url = path.charCodeAt(0) !== 47 && /^https?:\/\//i.test(path) ? path : o.baseURL + path;
    return search ? `${url}?${search}` : url;
  }

  /**
   * URL and fetch init of one call, per-call overrides applied: `method`, `path`, `query` and `body`
   * replace what the operation would send, as retell-sdk's `{ query, body, ...options }` spread does.
   * A `FormData` body goes as it is, other bodies as JSON (the facade's client also sends strings,
   * Blobs, buffers and streams as they are: `_rawBody`).
   */
  protected async _buildRequest(
    op: OperationSpec,
    input: RequestInput,
    options: RequestOptions = {},
    _plan?: { maxRetries: number },
  ): Promise<{ url: string; init: RequestInit & { method: string; headers: Record<string, string> } }> {
    const query = (options.query !== undefined ? options.query : input.query) as Record<string, unknown> | null | undefined;
    const url = this.buildURL(options.path ?? serializePath(op.path, input.path ?? NO_INPUT), query, options.defaultBaseURL);
    const raw = options.body !== undefined ? options.body : input.body;
    // A copy per request: a custom fetch may change the headers it is given.
    const headers = mergeHeaders({ ...this.#headers }, options.headers);
    let body: BodyInit | undefined;
    if (raw != null) {
      if (op.encode) body = await op.encode(raw);
      else if (op.body === 'multipart') throw new TypeError(`Operation ${op.operationId} has a multipart body but no encode (use multipartBody).`);
      else if (!(body = this._rawBody(raw, headers))) {
        body = JSON.stringify(raw);
        headers['content-type'] ??= this.#jsonType;
      }
    }
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    return { url, init: { method: (options.method ?? op.method).toUpperCase(), headers, body } };
  }

  /** A body fetch sends as it is (here a `FormData`: fetch sets its boundary), else undefined for JSON. */
  protected _rawBody(body: unknown, _headers: Record<string, string>): BodyInit | undefined {
    return body instanceof FormData ? body : undefined;
  }
}

/**
 * Fixes timeout, retries, signal and fetch init for one logical request (also the typed path client's).
 * The options are taken as they are: `RetellFullCore.request` checks them first.
 */
export function planRequest(
  o: ResolvedOptions,
  op: OperationSpec | undefined,
  options: RequestOptions | undefined,
  signal: AbortSignal | undefined,
): SendPlan {
  let init = o.fetchOptions;
  if (options?.fetchOptions) init = { ...init, ...options.fetchOptions };
  return {
    timeout: options?.timeout ?? o.timeout ?? op?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options?.maxRetries ?? o.maxRetries,
    signal: options?.signal ?? signal,
    init,
    method: '',
    url: '',
    attempts: 0,
    roundTripTimeMs: 0,
    // Present from the start, so every plan keeps one shape when `send` fills it in.
    body: undefined,
  };
}

/** The parsed JSON of an error response, else its raw text (`''` when empty: the message says "no body"). */
function errorBody(body: ArrayBuffer | null | undefined): unknown {
  const text = decodeText(body);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
