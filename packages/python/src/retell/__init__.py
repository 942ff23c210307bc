"""Retell AI API client for Python, generated from the same OpenAPI spec as the TypeScript packages.

    from retell import Retell
    client = Retell()  # RETELL_API_KEY, RETELL_BASE_URL
    agent = client.agent.retrieve("agent_id")
    print(agent.response_engine.type, agent.to_json())
"""

from typing import TYPE_CHECKING, Any

from ._generated import AsyncRetell, Retell
from ._runtime import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    APIConnectionError,
    APIError,
    APIResponse,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncAPIResponse,
    AuthenticationError,
    AutoPager,
    BadRequestError,
    BaseModel,
    ConflictError,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
    FileTypes,
    InternalServerError,
    NotFoundError,
    NotGiven,
    Omit,
    PageModel,
    PermissionDeniedError,
    RateLimitError,
    RetellError,
    Timeout,
    UnprocessableEntityError,
    WebhookVerificationError,
    file_from_path,
    not_given,
    omit,
    parse_webhook_event,
    sign_webhook,
    verify_webhook,
)

if TYPE_CHECKING:
    from . import resources as resources
    from . import types as types

__version__ = "0.1.0"

Client = Retell
AsyncClient = AsyncRetell


def __getattr__(name: str) -> Any:
    # `retell.types` and `retell.resources` load on first use, so `import retell` stays cheap.
    if name in ("types", "resources"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "types",
    "resources",
    "Retell",
    "AsyncRetell",
    "Client",
    "AsyncClient",
    "NOT_GIVEN",
    "NotGiven",
    "not_given",
    "Omit",
    "omit",
    "Timeout",
    "FileTypes",
    "file_from_path",
    "BaseModel",
    "PageModel",
    "AutoPager",
    "APIResponse",
    "AsyncAPIResponse",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
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
