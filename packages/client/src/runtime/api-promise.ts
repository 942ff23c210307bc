/**
 * `APIPromise<T>`: a Promise of the parsed body that also gives access to the raw `Response`. The request
 * starts at once; the body is parsed only when the promise itself is awaited, so `.asResponse()` hands
 * over an unread `Response`.
 */
import type { SendPlan } from './transport.js';

export interface WithResponse<T> {
  data: T;
  response: Response;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
  /** From the first attempt's start to the final response's headers, retries and backoff included. */
  roundTripTimeMs: number;
}

export type ParseResponse<T> = (response: Response, plan: SendPlan) => Promise<T>;

export class APIPromise<T> extends Promise<T> {
  // Derived promises (`then`, `catch`, ...) are plain Promises, not APIPromises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #response: Promise<Response>;
  readonly #plan: SendPlan;
  readonly #parse: ParseResponse<T>;
  #parsed: Promise<T> | undefined;

  constructor(response: Promise<Response>, plan: SendPlan, parse: ParseResponse<T>) {
    // The base promise is never settled; every consumer goes through `#parsed` via the overrides below.
    super(() => undefined);
    this.#response = response;
    this.#plan = plan;
    this.#parse = parse;
  }

  /** The raw Response, body unread. Rejects with the same errors as the promise itself. */
  asResponse(): Promise<Response> {
    return this.#response;
  }

  async withResponse(): Promise<WithResponse<T>> {
    const [data, response] = await Promise.all([this.#data(), this.#response]);
    return { data, response, attempts: this.#plan.attempts, roundTripTimeMs: this.#plan.roundTripTimeMs };
  }

  #data(): Promise<T> {
    return (this.#parsed ??= this.#response.then((r) => this.#parse(r, this.#plan)));
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
