/**
 * The error model. Every failure the client reports is a `RetellError`; everything that happened while
 * talking to the API is an `APIError`, and the subclass for an HTTP status is chosen in one place:
 * `APIError.generate`. Messages are built from the status and the server's message only, so the API key
 * (which lives in a request header we never copy) cannot leak into them.
 */

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

/** `"404 Agent not found"`: the status, then the server's own message when it gave one. */
function describe(status: number | undefined, error: unknown, message: string | undefined): string {
  let detail: unknown = error;
  if (error && typeof error === 'object') {
    const body = error as Record<string, unknown>;
    detail = body['message'] ?? body['error_message'] ?? body['error'] ?? body;
  }
  const text =
    typeof detail === 'string' ? detail
    : detail === undefined ? message
    : JSON.stringify(detail);
  if (status && text) return `${status} ${text}`;
  if (status) return `${status} status code (no body)`;
  return text || message || 'Connection error.';
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
