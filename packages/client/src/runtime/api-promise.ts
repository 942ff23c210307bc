/**
 * `APIPromise<T>`: a Promise of the parsed JSON body that also gives access to the raw `Response`. The
 * request starts at once; the body is parsed only when the promise itself is awaited, so `.asResponse()`
 * hands over an unread `Response`.
 */
import { APIError } from './errors.js';
import { unreadResponse, type SendPlan } from './transport.js';

export interface WithResponse<T> {
  data: T;
  response: Response;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
  /** From the first attempt's start to the final response's headers, retries and backoff included. */
  roundTripTimeMs: number;
}

export class APIPromise<T> extends Promise<T> {
  // Derived promises (`then`, `catch`, ...) are plain Promises, not APIPromises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #response: Promise<Response>;
  readonly #plan: SendPlan;
  readonly #raw: boolean | (() => boolean);
  #parsed: Promise<T> | undefined;
  #unread: Promise<Response> | undefined;

  /**
   * `response` settles with the final 2xx Response or rejects with the request's error; `plan` carries its
   * facts. `raw`: the value is the `Response` itself, body unread (retell-sdk's `__binaryResponse`); a
   * function is asked once the response is in (for options that were themselves a promise).
   */
  constructor(response: Promise<Response>, plan: SendPlan, raw: boolean | (() => boolean) = false) {
    // The base promise is never settled; every consumer goes through `#parsed` via the overrides below.
    super(noop);
    this.#response = response;
    this.#plan = plan;
    this.#raw = raw;
  }

  /** For subclasses that wrap a request already made (`PagePromise`): its response and plan. */
  protected static sourceOf<T>(promise: APIPromise<T>): [Promise<Response>, SendPlan] {
    return [promise.#response, promise.#plan];
  }

  /**
   * The raw Response, body unread (rebuilt over the bytes the transport read, on first ask: a call that
   * is only awaited never builds it). Rejects with the same errors as the promise itself.
   */
  asResponse(): Promise<Response> {
    return (this.#unread ??= this.#response.then((r) => unreadResponse(r, this.#plan)));
  }

  async withResponse(): Promise<WithResponse<T>> {
    const [data, response] = await Promise.all([this.#data(), this.asResponse()]);
    return { data, response, attempts: this.#plan.attempts, roundTripTimeMs: this.#plan.roundTripTimeMs };
  }

  #data(): Promise<T> {
    return (this.#parsed ??= this.#response.then((r) => ((typeof this.#raw === 'function' ? this.#raw() : this.#raw) ? this.asResponse() : parseJSON(r, this.#plan)) as T | Promise<T>));
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#data().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#data().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#data().finally(onfinally);
  }
}

function noop(): void {}

const utf8 = new TextDecoder();

/** The UTF-8 text of a body the transport read (`''` when empty), as `Response.text()` decodes it. */
export function decodeText(body: ArrayBuffer | null | undefined): string {
  return body ? utf8.decode(body) : '';
}

/**
 * Parses a success body as JSON, from the bytes the transport read (synchronously: no stream is made to
 * read them again), or from the response when a plan has none; an empty body is `undefined`; a body that
 * is not JSON is an APIError keeping the text.
 */
function parseJSON(response: Response, plan: SendPlan): unknown {
  if (response.status === 204) return undefined;
  if (plan.body === undefined) return response.text().then((text) => parseText(text, response, plan));
  return parseText(decodeText(plan.body), response, plan);
}

function parseText(text: string, response: Response, plan: SendPlan): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const err = new APIError(response.status, text, undefined, response.headers, plan.method, plan.url);
    err.message = `${response.status} response body is not JSON: ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`;
    throw err;
  }
}
