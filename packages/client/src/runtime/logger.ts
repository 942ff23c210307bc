/**
 * Leveled logging with redaction. The default sink is `console`; nothing is formatted unless the level
 * is enabled, so a disabled `debug` costs one call and one comparison per request. The transport reports
 * through its config's `log` hook; `RetellFullCore` installs `logTransport` there, the lean `RetellCore`
 * nothing (so a one-call app does not bundle the log lines).
 */
import type { SendPlan, TransportConfig } from './transport.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

export const LOG_LEVELS: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Headers whose values are credentials; their values are replaced before anything is logged. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'set-cookie', 'proxy-authorization']);

/** A plain object of the headers with credential values replaced by `***` (debug level only: it copies). */
export function redactHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name) ? '***' : value;
  });
  return out;
}

/**
 * The transport's `log` hook (see `TransportLog`); `this` is the resolved options of a `RetellFullCore`,
 * which sets `logLevel` and `logger` before installing it. A retry is logged at `info`, each attempt
 * and the final response at `debug`.
 */
export function logTransport(
  this: TransportConfig & { logLevel?: LogLevel; logger?: Logger },
  event: 0 | 1 | 2,
  plan: SendPlan,
  detail: unknown,
  attempt: number,
  delay?: number,
): void {
  if (LOG_LEVELS[this.logLevel!] < (event === 2 ? LOG_LEVELS.info : LOG_LEVELS.debug)) return;
  const logger = this.logger!;
  const { method, url } = plan;
  if (event === 2) {
    // `attempt` is the number of retries left here.
    logger.info(`retell: ${method} ${url} ${String(detail)}; retrying in ${Math.round(delay!)} ms (${attempt} left)`);
  } else if (event === 0) {
    logger.debug(`retell: -> ${method} ${url} (attempt ${attempt})`, { headers: redactHeaders(detail as HeadersInit | undefined) });
  } else {
    const response = detail as Response;
    logger.debug(`retell: <- ${response.status} ${method} ${url} (${Math.round(plan.roundTripTimeMs)} ms)`, {
      headers: redactHeaders(response.headers),
    });
  }
}
