"""Raw and streamed responses. Resource methods are written once; `with_raw_response` and
`with_streaming_response` wrap them (`to_raw_response_wrapper`, `to_streamed_response_wrapper` and their async
twins). A wrapper calls the method with a marker in `extra_headers`; the client removes the marker before
anything is sent and returns an `APIResponse` instead of the parsed model: read at once for raw responses,
left unread for streamed ones (the context manager closes it)."""

from __future__ import annotations

import functools
import json
from types import TracebackType
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Generic, Iterator, Optional, Type, TypeVar, cast

import httpx
from typing_extensions import ParamSpec

from ._models import Conv, construct

__all__ = [
    "RAW_RESPONSE_HEADER",
    "ResponseParser",
    "APIResponse",
    "AsyncAPIResponse",
    "ResponseContextManager",
    "AsyncResponseContextManager",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")
_Resp = TypeVar("_Resp")

RAW_RESPONSE_HEADER = "X-Retell-Raw-Response"
"""The marker a wrapper puts in `extra_headers` ("raw" or "stream"); never sent."""


class ResponseParser:
    """Turns a body into what the plain method returns (a model, a list of models, text or None)."""

    __slots__ = ("kind", "conv", "after")

    def __init__(self, kind: str, conv: Conv, after: Optional[Callable[[Any], None]] = None) -> None:
        self.kind = kind
        self.conv = conv
        self.after = after

    def __call__(self, response: httpx.Response) -> Any:
        if self.kind == "text":
            return response.text
        if self.kind != "json" or response.status_code == 204 or not response.content:
            return None
        value = construct(self.conv, json.loads(response.content))
        if self.after is not None:
            self.after(value)
        return value


class _BaseAPIResponse(Generic[R]):
    def __init__(self, http_response: httpx.Response, parse: ResponseParser, *, retries_taken: int, round_trip_time: float) -> None:
        self.http_response = http_response
        self._parse_body = parse
        self._parsed: Dict[str, Any] = {}
        self.retries_taken = retries_taken
        """Retries before this response (0 when the first attempt answered)."""
        self.round_trip_time = round_trip_time
        """Seconds from the first attempt to the response headers (retries and backoff included)."""

    @property
    def attempts(self) -> int:
        return self.retries_taken + 1

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> Any:
        """Time from sending the request to closing the response (`datetime.timedelta`)."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url} retries_taken={self.retries_taken}>"


class APIResponse(_BaseAPIResponse[R]):
    """The HTTP response of a call with `with_raw_response` (read) or `with_streaming_response` (unread)."""

    @property
    def data(self) -> R:
        return self.parse()

    @property
    def content(self) -> bytes:
        return self.read()

    def parse(self) -> R:
        """What the method without the wrapper returns (reads the body first when it is streamed)."""
        if "value" not in self._parsed:
            self.read()
            self._parsed["value"] = self._parse_body(self.http_response)
        return cast(R, self._parsed["value"])

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        return json.loads(self.read())

    def close(self) -> None:
        self.http_response.close()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        yield from self.http_response.iter_lines()


class AsyncAPIResponse(_BaseAPIResponse[R]):
    """`APIResponse` for the async client: `await resp.parse()`, `await resp.read()`, `async for` iterators."""

    async def parse(self) -> R:
        if "value" not in self._parsed:
            await self.read()
            self._parsed["value"] = self._parse_body(self.http_response)
        return cast(R, self._parsed["value"])

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        return json.loads(await self.read())

    async def close(self) -> None:
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line


class ResponseContextManager(Generic[_Resp]):
    """`with client.x.with_streaming_response.y(...) as response:` sends on enter, closes on exit."""

    def __init__(self, send: Callable[[], _Resp]) -> None:
        self._send = send
        self._response: Optional[_Resp] = None

    def __enter__(self) -> _Resp:
        self._response = self._send()
        return self._response

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if self._response is not None:
            cast(APIResponse[object], self._response).close()


class AsyncResponseContextManager(Generic[_Resp]):
    """`async with client.x.with_streaming_response.y(...) as response:`."""

    def __init__(self, send: Callable[[], Awaitable[_Resp]]) -> None:
        self._send = send
        self._response: Optional[_Resp] = None

    async def __aenter__(self) -> _Resp:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        if self._response is not None:
            await cast(AsyncAPIResponse[object], self._response).close()


def _marked(kwargs: Dict[str, Any], mode: str) -> Dict[str, Any]:
    headers = dict(kwargs.get("extra_headers") or {})
    headers[RAW_RESPONSE_HEADER] = mode
    kwargs["extra_headers"] = headers
    return kwargs


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """`func` returning an `APIResponse` (read) instead of its parsed value."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        return cast(APIResponse[R], func(*args, **_marked(kwargs, "raw")))

    return wrapped


def async_to_raw_response_wrapper(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        return cast(AsyncAPIResponse[R], await func(*args, **_marked(kwargs, "raw")))

    return wrapped


def to_streamed_response_wrapper(func: Callable[P, R]) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """`func` returning a context manager around an unread `APIResponse` (`read`, `iter_bytes`, `iter_lines`...)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        marked = _marked(kwargs, "stream")
        return ResponseContextManager(lambda: cast(APIResponse[R], func(*args, **marked)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        marked = _marked(kwargs, "stream")

        async def send() -> AsyncAPIResponse[R]:
            return cast(AsyncAPIResponse[R], await func(*args, **marked))

        return AsyncResponseContextManager(send)

    return wrapped
