/**
 * `RetellFullCore`: `RetellCore` plus what a long-lived client wants and a one-call app does not need to
 * bundle: options validated on `new` (and per call) with messages that name the option, the logging
 * defaults (`logLevel` from `RETELL_LOG`, else `warn`; `logger` `console`) and the transport's log lines,
 * `withOptions`, a key-free `toJSON`/inspect, and error messages that name an HTML page by its title.
 * `createClient()`'s `RetellPathClient` and the facade's client extend it.
 */
import { RetellCore } from './core.js';
import { nameHTMLPage } from './errors.js';
import { LOG_LEVELS, logTransport, type LogLevel } from './logger.js';
import type { OperationSpec, RequestInput } from './operation.js';
import { readEnv, type ClientOptions, type RequestOptions } from './options.js';
import type { APIPromise } from './api-promise.js';

export class RetellFullCore extends RetellCore {
  constructor(options?: ClientOptions) {
    const checked = checkOptions(options);
    super(checked);
    const o = this._resolved;
    o.logLevel = checked.logLevel;
    o.logger = checked.logger;
    o.log = logTransport;
    o.onAPIError = nameHTMLPage;
  }

  /** A copy of this client with some options replaced; the API key carries over unless replaced. */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    const { timeout, baseURL, baseURLOverridden, log: _log, onAPIError: _onAPIError, ...rest } = this._resolved;
    return new Ctor({ ...rest, ...(timeout !== undefined && { timeout }), ...(baseURLOverridden && { baseURL }), ...options });
  }

  /** Checks the per-call `timeout` and `maxRetries` (the lean core takes them as they are). */
  override request<T>(op: OperationSpec, input?: RequestInput, options?: RequestOptions): APIPromise<T> {
    if (options) {
      checkTimeout(options.timeout, 'timeout option');
      checkRetries(options.maxRetries, 'maxRetries option');
    }
    return super.request<T>(op, input, options);
  }

  /** Keeps the key out of `console.log(client)` and `JSON.stringify(client)`. */
  toJSON(): Record<string, unknown> {
    const o = this._resolved;
    return { baseURL: o.baseURL, maxRetries: o.maxRetries, timeout: o.timeout };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }
}

/**
 * The client options checked, with the logging defaults filled in: a TypeError naming the option (or
 * the environment variable it came from) for a value the lean core would only trip over later.
 */
export function checkOptions(options: ClientOptions = {}): ClientOptions {
  const apiKey = options.apiKey ?? readEnv('RETELL_API_KEY');
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new TypeError('Missing API key: pass `apiKey` to the client or set the RETELL_API_KEY environment variable.');
  }
  const baseURL = options.baseURL ?? readEnv('RETELL_BASE_URL');
  if (baseURL != null) checkBaseURL(baseURL, 'baseURL');
  checkTimeout(options.timeout, 'timeout');
  checkRetries(options.maxRetries, 'maxRetries');
  const logLevel = checkLogLevel(options.logLevel ?? readEnv('RETELL_LOG') ?? 'warn', options.logLevel === undefined ? 'RETELL_LOG' : 'logLevel');
  if (typeof (options.fetch ?? globalThis.fetch) !== 'function') {
    throw new TypeError('No fetch implementation: pass `fetch` to the client (globalThis.fetch is missing).');
  }
  return { ...options, logLevel, logger: options.logger ?? console };
}

/** An absolute http(s) URL without trailing slashes, else a TypeError naming the option. */
export function checkBaseURL(value: string, name: string): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value)) {
    throw new TypeError(`Invalid ${name} ${JSON.stringify(value)}: expected an absolute http(s) URL.`);
  }
  return value.replace(/\/+$/, '');
}

/** A log level, else a TypeError naming where it came from. */
export function checkLogLevel(value: unknown, name: string): LogLevel {
  if (typeof value !== 'string' || !Object.hasOwn(LOG_LEVELS, value)) {
    throw new TypeError(`Invalid ${name} ${JSON.stringify(value)}: expected one of ${Object.keys(LOG_LEVELS).join(', ')}.`);
  }
  return value as LogLevel;
}

/** Shared by client and per-request validation (and the facade's writable properties). */
export function checkTimeout(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || value === Infinity)) {
    throw new TypeError(`Invalid ${name} ${String(value)}: expected a finite number of milliseconds >= 0.`);
  }
}

export function checkRetries(value: unknown, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
    throw new TypeError(`Invalid ${name} ${String(value)}: expected an integer >= 0.`);
  }
}
