/** The hand-written runtime of `@retell-kit/client`. Generated code imports only from here. */
export { RetellCore, type RequestClient } from './core.js';
export { RetellPathClient } from './path-client.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export { PagePromise, PaginationError, requestPage, MAX_EMPTY_PAGES, type PageWalkOptions } from './pagination.js';
export { multipartBody } from './multipart.js';
export type { OperationSpec, PaginationSpec, RequestInput } from './operation.js';
export type { ClientOptions, RequestOptions, HeadersInput } from './options.js';
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
} from './errors.js';
export { toFile, type Uploadable, type ToFileOptions } from './uploads.js';
export { signWebhook, verifyWebhook, parseWebhookEvent, WebhookVerificationError, type VerifyWebhookOptions } from './webhooks.js';
