/**
 * The transport: the `fetch` that openapi-fetch calls. One call of `send` is one logical request: it
 * runs the attempts (per-attempt timeout, the caller's abort signal, retries with backoff) and returns
 * the final `Response`, whatever its status; turning statuses into errors is the caller's job, so the
 * openapi-fetch style methods keep their `{ data, error, response }` contract.
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
  /** Extra fetch init (merged `fetchOptions`), applied on top of the Request. */
  init: RequestInit | undefined;
  /** Filled in by `send`: read by `withResponse()` and by error messages. */
  attempts: number;
  roundTripTimeMs: number;
  method: string;
  url: string;
}

export interface TransportConfig {
  fetch: typeof fetch;
  logger: Logger;
  logLevel: LogLevel;
}

/** Distinguishes our own timeout abort from any other abort reason. */
const TIMEOUT = Symbol('timeout');

export async function send(config: TransportConfig, request: Request, plan: SendPlan): Promise<Response> {
  const { logger } = config;
  const level = LOG_LEVELS[config.logLevel];
  const user = plan.signal;
  const method = (plan.method = request.method);
  const url = (plan.url = request.url);
  const started = performance.now();

  for (let attempt = 1; ; attempt++) {
    if (user?.aborted) throw new APIUserAbortError(undefined, method, url);
    const retriesLeft = plan.maxRetries - attempt + 1;
    // A body can be read once: keep the original unread while another attempt may follow.
    const req = retriesLeft > 0 && request.body !== null ? request.clone() : request;
    if (level >= LOG_LEVELS.debug) {
      logger.debug(`retell: -> ${method} ${url} (attempt ${attempt})`, { headers: redactHeaders(req.headers) });
    }

    const controller = new AbortController();
    const onUserAbort = (): void => controller.abort(user?.reason);
    user?.addEventListener('abort', onUserAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMEOUT), plan.timeout);
    let response: Response | undefined;
    let failure: unknown;
    try {
      const init = plan.init;
      const signal = controller.signal;
      response = await config.fetch(req, init ? { ...init, signal } : { signal });
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      user?.removeEventListener('abort', onUserAbort);
    }

    let why: string;
    if (response) {
      if (retriesLeft <= 0 || !shouldRetryResponse(response)) {
        plan.attempts = attempt;
        plan.roundTripTimeMs = performance.now() - started;
        if (level >= LOG_LEVELS.debug) {
          logger.debug(`retell: <- ${response.status} ${method} ${url} (${Math.round(plan.roundTripTimeMs)} ms)`);
        }
        return response;
      }
      // Release the connection before waiting.
      await response.body?.cancel().catch(() => undefined);
      why = `status ${response.status}`;
    } else {
      if (user?.aborted) throw new APIUserAbortError(undefined, method, url);
      const timedOut = controller.signal.aborted && controller.signal.reason === TIMEOUT;
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
