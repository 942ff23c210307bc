"""Retell AI API client for Python, generated from the same OpenAPI spec as the TypeScript packages.

    from retell import Retell
    client = Retell()  # RETELL_API_KEY, RETELL_BASE_URL
    agent = client.agent.retrieve("agent_id")
"""

from . import types
from ._generated import AsyncRetell, Retell
from ._runtime import (
    NOT_GIVEN,
    APIConnectionError,
    APIError,
    APIResponse,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncPage,
    AsyncPager,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FileTypes,
    InternalServerError,
    NotFoundError,
    NotGiven,
    PermissionDeniedError,
    RateLimitError,
    RetellError,
    SyncPage,
    UnprocessableEntityError,
    WebhookVerificationError,
    parse_webhook_event,
    sign_webhook,
    verify_webhook,
)

__version__ = "0.1.0"

__all__ = [
    "types",
    "Retell",
    "AsyncRetell",
    "NOT_GIVEN",
    "NotGiven",
    "FileTypes",
    "APIResponse",
    "SyncPage",
    "AsyncPage",
    "AsyncPager",
    "RetellError",
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "WebhookVerificationError",
    "sign_webhook",
    "verify_webhook",
    "parse_webhook_event",
]
