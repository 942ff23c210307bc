/**
 * The transport. One call of `send` is one logical request: it runs the attempts (per-attempt timeout,
 * the caller's abort signal, retries with backoff) and returns the final `Response`, whatever its status,
 * with its body already read inside the last attempt (so the timeout and the signal cover the body, and
 * a reset halfway through it is a connection error that is retried);
 * turning statuses into errors is the caller's job, so the typed path methods keep openapi-fetch's
 * `{ data, error, response }` contract.
 *
 * `request()` hands over a URL and a ready `RequestInit` (no `Request` object: building one costs more
 * than the rest of the runtime together, and fetch builds its own anyway). Its bodies are strings or
 * `FormData`, which fetch can send again as they are. The typed path client hands over openapi-fetch's
 * `Request`, which is cloned while another attempt may follow, since a `Request` body is read once.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors.js';
import { LOG_LEVELS, redactHeaders, type Logger, type LogLevel } from './logger.js';
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
}

export interface TransportConfig {
  fetch: typeof fetch;
  logger: Logger;
  logLevel: LogLevel;
}

/** Distinguishes our own timeout abort from any other abort reason. */
const TIMEOUT = Symbol('timeout');

/**
 * Sends `input`: a URL with `init` carrying method, headers and body, or a `Request` with those three
 * `undefined` in `init` (so `fetchOptions` cannot replace what the Request carries).
 * One AbortController serves every attempt until a timeout fires it; only then is a new one made, so a
 * first attempt that succeeds (nearly all of them) pays for one controller and one timer.
 */
export async function send(config: TransportConfig, plan: SendPlan, input: string | Request, init: RequestInit): Promise<Response> {
  const { logger, fetch } = config;
  const level = LOG_LEVELS[config.logLevel];
  const { method, url } = plan;
  const user = plan.signal;
  if (plan.init) init = { ...plan.init, ...init };
  const started = performance.now();
  let controller: AbortController | undefined;

  for (let attempt = 1; ; attempt++) {
    if (user?.aborted) throw new APIUserAbortError(undefined, method, url);
    const retriesLeft = plan.maxRetries - attempt + 1;
    // A Request body can be read once: keep the original unread while another attempt may follow.
    const target = typeof input !== 'string' && retriesLeft > 0 && input.body !== null ? input.clone() : input;
    if (level >= LOG_LEVELS.debug) {
      const headers = typeof target === 'string' ? init.headers : target.headers;
      logger.debug(`retell: -> ${method} ${url} (attempt ${attempt})`, { headers: redactHeaders(headers) });
    }

    if (!controller || controller.signal.aborted) controller = new AbortController();
    const signal = controller.signal;
    const onUserAbort = user ? (): void => controller!.abort(user.reason) : undefined;
    if (onUserAbort) user!.addEventListener('abort', onUserAbort, { once: true });
    const current = controller;
    // The timer and the caller's signal stay armed until the body is read, not just the headers.
    const timer = setTimeout(() => current.abort(TIMEOUT), plan.timeout);
    let response: Response | undefined;
    let failure: unknown;
    let headersAt = 0;
    try {
      init.signal = signal;
      const raw = await untilAborted(fetch(target, init), signal);
      headersAt = performance.now();
      // A response about to be retried is thrown away unread; every other body is read inside the attempt.
      response = retriesLeft > 0 && shouldRetryResponse(raw) ? raw : await buffered(raw, signal);
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      if (onUserAbort) user!.removeEventListener('abort', onUserAbort);
    }

    let why: string;
    if (response) {
      if (retriesLeft <= 0 || !shouldRetryResponse(response)) {
        plan.attempts = attempt;
        plan.roundTripTimeMs = headersAt - started;
        if (level >= LOG_LEVELS.debug) {
          logger.debug(`retell: <- ${response.status} ${method} ${url} (${Math.round(plan.roundTripTimeMs)} ms)`, {
            headers: redactHeaders(response.headers),
          });
        }
        return response;
      }
      // Release the connection before waiting.
      await response.body?.cancel().catch(() => undefined);
      why = `status ${response.status}`;
    } else {
      if (user?.aborted) throw new APIUserAbortError(undefined, method, url);
      const timedOut = signal.aborted && signal.reason === TIMEOUT;
      if (retriesLeft <= 0) {
        plan.attempts = attempt;
        if (timedOut) throw new APIConnectionTimeoutError(`Request timed out after ${plan.timeout} ms.`, method, url);
        throw new APIConnectionError(undefined, failure, method, url);
      }
      why = timedOut ? `timed out after ${plan.timeout} ms` : 'connection error';
    }

    const delay = retryDelayMs(attempt, response?.headers);
    if (level >= LOG_LEVELS.info) {
      logger.info(`retell: ${method} ${url} ${why}; retrying in ${Math.round(delay)} ms (${retriesLeft} left)`);
    }
    try {
      await sleep(delay, user);
    } catch {
      throw new APIUserAbortError(undefined, method, url);
    }
  }
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts (even if `promise` never settles). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Statuses whose Response may not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Reads the whole body under the attempt's signal and returns an unread Response over the bytes, with
 * the original status, headers and URL. Reading inside the attempt is what lets a body that stalls time
 * out or yield to the caller's signal, and a connection reset halfway through the body be retried like
 * any connection error. A custom fetch whose body ignores the signal is abandoned (and cancelled) on abort.
 */
async function buffered(raw: Response, signal: AbortSignal): Promise<Response> {
  let bytes: ArrayBuffer;
  try {
    bytes = await untilAborted(raw.arrayBuffer(), signal);
  } catch (error) {
    if (raw.body && !raw.bodyUsed) raw.body.cancel().catch(() => undefined);
    throw error;
  }
  const body = NULL_BODY.has(raw.status) || bytes.byteLength === 0 ? null : bytes;
  const copy = new Response(body, { status: raw.status, statusText: raw.statusText, headers: raw.headers });
  if (raw.url) Object.defineProperty(copy, 'url', { value: raw.url });
  return copy;
}
