/**
 * `@retell-kit/client/runtime`: the whole hand-written runtime but the typed path client, i.e. without
 * openapi-fetch and without any generated code. The facade loads only this at run time, so an app that
 * imports `@retell-kit/sdk` does not load 78 operation functions and a path client it never calls.
 */
export { RetellCore, type RequestClient } from './core.js';
export { RetellFullCore, checkOptions, checkBaseURL, checkTimeout, checkRetries, checkLogLevel } from './full-core.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export { PagePromise, PaginationError, requestPage, MAX_EMPTY_PAGES, type PageWalkOptions } from './pagination.js';
export { multipartBody } from './multipart.js';
export { expandPath, expandParam, type PathParamStyle } from './path-style.js';
export type { OperationSpec, PaginationSpec, RequestInput } from './operation.js';
export type { ClientOptions, RequestOptions, HeadersInput, HeadersLike, HTTPMethod } from './options.js';
export { DEFAULT_TIMEOUT_MS } from './options.js';
export type { Logger, LogLevel } from './logger.js';
export {
  RetellError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  MAX_MESSAGE_DETAIL,
} from './errors.js';
export { toFile, type Uploadable, type ToFileOptions } from './uploads.js';
export { signWebhook, verifyWebhook, verifyWebhookSync, parseWebhookEvent, WebhookVerificationError, type VerifyWebhookOptions } from './webhooks.js';
