/**
 * The error model. Every failure the client reports is a `RetellError`; everything that happened while
 * talking to the API is an `APIError`, and the subclass for an HTTP status is chosen in one place:
 * `APIError.generate`. Messages are built from the status and the server's message only, so the API key
 * (which lives in a request header we never copy) cannot leak into them, and they are bounded: a huge
 * or HTML error body stays whole on `error.error`, never in `error.message`.
 */
import { redactHeaders } from './logger.js';

/** The longest server text an error message quotes; the rest is on `error.error`. */
export const MAX_MESSAGE_DETAIL = 500;

export class RetellError extends Error {
  override name = 'RetellError';
}

export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
> extends RetellError {
  override name = 'APIError';
  /** HTTP status, `undefined` when no response arrived. */
  readonly status: TStatus;
  /** Response headers, `undefined` when no response arrived. */
  readonly headers: THeaders;
  /** Parsed JSON body of the error response, or its raw text when it was not JSON. */
  readonly error: unknown;
  /** Method and URL of the request that failed (the URL never contains the key: auth is a header). */
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(
    status: TStatus,
    error: unknown,
    message: string | undefined,
    headers: THeaders,
    method?: string,
    url?: string,
  ) {
    super(describe(status, error, message));
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.method = method;
    this.url = url;
  }

  /** The request id the server assigned, when it sent one. */
  get requestID(): string | null | undefined {
    return this.headers?.get('x-request-id');
  }

  /**
   * What `JSON.stringify(error)` shows: name, message, status, the response headers as a plain object
   * (credential headers masked), the error body, the request id, method and URL. Never the API key: it
   * travels in a request header, and request headers are not kept.
   */
  toJSON(): Record<string, unknown> {
    const { name, message, status, headers, error, method, url, cause } = this;
    return {
      name,
      message,
      status,
      headers: headers && redactHeaders(headers),
      error,
      requestID: this.requestID ?? undefined,
      method,
      url,
      cause: cause === undefined ? cause : String(cause),
    };
  }

  /** Picks the subclass for a status. The only place that maps statuses to classes. */
  static generate(
    status: number,
    error: unknown,
    message: string | undefined,
    headers: Headers,
    method?: string,
    url?: string,
  ): APIError<number, Headers> {
    const Ctor =
      status === 400 ? BadRequestError
      : status === 401 ? AuthenticationError
      : status === 403 ? PermissionDeniedError
      : status === 404 ? NotFoundError
      : status === 409 ? ConflictError
      : status === 422 ? UnprocessableEntityError
      : status === 429 ? RateLimitError
      : status >= 500 ? InternalServerError
      : APIError;
    return new Ctor(status, error, message, headers, method, url);
  }
}

/**
 * For `RetellFullCore` (its `onAPIError` hook): an error whose body is an HTML page (a proxy's 502) gets a
 * message naming the page by its title (else the status text) and its length, instead of quoting it.
 * The lean core does not bundle it: there an HTML body is quoted, cut like any other text.
 */
export function nameHTMLPage(error: APIError, statusText: string): void {
  const text = error.error;
  if (typeof text === 'string' && /^\s*<(!doctype|html)\b/i.test(text)) {
    const name = /<title>([^<]{1,200})</i.exec(text)?.[1] ?? statusText;
    error.message = `${error.status} ${`${name} (HTML body, ${text.length} characters)`.trim()}`;
  }
}

/**
 * `"404 Agent not found"`: the status, then the server's own message when it gave one, cut at
 * `MAX_MESSAGE_DETAIL` characters (`RetellFullCore` then names an HTML page by its title: `nameHTMLPage`).
 */
function describe(status: number | undefined, error: unknown, message: string | undefined): string {
  let detail: unknown = error;
  if (error && typeof error === 'object') {
    const body = error as Record<string, unknown>;
    detail = body['message'] ?? body['error_message'] ?? body['error'] ?? body;
  }
  let text = typeof detail === 'string' ? detail : detail === undefined ? message : boundedJSON(detail);
  const size = text?.length ?? 0;
  if (size > MAX_MESSAGE_DETAIL) {
    text = `${text!.slice(0, MAX_MESSAGE_DETAIL)}... (${typeof detail === 'string' ? `${size} characters` : 'truncated'})`;
  }
  if (status && text) return `${status} ${text}`;
  if (status) return `${status} status code (no body)`;
  return text || message || 'Connection error.';
}

/**
 * JSON text of `value`, writing nothing more once about `MAX_MESSAGE_DETAIL` characters are out: a 50 MB
 * body is walked (no 50 MB string is built), and what is left out becomes `null`/is dropped.
 */
function boundedJSON(value: unknown): string {
  let budget = MAX_MESSAGE_DETAIL * 2;
  return JSON.stringify(value, (key, v: unknown) => {
    if (budget < 0) return undefined;
    budget -= key.length + (typeof v === 'string' ? v.length : 8);
    return typeof v === 'string' && v.length > MAX_MESSAGE_DETAIL ? v.slice(0, MAX_MESSAGE_DETAIL) : v;
  }) ?? '';
}

export class BadRequestError extends APIError<400, Headers> {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError<401, Headers> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError<403, Headers> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError<404, Headers> {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError<409, Headers> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError<422, Headers> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError<429, Headers> {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError<number, Headers> {
  override name = 'InternalServerError';
}

/** No response arrived: DNS, refused connection, reset socket. `cause` holds the fetch error. */
export class APIConnectionError extends APIError<undefined, undefined> {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', cause?: unknown, method?: string, url?: string) {
    super(undefined, undefined, message, undefined, method, url);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** Every attempt ran into the per-attempt timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.', method?: string, url?: string) {
    super(message, undefined, method, url);
  }
}

/** The caller's `signal` aborted the request. Never retried. */
export class APIUserAbortError extends APIError<undefined, undefined> {
  override name = 'APIUserAbortError';
  constructor(message = 'Request was aborted.', method?: string, url?: string) {
    super(undefined, undefined, message, undefined, method, url);
  }
}
