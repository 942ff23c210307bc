/**
 * `RetellCore`: resolved options, one openapi-fetch client, and the transport. Generated operation
 * functions and the facade call `request()` / `requestPage()`; the typed path methods (`GET`, `POST`, ...)
 * are openapi-fetch's own, running over the same transport.
 */
import createClient, { createQuerySerializer, type Client, type Middleware } from 'openapi-fetch';
import { APIPromise } from './api-promise.js';
import { APIError } from './errors.js';
import { encodeMultipart, resolveUploads } from './multipart.js';
import type { OperationSpec, RequestInput } from './operation.js';
import {
  checkRetries,
  checkTimeout,
  DEFAULT_TIMEOUT_MS,
  resolveOptions,
  type ClientOptions,
  type HeadersInput,
  type RequestOptions,
  type ResolvedOptions,
} from './options.js';
import { PagePromise, withCursor } from './pagination.js';
import { serializePath } from './path.js';
import { send, type SendPlan, type TransportConfig } from './transport.js';

/** The slice of openapi-fetch's `request` the runtime uses, typed without the path-level generics. */
type UntypedRequest = (
  method: string,
  path: string,
  init: {
    params: { path: Record<string, unknown>; query: Record<string, unknown> | undefined };
    body?: unknown;
    headers?: HeadersInput;
    parseAs: 'stream';
    bodySerializer?: (body: unknown) => unknown;
    fetch: (request: Request) => Promise<Response>;
  },
) => Promise<{ error?: unknown; response: Response }>;

/** What generated code needs from a client; any `RetellCore<Paths>` satisfies it. */
export interface RequestClient {
  request<T>(op: OperationSpec, input?: RequestInput, options?: RequestOptions): APIPromise<T>;
  requestPage<P, Item>(op: OperationSpec, input?: RequestInput, options?: RequestOptions): PagePromise<P, Item>;
}

const NO_PARAMS: Record<string, unknown> = Object.freeze({});
/** `fetchOptions` fields that would undo what the Request already carries. */
const RESERVED_INIT = ['headers', 'body', 'method', 'signal'] as const;

export class RetellCore<Paths extends {} = {}> implements RequestClient {
  readonly #options: ResolvedOptions;
  readonly #transport: TransportConfig;
  readonly #init: RequestInit | undefined;
  readonly #request: UntypedRequest;

  readonly GET: Client<Paths>['GET'];
  readonly POST: Client<Paths>['POST'];
  readonly PUT: Client<Paths>['PUT'];
  readonly PATCH: Client<Paths>['PATCH'];
  readonly DELETE: Client<Paths>['DELETE'];
  /** openapi-fetch middleware, for the typed path methods and `request()` alike. */
  readonly use: (...middleware: Middleware[]) => void;
  readonly eject: (...middleware: Middleware[]) => void;

  constructor(options?: ClientOptions) {
    const o = (this.#options = resolveOptions(options));
    this.#transport = { fetch: o.fetch, logger: o.logger, logLevel: o.logLevel };
    this.#init = fetchInit(o.fetchOptions);
    const dq = o.defaultQuery;
    // Given as a function, openapi-fetch uses it as is instead of building a serializer per request.
    const serializeQuery = createQuerySerializer();
    const client = createClient<Paths>({
      baseUrl: o.baseURL,
      headers: { Authorization: `Bearer ${o.apiKey}`, ...o.defaultHeaders },
      pathSerializer: serializePath,
      querySerializer: dq ? (q: Record<string, unknown>) => serializeQuery({ ...dq, ...q }) : serializeQuery,
      // The typed path methods carry no per-request options; the Request's own signal is the user's.
      fetch: (request) => send(this.#transport, request, this.#plan(undefined, undefined, request.signal)),
    });
    this.#request = client.request as unknown as UntypedRequest;
    this.GET = client.GET;
    this.POST = client.POST;
    this.PUT = client.PUT;
    this.PATCH = client.PATCH;
    this.DELETE = client.DELETE;
    this.use = client.use;
    this.eject = client.eject;
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

  request<T>(op: OperationSpec, input: RequestInput = {}, options?: RequestOptions): APIPromise<T> {
    const plan = this.#plan(op, options, undefined);
    return new APIPromise<T>(this.#execute(op, input, options, plan), plan, parseJSON as (r: Response, p: SendPlan) => Promise<T>);
  }

  requestPage<P, Item>(op: OperationSpec, input: RequestInput = {}, options?: RequestOptions): PagePromise<P, Item> {
    const spec = op.pagination;
    if (!spec) throw new TypeError(`Operation ${op.operationId} is not paginated.`);
    const plan = this.#plan(op, options, undefined);
    return new PagePromise<P, Item>(
      this.#execute(op, input, options, plan),
      plan,
      parseJSON as (r: Response, p: SendPlan) => Promise<P>,
      spec,
      (cursor) => this.requestPage<P, Item>(op, withCursor(input, spec, cursor), options),
    );
  }

  /** Fixes timeout, retries, signal and fetch init for one logical request. */
  #plan(op: OperationSpec | undefined, options: RequestOptions | undefined, signal: AbortSignal | undefined): SendPlan {
    const o = this.#options;
    let init = this.#init;
    if (options) {
      checkTimeout(options.timeout, 'timeout option');
      checkRetries(options.maxRetries, 'maxRetries option');
      if (options.fetchOptions) init = { ...init, ...fetchInit(options.fetchOptions) };
    }
    return {
      timeout: options?.timeout ?? o.timeout ?? op?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options?.maxRetries ?? o.maxRetries,
      signal: options?.signal ?? signal,
      init,
      attempts: 0,
      roundTripTimeMs: 0,
      method: '',
      url: '',
    };
  }

  async #execute(op: OperationSpec, input: RequestInput, options: RequestOptions | undefined, plan: SendPlan): Promise<Response> {
    const multipart = op.body === 'multipart' && input.body !== undefined;
    const body = multipart ? await resolveUploads(input.body) : input.body;
    let headers = options?.headers;
    if (options?.idempotencyKey) headers = { ...headers, 'Idempotency-Key': options.idempotencyKey };
    const query = options?.query ? { ...input.query, ...options.query } : input.query;
    const { error, response } = await this.#request(op.method, op.path, {
      params: { path: input.path ?? NO_PARAMS, query },
      body,
      headers,
      parseAs: 'stream',
      ...(multipart && { bodySerializer: encodeMultipart }),
      fetch: (request) => send(this.#transport, request, plan),
    });
    if (!response.ok) {
      throw APIError.generate(response.status, error, response.statusText, response.headers, plan.method, plan.url);
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

/** Parses a success body as JSON; an empty body is `undefined`; a body that is not JSON is an APIError keeping the text. */
async function parseJSON(response: Response, plan: SendPlan): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const err = new APIError(response.status, text, undefined, response.headers, plan.method, plan.url);
    err.message = `${response.status} response body is not JSON: ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`;
    throw err;
  }
}

function fetchInit(options: RequestInit | undefined): RequestInit | undefined {
  if (!options) return undefined;
  const init: Record<string, unknown> = { ...options };
  for (const key of RESERVED_INIT) delete init[key];
  return init as RequestInit;
}
