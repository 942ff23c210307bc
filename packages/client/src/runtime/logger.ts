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

/** The transport's `log` hook (see `TransportLog`); `this` is the client's resolved options. */
export function logTransport(
  this: TransportConfig & { logLevel?: LogLevel; logger?: Logger },
  event: 0 | 1 | 2,
  plan: SendPlan,
  detail: unknown,
  attempt: number,
  delay?: number,
): void {
  const level = LOG_LEVELS[this.logLevel ?? 'warn'];
  const logger = this.logger ?? console;
  if (event === 2) {
    // `attempt` is the number of retries left here.
    if (level >= LOG_LEVELS.info) logger.info(`retell: ${plan.method} ${plan.url} ${String(detail)}; retrying in ${Math.round(delay!)} ms (${attempt} left)`);
  } else if (level >= LOG_LEVELS.debug) {
    if (event === 0) {
      logger.debug(`retell: -> ${plan.method} ${plan.url} (attempt ${attempt})`, { headers: redactHeaders(detail as HeadersInit | undefined) });
    } else {
      const response = detail as Response;
      logger.debug(`retell: <- ${response.status} ${plan.method} ${plan.url} (${Math.round(plan.roundTripTimeMs)} ms)`, {
        headers: redactHeaders(response.headers),
      });
    }
  }
}
