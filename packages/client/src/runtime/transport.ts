/**
 * The transport. One call of `send` is one logical request: it runs the attempts (per-attempt timeout,
 * the caller's abort signal, retries with backoff) and returns the final `Response`, whatever its status,
 * with its body already read inside the last attempt into `plan.body` (so the timeout and the signal cover
 * the body, and a reset halfway through it is a connection error that is retried). The bytes are parsed
 * as they are; an unread `Response` over them is built only for those who ask (`unreadResponse`);
 * turning statuses into errors is the caller's job, so the typed path methods keep openapi-fetch's
 * `{ data, error, response }` contract.
 *
 * `request()` hands over a URL and a ready `RequestInit` (no `Request` object: building one costs more
 * than the rest of the runtime together, and fetch builds its own anyway). Its bodies are strings or
 * `FormData`, which fetch can send again as they are. The typed path client hands over openapi-fetch's
 * `Request`, which is cloned while another attempt may follow, since a `Request` body is read once.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors.js';
import { retryDelayMs, shouldRetryResponse, sleep } from './retry.js';

/** Everything one logical request needs, fixed before the first attempt. */
export interface SendPlan {
  timeout: number;
  maxRetries: number;
  /** The caller's signal: aborting it ends the request at once and is never retried. */
  signal: AbortSignal | null | undefined;
  /** Extra fetch init (merged `fetchOptions`), spread under our own `method`, `headers`, `body` and `signal`. */
  init: RequestInit | undefined;
  /** Set by the caller before `send`; read by logs, errors and `withResponse()`. */
  method: string;
  url: string;
  /** Filled in by `send`. */
  attempts: number;
  roundTripTimeMs: number;
  /**
   * Filled in by `send`: the final response's body, read inside the last attempt (`null`: empty). While
   * it is `undefined`, the response `send` resolved with is still unread (a plan made outside `send`).
   */
  body?: ArrayBuffer | null | undefined;
}

export interface TransportConfig {
  fetch: typeof fetch;
  /** Called (as a method of the config) at each step, when set: the lean core has none, so it does not log. */
  log?: TransportLog | undefined;
}

/**
 * What the transport reports: `0` an attempt about to be sent (its request headers), `1` the final
 * response, `2` a retry (why, retries left in place of the attempt, the delay in ms). `logTransport` (logger.ts) writes them.
 */
export type TransportLog = (
  this: TransportConfig,
  event: 0 | 1 | 2,
  plan: SendPlan,
  detail: unknown,
  attempt: number,
  delay?: number,
) => void;

/** Distinguishes our own timeout abort from any other abort reason. */
const TIMEOUT = Symbol('timeout');

/** Statuses whose Response may not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The timer's callback: a plain function given the controller, so arming a timeout allocates no closure. */
function abortOnTimeout(controller: AbortController): void {
  controller.abort(TIMEOUT);
}

/**
 * Sends `input`: a URL with `init` carrying method, headers and body, or a `Request` with those three
 * `undefined` in `init` (so `fetchOptions` cannot replace what the Request carries). Resolves with the
 * final `Response`, its body already read into `plan.body` (`unreadResponse` turns the two back into an
 * unread Response when someone asks for one); rejects with an `APIError` subclass.
 *
 * What a successful first attempt pays for, and nothing more: one AbortController (reused by retries
 * until a timeout fires it), one timer armed without a closure, one abort watch over the two awaited
 * steps (headers, body; reading the body inside the attempt is what lets a body that stalls time out or
 * yield to the caller's signal, and a reset halfway through it be retried like any connection error).
 * A caller's signal adds one listener; logging costs one call of the config's `log` hook, when it has one.
 */
export async function send(config: TransportConfig, plan: SendPlan, input: string | Request, init: RequestInit): Promise<Response> {
  const fetch = config.fetch;
  const user = plan.signal;
  if (plan.init) init = { ...plan.init, ...init };
  const started = performance.now();
  let controller: AbortController | undefined;

  for (let attempt = 1; ; attempt++) {
    if (user?.aborted) throw new APIUserAbortError(undefined, plan.method, plan.url);
    const retriesLeft = plan.maxRetries - attempt + 1;
    // A Request body can be read once: keep the original unread while another attempt may follow.
    const target = typeof input !== 'string' && retriesLeft > 0 && input.body !== null ? input.clone() : input;
    config.log?.(0, plan, typeof target === 'string' ? init.headers : target.headers, attempt);

    if (!controller || controller.signal.aborted) controller = new AbortController();
    const signal = controller.signal;
    const onUserAbort = user ? abortWith(controller, user) : undefined;
    // The timer and the caller's signal stay armed until the body is read, not just the headers.
    const timer = setTimeout(abortOnTimeout, plan.timeout, controller);
    const watch = new AbortWatch(signal);
    let response: Response | undefined;
    let retry = false;
    let failure: unknown;
    let headersAt = 0;
    try {
      init.signal = signal;
      response = await watch.step(fetch(target, init));
      headersAt = performance.now();
      // A response about to be retried is thrown away unread; every other body is read inside the attempt.
      // Only an error status is ever retried (as retell-sdk does), so a 2xx never has its headers searched.
      retry = retriesLeft > 0 && !response.ok && shouldRetryResponse(response);
      if (!retry) {
        try {
          const bytes = await watch.step(response.arrayBuffer());
          plan.body = bytes.byteLength === 0 || NULL_BODY.has(response.status) ? null : bytes;
        } catch (error) {
          // A body that ignores the signal is abandoned, and cancelled, on abort.
          if (response.body && !response.bodyUsed) response.body.cancel().catch(() => undefined);
          throw error;
        }
      }
    } catch (error) {
      response = undefined;
      failure = error;
    } finally {
      clearTimeout(timer);
      watch.end();
      if (onUserAbort) user!.removeEventListener('abort', onUserAbort);
    }

    let why: string;
    if (response) {
      if (!retry) {
        plan.attempts = attempt;
        plan.roundTripTimeMs = headersAt - started;
        config.log?.(1, plan, response, attempt);
        return response;
      }
      // Release the connection before waiting.
      await response.body?.cancel().catch(() => undefined);
      why = `status ${response.status}`;
    } else {
      if (user?.aborted) throw new APIUserAbortError(undefined, plan.method, plan.url);
      const timedOut = signal.aborted && signal.reason === TIMEOUT;
      if (retriesLeft <= 0) {
        plan.attempts = attempt;
        if (timedOut) throw new APIConnectionTimeoutError(`Request timed out after ${plan.timeout} ms.`, plan.method, plan.url);
        throw new APIConnectionError(undefined, failure, plan.method, plan.url);
      }
      why = timedOut ? `timed out after ${plan.timeout} ms` : 'connection error';
    }

    const delay = retryDelayMs(attempt, response?.headers);
    config.log?.(2, plan, why, retriesLeft, delay);
    try {
      await sleep(delay, user);
    } catch {
      throw new APIUserAbortError(undefined, plan.method, plan.url);
    }
  }
}

/** Passes the caller's abort on to the attempt's controller; only calls with a signal pay for it. */
function abortWith(controller: AbortController, user: AbortSignal): () => void {
  const onAbort = (): void => controller.abort(user.reason);
  user.addEventListener('abort', onAbort, { once: true });
  return onAbort;
}

/**
 * Makes each awaited step of an attempt reject as soon as the attempt's signal aborts, even when the
 * step itself never settles (a custom fetch, or a body, that ignores the signal). One listener per
 * attempt, shared by its steps; it is its own listener (`handleEvent`), so no closure is allocated.
 */
class AbortWatch {
  readonly #signal: AbortSignal;
  #reject: ((reason: unknown) => void) | undefined;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    signal.addEventListener('abort', this);
  }

  handleEvent(): void {
    this.#reject?.(this.#signal.reason);
  }

  step<T>(promise: Promise<T>): Promise<T> {
    if (this.#signal.aborted) {
      promise.catch(() => undefined);
      return Promise.reject(this.#signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject;
      promise.then(resolve, reject);
    });
  }

  end(): void {
    this.#signal.removeEventListener('abort', this);
  }
}

/**
 * The unread Response the caller of `asResponse()` or a typed path method expects: `response` (whose
 * body `send` read into `plan.body`) rebuilt over those bytes, with its status, headers and URL. Built
 * only when asked for; a plan whose body was never read passes its response through.
 */
export function unreadResponse(response: Response, plan: SendPlan): Response {
  if (plan.body === undefined) return response;
  const copy = new Response(plan.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (response.url) Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

