"""The hand-written runtime of the generated Python SDK. It never imports generated code; generated code
imports it."""

from ._client import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, BaseClient, SyncAPIClient
from ._encode import encode_json, encode_multipart, encode_path, encode_query, strip_not_given
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetellError,
    UnprocessableEntityError,
    WebhookVerificationError,
    make_status_error,
)
from ._operation import Operation, Pagination
from ._pagination import AsyncPage, AsyncPager, SyncPage
from ._response import APIResponse
from ._retry import retry_delay, should_retry
from ._types import NOT_GIVEN, Body, FileContent, FileTypes, Headers, NotGiven, Query, Timeout
from ._webhooks import DEFAULT_WEBHOOK_TOLERANCE, parse_webhook_event, sign_webhook, verify_webhook

__all__ = [
    "DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "AsyncAPIClient", "BaseClient", "SyncAPIClient",
    "encode_json", "encode_multipart", "encode_path", "encode_query", "strip_not_given",
    "APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError", "APITimeoutError",
    "AuthenticationError", "BadRequestError", "ConflictError", "InternalServerError", "NotFoundError",
    "PermissionDeniedError", "RateLimitError", "RetellError", "UnprocessableEntityError", "WebhookVerificationError",
    "make_status_error", "Operation", "Pagination", "AsyncPage", "AsyncPager", "SyncPage", "APIResponse",
    "retry_delay", "should_retry", "NOT_GIVEN", "Body", "FileContent", "FileTypes", "Headers", "NotGiven", "Query",
    "Timeout", "DEFAULT_WEBHOOK_TOLERANCE", "parse_webhook_event", "sign_webhook", "verify_webhook",
]
