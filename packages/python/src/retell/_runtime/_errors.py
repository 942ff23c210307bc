"""The error model. Every failure the client reports is a `RetellError`; everything that happened while
talking to the API is an `APIError`, and the subclass for an HTTP status is chosen in one place,
`make_status_error`. Messages are built from the status and the server's own message only: the API key
travels in a header that is never copied into an error."""

from __future__ import annotations

import json
from typing import Mapping, cast

import httpx

__all__ = [
    "RetellError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "WebhookVerificationError",
    "make_status_error",
]


class RetellError(Exception):
    """Base of every error this package raises."""


class APIError(RetellError):
    """A request to the API failed. `method` and `url` name it (the URL never holds the key)."""

    message: str
    method: str | None
    url: str | None
    body: object
    attempts: int
    request: httpx.Request | None
    """The request that failed (its headers hold the key: do not log them)."""

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        body: object = None,
        attempts: int = 0,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.method = method
        self.url = url
        self.body = body
        self.attempts = attempts


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status."""

    status_code: int
    headers: httpx.Headers
    response: httpx.Response

    def __init__(self, message: str, *, response: httpx.Response, body: object, method: str | None = None, url: str | None = None, attempts: int = 0) -> None:
        super().__init__(message, method=method, url=url, body=body, attempts=attempts, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers

    @property
    def request_id(self) -> str | None:
        return self.headers.get("x-request-id")


class BadRequestError(APIStatusError):
    """400"""


class AuthenticationError(APIStatusError):
    """401"""


class PermissionDeniedError(APIStatusError):
    """403"""


class NotFoundError(APIStatusError):
    """404"""


class ConflictError(APIStatusError):
    """409"""


class UnprocessableEntityError(APIStatusError):
    """422"""


class RateLimitError(APIStatusError):
    """429"""


class InternalServerError(APIStatusError):
    """5xx"""


class APIConnectionError(APIError):
    """No (complete) response arrived: refused connection, DNS failure, a reset mid-body. `__cause__` holds
    the httpx error."""

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts, request=request)


class APITimeoutError(APIConnectionError):
    """Every attempt ran into the timeout."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts, request=request)


class APIResponseValidationError(APIError):
    """A successful response whose body is not what the operation declares (e.g. not JSON)."""


class WebhookVerificationError(RetellError):
    """A webhook body whose signature does not verify, or that is not JSON."""


_BY_STATUS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_body(response: httpx.Response) -> object:
    """The parsed JSON of an error response, else its text ('' when empty)."""
    text = response.text
    try:
        parsed: object = json.loads(text)
        return parsed
    except ValueError:
        return text


def _describe(status: int, body: object) -> str:
    detail: object = body
    if isinstance(body, dict):
        fields = {str(k): v for k, v in cast("dict[object, object]", body).items()}
        detail = fields.get("message") or fields.get("error_message") or fields.get("error") or fields
    text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    return f"{status} {text}" if text else f"{status} status code (no body)"


def make_status_error(response: httpx.Response, *, method: str, url: str, attempts: int) -> APIStatusError:
    """Picks the subclass for a status: the only place that maps statuses to classes."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    body = error_body(response)
    return cls(_describe(status, body), response=response, body=body, method=method, url=url, attempts=attempts)
