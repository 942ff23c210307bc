"""The clients' core (the base client of the generated `Retell` / `AsyncRetell`): resolved options
(constructor arguments, else `RETELL_API_KEY` / `RETELL_BASE_URL`, else defaults) and `request()`, which builds
the URL, headers and body of one operation and sends it with per-attempt timeouts and retries (see _retry.py)
over httpx, sync or async. A plain call takes the short path: no header copy without extra headers or a body,
no response wrapper, the body parsed once and viewed through its model. The key is only ever put in the
`Authorization` header: it is not in `repr()`, logs or error messages."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import re
import time
from typing import Any, Dict, Mapping, Optional, Tuple, Union
from urllib.parse import quote

import httpx
from typing_extensions import Self

from ._encode import encode_json, encode_multipart, encode_path, encode_query
from ._errors import APIConnectionError, APIResponseValidationError, APITimeoutError, RetellError, make_status_error
from ._models import Conv, PageModel
from ._operation import Operation
from ._response import RAW_RESPONSE_HEADER, APIResponse, AsyncAPIResponse, ResponseParser
from ._retry import retry_delay, should_retry
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, TimeoutTypes
from ._webhooks import verify_webhook

__all__ = [
    "BaseClient",
    "SyncAPIClient",
    "AsyncAPIClient",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
]

DEFAULT_BASE_URL = "https://api.retellai.com"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
VERSION = "0.1.0"

log = logging.getLogger("retell")
_URL = re.compile(r"^https?://[^/]", re.IGNORECASE)


class DefaultHttpxClient(httpx.Client):
    """An `httpx.Client` with the SDK's defaults (connection limits, no redirects), for `http_client=` when
    you want to change one setting (a proxy, a transport) and keep the rest."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", False)
        super().__init__(**kwargs)


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """The async twin of `DefaultHttpxClient`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", False)
        super().__init__(**kwargs)


def _env(name: str) -> Optional[str]:
    value = os.environ.get(name, "").strip()
    return value or None


def _check_timeout(value: object, name: str) -> None:
    if value is None or isinstance(value, (NotGiven, httpx.Timeout)):
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (value >= 0) or math.isinf(value):
        raise ValueError(f"Invalid {name} {value!r}: expected seconds >= 0, an httpx.Timeout, or None.")


def _check_retries(value: object, name: str) -> None:
    if isinstance(value, NotGiven):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"Invalid {name} {value!r}: expected an integer >= 0.")


class _Prepared:
    """One logical request, fixed before the first attempt."""

    __slots__ = ("method", "url", "headers", "content", "timeout", "max_retries", "drop")

    def __init__(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]],
        content: Optional[bytes],
        timeout: TimeoutTypes,
        max_retries: int,
    ) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content
        self.timeout = timeout
        self.max_retries = max_retries
        self.drop: Tuple[str, ...] = ()
        """Headers the caller removed (`omit`) that the httpx client would add."""


class BaseClient:
    api_key: str
    base_url: str
    timeout: Union[TimeoutTypes, NotGiven]
    max_retries: int
    _is_async = False

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
    ) -> None:
        key = api_key if api_key is not None else _env("RETELL_API_KEY")
        if not isinstance(key, str) or key == "":  # pyright: ignore[reportUnnecessaryIsInstance]
            raise RetellError(
                "Missing API key: pass `api_key` to the client or set the RETELL_API_KEY environment variable."
            )
        url = base_url if base_url is not None else (_env("RETELL_BASE_URL") or DEFAULT_BASE_URL)
        if not _URL.match(url):
            raise RetellError(f"Invalid base_url {url!r}: expected an absolute http(s) URL.")
        _check_timeout(timeout, "timeout")
        _check_retries(max_retries, "max_retries")
        self.api_key = key
        self.base_url = url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers: Dict[str, str] = dict(default_headers or {})
        self._default_query: Dict[str, object] = dict(default_query or {})
        self._headers = {
            "authorization": f"Bearer {key}",
            "accept": "application/json",
            "user-agent": f"retell-kit-python/{VERSION}",
        }
        for name, value in self._default_headers.items():
            self._headers[name.lower()] = value

    def _install_headers(self, on_http_client: bool) -> None:
        """The headers every request carries. On an httpx client this client created they were given to httpx
        once, so a plain call sends none of its own; a shared or user-given httpx client gets them per request."""
        self._request_headers: Optional[Mapping[str, str]] = None if on_http_client else self._headers

    def __repr__(self) -> str:
        # Never the key.
        return f"{type(self).__name__}(base_url={self.base_url!r}, timeout={self.timeout!r}, max_retries={self.max_retries})"

    @property
    def default_headers(self) -> Dict[str, str]:
        return dict(self._default_headers)

    @property
    def default_query(self) -> Dict[str, object]:
        return dict(self._default_query)

    def verify(self, body: str, api_key: str, signature: str) -> bool:
        """True when `signature` (the `x-retell-signature` header) signs `body` (the raw request body) under
        `api_key` within the last 5 minutes. Never raises."""
        return verify_webhook(body, api_key, signature)

    def _copy_options(
        self,
        api_key: Optional[str],
        base_url: Optional[str],
        timeout: Union[TimeoutTypes, NotGiven],
        max_retries: Union[int, NotGiven],
        default_headers: Optional[Mapping[str, str]],
        set_default_headers: Optional[Mapping[str, str]],
        default_query: Optional[Mapping[str, object]],
        set_default_query: Optional[Mapping[str, object]],
    ) -> Dict[str, Any]:
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        if default_query is not None and set_default_query is not None:
            raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")
        headers = dict(set_default_headers) if set_default_headers is not None else {**self._default_headers, **(default_headers or {})}
        query = dict(set_default_query) if set_default_query is not None else {**self._default_query, **(default_query or {})}
        return {
            "api_key": api_key or self.api_key,
            "base_url": base_url or self.base_url,
            "timeout": self.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            "default_headers": headers,
            "default_query": query,
        }

    def _prepare(
        self,
        op: Operation,
        path: Optional[Mapping[str, object]],
        query: Optional[Mapping[str, object]],
        body: Optional[Mapping[str, object]],
        extra_headers: Optional[Headers],
        extra_query: Optional[Query],
        extra_body: Optional[Body],
        timeout: Union[TimeoutTypes, NotGiven],
        max_retries: Union[int, NotGiven],
    ) -> _Prepared:
        url = self.base_url + (encode_path(op.path, path) if path else op.path)
        if query or extra_query or self._default_query:
            q = {**self._default_query, **(query or {}), **(extra_query or {})}
            pairs = encode_query(q)
            if pairs:
                url += "?" + "&".join(f"{quote(k, safe='[]')}={quote(v, safe='')}" for k, v in pairs)
        headers: Optional[Mapping[str, str]] = self._request_headers
        content: Optional[bytes] = None
        if op.body != "none" or extra_body:
            fields: Dict[str, object] = dict(body) if body else {}
            if extra_body:
                fields.update(extra_body)
            if op.body == "multipart":
                content, content_type = encode_multipart(fields)
            else:
                content, content_type = encode_json(fields), "application/json"
            headers = {**(headers or {}), "content-type": content_type}
        drop: Tuple[str, ...] = ()
        if extra_headers:
            merged = dict(headers or {})
            for name, value in extra_headers.items():
                if value is None or isinstance(value, Omit):
                    merged.pop(name.lower(), None)
                    drop += (name.lower(),)
                else:
                    merged[name.lower()] = value
            headers = merged
        if isinstance(timeout, NotGiven):
            chosen: TimeoutTypes = self.timeout if not isinstance(self.timeout, NotGiven) else op.timeout or DEFAULT_TIMEOUT
        else:
            _check_timeout(timeout, "timeout")
            chosen = timeout
        if isinstance(max_retries, NotGiven):
            retries = self.max_retries
        else:
            _check_retries(max_retries, "max_retries")
            retries = max_retries
        plan = _Prepared(op.method, url, headers, content, chosen, retries)
        if drop:
            plan.drop = drop  # an httpx client's own headers cannot be removed by passing fewer
        return plan

    def _parser(self, op: Operation, cast: Conv, kwargs: Dict[str, Any]) -> ResponseParser:
        if op.pagination is None:
            return ResponseParser(op.response, cast)
        seen = kwargs.pop("_seen", frozenset())

        def attach(page: object) -> None:
            if isinstance(page, PageModel):
                page._attach(self, op, kwargs, seen)  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]

        return ResponseParser(op.response, cast, attach)

    @staticmethod
    def _parsed(parse: ResponseParser, plan: _Prepared, response: httpx.Response, attempts: int) -> Any:
        try:
            return parse(response)
        except ValueError as error:
            raise APIResponseValidationError(
                f"{response.status_code} response is not JSON",
                method=plan.method,
                url=plan.url,
                body=response.text,
                attempts=attempts,
                request=response.request,
            ) from error

    def _give_up(self, plan: _Prepared, attempt: int, failure: Exception, request: httpx.Request) -> APIConnectionError:
        if isinstance(failure, httpx.TimeoutException):
            return APITimeoutError(
                f"Request timed out after {plan.timeout} s.", method=plan.method, url=plan.url, attempts=attempt, request=request
            )
        return APIConnectionError(
            f"Connection error: {type(failure).__name__}.", method=plan.method, url=plan.url, attempts=attempt, request=request
        )

    @staticmethod
    def _log_attempt(plan: _Prepared, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            shown = {k: ("***" if k in ("authorization", "x-api-key") else v) for k, v in (plan.headers or {}).items()}
            log.debug("retell: -> %s %s (attempt %d) headers=%s", plan.method, plan.url, attempt, shown)

    @staticmethod
    def _mode(extra_headers: Optional[Headers]) -> Tuple[Optional[str], Optional[Headers]]:
        """The wrapper's marker ("raw" / "stream") and the headers without it."""
        if not extra_headers or RAW_RESPONSE_HEADER not in extra_headers:
            return None, extra_headers
        mode = extra_headers[RAW_RESPONSE_HEADER]
        rest = {k: v for k, v in extra_headers.items() if k != RAW_RESPONSE_HEADER}
        return (mode if isinstance(mode, str) else None), rest


class SyncAPIClient(BaseClient):
    def __init__(self, *, http_client: Optional[httpx.Client] = None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or DefaultHttpxClient(headers=self._headers)
        self._install_headers(self._owns_http)

    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.Client] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
    ) -> Self:
        """A new client with some options replaced; shares this client's connection pool unless given another."""
        options = self._copy_options(
            api_key, base_url, timeout, max_retries, default_headers, set_default_headers, default_query, set_default_query
        )
        return type(self)(http_client=http_client or self._http, **options)

    with_options = copy

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        op: Operation,
        *,
        path: Optional[Mapping[str, object]] = None,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[Mapping[str, object]] = None,
        cast: Conv = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        _seen: frozenset[str] = frozenset(),
    ) -> Any:
        mode, extra_headers = self._mode(extra_headers)
        plan = self._prepare(op, path, query, body, extra_headers, extra_query, extra_body, timeout, max_retries)
        kwargs: Dict[str, Any] = {}
        if op.pagination is not None:
            kwargs = dict(
                path=path, query=query, body=body, cast=cast, extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout, max_retries=max_retries, _seen=_seen,
            )  # fmt: skip
        parse = self._parser(op, cast, kwargs)
        started = time.perf_counter()
        response, attempts = self._send(plan, mode == "stream")
        if mode is None:
            return self._parsed(parse, plan, response, attempts)
        return APIResponse[Any](response, parse, retries_taken=attempts - 1, round_trip_time=time.perf_counter() - started)

    def _send(self, plan: _Prepared, stream: bool) -> Tuple[httpx.Response, int]:
        attempt = 0
        while True:
            attempt += 1
            retries_left = plan.max_retries - attempt + 1
            self._log_attempt(plan, attempt)
            request = self._http.build_request(
                plan.method, plan.url, headers=plan.headers, content=plan.content, timeout=plan.timeout
            )
            for name in plan.drop:
                request.headers.pop(name, None)
            response: Optional[httpx.Response] = None
            try:
                # Unless streamed, the whole body is read inside the attempt, so a reset mid-body is retried too.
                response = self._http.send(request, stream=stream)
                if response.status_code < 400:
                    return response, attempt  # the common case: nothing else to decide
                response.read()
            except httpx.TransportError as error:
                if retries_left <= 0:
                    raise self._give_up(plan, attempt, error, request) from error
                why = type(error).__name__
            else:
                if retries_left <= 0 or not should_retry(response.status_code, response.headers):
                    raise make_status_error(response, method=plan.method, url=plan.url, attempts=attempt)
                why = f"status {response.status_code}"
            delay = retry_delay(attempt, response.headers if response is not None else None)
            log.info("retell: %s %s %s; retrying in %.2f s (%d left)", plan.method, plan.url, why, delay, retries_left)
            time.sleep(delay)


class AsyncAPIClient(BaseClient):
    _is_async = True

    def __init__(self, *, http_client: Optional[httpx.AsyncClient] = None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or DefaultAsyncHttpxClient(headers=self._headers)
        self._install_headers(self._owns_http)

    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.AsyncClient] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
    ) -> Self:
        """A new client with some options replaced; shares this client's connection pool unless given another."""
        options = self._copy_options(
            api_key, base_url, timeout, max_retries, default_headers, set_default_headers, default_query, set_default_query
        )
        return type(self)(http_client=http_client or self._http, **options)

    with_options = copy

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def request(
        self,
        op: Operation,
        *,
        path: Optional[Mapping[str, object]] = None,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[Mapping[str, object]] = None,
        cast: Conv = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        _seen: frozenset[str] = frozenset(),
    ) -> Any:
        mode, extra_headers = self._mode(extra_headers)
        plan = self._prepare(op, path, query, body, extra_headers, extra_query, extra_body, timeout, max_retries)
        kwargs: Dict[str, Any] = {}
        if op.pagination is not None:
            kwargs = dict(
                path=path, query=query, body=body, cast=cast, extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout, max_retries=max_retries, _seen=_seen,
            )  # fmt: skip
        parse = self._parser(op, cast, kwargs)
        started = time.perf_counter()
        response, attempts = await self._send(plan, mode == "stream")
        if mode is None:
            return self._parsed(parse, plan, response, attempts)
        return AsyncAPIResponse[Any](response, parse, retries_taken=attempts - 1, round_trip_time=time.perf_counter() - started)

    async def _send(self, plan: _Prepared, stream: bool) -> Tuple[httpx.Response, int]:
        attempt = 0
        while True:
            attempt += 1
            retries_left = plan.max_retries - attempt + 1
            self._log_attempt(plan, attempt)
            request = self._http.build_request(
                plan.method, plan.url, headers=plan.headers, content=plan.content, timeout=plan.timeout
            )
            for name in plan.drop:
                request.headers.pop(name, None)
            response: Optional[httpx.Response] = None
            try:
                response = await self._http.send(request, stream=stream)
                if response.status_code < 400:
                    return response, attempt  # the common case: nothing else to decide
                await response.aread()
            except httpx.TransportError as error:
                if retries_left <= 0:
                    raise self._give_up(plan, attempt, error, request) from error
                why = type(error).__name__
            else:
                if retries_left <= 0 or not should_retry(response.status_code, response.headers):
                    raise make_status_error(response, method=plan.method, url=plan.url, attempts=attempt)
                why = f"status {response.status_code}"
            delay = retry_delay(attempt, response.headers if response is not None else None)
            log.info("retell: %s %s %s; retrying in %.2f s (%d left)", plan.method, plan.url, why, delay, retries_left)
            await asyncio.sleep(delay)
