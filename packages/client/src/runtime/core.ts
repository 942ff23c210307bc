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
  readonly #headers: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;

  constructor(options?: ClientOptions) {
    const o = (this.#options = resolveOptions(options));
    this.#transport = { fetch: o.fetch, logger: o.logger, logLevel: o.logLevel };
    const auth = `Bearer ${o.apiKey}`;
    this.#headers = mergeHeaders({ authorization: auth }, o.defaultHeaders);
    this.#jsonHeaders = mergeHeaders({ 'content-type': 'application/json', authorization: auth }, o.defaultHeaders);
  }

  /** The resolved base URL (without trailing slash). */
  get baseURL(): string {
    return this.#options.baseURL;
  }

  /** A copy of this client with some options replaced; the API key carries over unless replaced. */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    const { timeout, ...rest } = this.#options;
    return new Ctor({ ...rest, ...(timeout !== undefined && { timeout }), ...options });
  }

  /** Sends one operation; resolves with the parsed body, rejects with an `APIError` (or a TypeError for bad input). */
  request<T>(op: OperationSpec, input: RequestInput = {}, options?: RequestOptions): APIPromise<T> {
    const plan = this.#plan(op, options, undefined);
    return new APIPromise<T>(this.#execute(op, input, options, plan), plan);
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
    const o = this.#options;
    let url = o.baseURL + serializePath(op.path, input.path ?? NO_PARAMS);
    const query = o.defaultQuery || options?.query ? { ...o.defaultQuery, ...input.query, ...options?.query } : input.query;
    const search = serializeQuery(query);
    if (search !== '') url += `?${search}`;

    let body: BodyInit | undefined;
    let base = this.#headers;
    if (input.body !== undefined) {
      if (op.encode) body = await op.encode(input.body);
      else if (op.body === 'multipart') throw new TypeError(`Operation ${op.operationId} has a multipart body but no encode (use multipartBody).`);
      // A FormData the caller built goes as is (fetch sets the boundary), as openapi-fetch's default did.
      else if (input.body instanceof FormData) body = input.body;
      else {
        body = JSON.stringify(input.body);
        base = this.#jsonHeaders;
      }
    }
    // A copy per request: a custom fetch may change the headers it is given.
    const headers = { ...base };
    if (options) {
      mergeHeaders(headers, options.headers);
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    }

    plan.method = op.method;
    plan.url = url;
    const response = await send(this.#transport, plan, url, { method: op.method, headers, body });
    if (!response.ok) {
      throw APIError.generate(response.status, await errorBody(response), response.statusText, response.headers, op.method, url);
    }
    return response;
  }

  /** Keeps the key out of `console.log(client)` and `JSON.stringify(client)`. */
  toJSON(): Record<string, unknown> {
    return { baseURL: this.#options.baseURL, maxRetries: this.#options.maxRetries, timeout: this.#options.timeout };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }
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
