"""The clients' core: resolved options (constructor arguments, else `RETELL_API_KEY` / `RETELL_BASE_URL`,
else defaults), and `request()`, which builds the URL, headers and body of one operation and sends it with
per-attempt timeouts and retries (see _retry.py) over httpx, sync or async. Generated resource classes call
`request()`; they never touch httpx. The key is only ever put in the `Authorization` header: it is not in
`repr()`, logs or error messages."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import re
import time
from typing import Any, Mapping, Self
from urllib.parse import quote

import httpx

from ._encode import encode_json, encode_multipart, encode_path, encode_query, strip_not_given
from ._errors import APIConnectionError, APIResponseValidationError, APITimeoutError, RetellError, make_status_error
from ._operation import Operation
from ._response import APIResponse
from ._retry import retry_delay, should_retry
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

__all__ = ["BaseClient", "SyncAPIClient", "AsyncAPIClient", "DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "DEFAULT_MAX_RETRIES"]

DEFAULT_BASE_URL = "https://api.retellai.com"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
VERSION = "0.1.0"

log = logging.getLogger("retell")
_URL = re.compile(r"^https?://[^/]", re.IGNORECASE)


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def _check_timeout(value: object, name: str) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (value >= 0) or math.isinf(value):
        raise ValueError(f"Invalid {name} {value!r}: expected a finite number of seconds >= 0, or None.")


def _check_retries(value: object, name: str) -> None:
    if isinstance(value, NotGiven):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"Invalid {name} {value!r}: expected an integer >= 0.")


class _Prepared:
    """One logical request, fixed before the first attempt."""

    __slots__ = ("method", "url", "headers", "content", "timeout", "max_retries")

    def __init__(self, method: str, url: str, headers: dict[str, str], content: bytes | None, timeout: Timeout, max_retries: int) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content
        self.timeout = timeout
        self.max_retries = max_retries


class BaseClient:
    api_key: str
    base_url: str
    timeout: Timeout | NotGiven
    max_retries: int

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
    ) -> None:
        key = api_key if api_key is not None else _env("RETELL_API_KEY")
        if not isinstance(key, str) or key == "":  # pyright: ignore[reportUnnecessaryIsInstance]
            raise RetellError("Missing API key: pass `api_key` to the client or set the RETELL_API_KEY environment variable.")
        url = base_url if base_url is not None else (_env("RETELL_BASE_URL") or DEFAULT_BASE_URL)
        if not _URL.match(url):
            raise RetellError(f"Invalid base_url {url!r}: expected an absolute http(s) URL.")
        _check_timeout(timeout, "timeout")
        _check_retries(max_retries, "max_retries")
        self.api_key = key
        self.base_url = url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        self._headers = {
            "authorization": f"Bearer {key}",
            "accept": "application/json",
            "user-agent": f"retell-kit-python/{VERSION}",
        }
        for name, value in self._default_headers.items():
            self._headers[name.lower()] = value

    def __repr__(self) -> str:
        # Never the key.
        return f"{type(self).__name__}(base_url={self.base_url!r}, timeout={self.timeout!r}, max_retries={self.max_retries})"

    def _options(self) -> dict[str, Any]:
        return {
            "api_key": self.api_key,
            "base_url": self.base_url,
            "timeout": self.timeout,
            "max_retries": self.max_retries,
            "default_headers": self._default_headers,
            "default_query": self._default_query,
        }

    def _prepare(
        self,
        op: Operation,
        path: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        body: Mapping[str, object] | None,
        extra_headers: Headers | None,
        extra_query: Query | None,
        extra_body: Body | None,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
    ) -> _Prepared:
        _check_timeout(timeout, "timeout")
        _check_retries(max_retries, "max_retries")
        url = self.base_url + (encode_path(op.path, path) if path else op.path)
        q = strip_not_given(query)
        if self._default_query or extra_query:
            q = {**self._default_query, **q, **(extra_query or {})}
        pairs = encode_query(q)
        if pairs:
            url += "?" + "&".join(f"{quote(k, safe='[]')}={quote(v, safe='')}" for k, v in pairs)
        headers = dict(self._headers)
        content: bytes | None = None
        if op.body != "none":
            fields = strip_not_given(body)
            if extra_body:
                fields.update(extra_body)
            if op.body == "multipart":
                content, content_type = encode_multipart(fields)
            else:
                content, content_type = encode_json(fields), "application/json"
            headers.setdefault("content-type", content_type)
        if extra_headers:
            for name, value in extra_headers.items():
                if value is None:
                    headers.pop(name.lower(), None)
                else:
                    headers[name.lower()] = value
        chosen: Timeout
        if not isinstance(timeout, NotGiven):
            chosen = timeout
        elif not isinstance(self.timeout, NotGiven):
            chosen = self.timeout
        else:
            chosen = op.timeout if op.timeout is not None else DEFAULT_TIMEOUT
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        return _Prepared(op.method, url, headers, content, chosen, retries)

    def _finish(self, op: Operation, plan: _Prepared, response: httpx.Response, attempts: int, started: float, raw: bool) -> object:
        if response.status_code >= 400:
            raise make_status_error(response, method=plan.method, url=plan.url, attempts=attempts)
        data: object = None
        if op.response == "json" and response.status_code != 204 and response.content:
            try:
                data = response.json()
            except ValueError as error:
                raise APIResponseValidationError(
                    f"{response.status_code} response is not JSON", method=plan.method, url=plan.url, body=response.text, attempts=attempts
                ) from error
        elif op.response == "text":
            data = response.text
        if raw:
            return APIResponse(response, data, attempts=attempts, round_trip_time=time.perf_counter() - started)
        return data

    def _give_up(self, plan: _Prepared, attempt: int, failure: Exception) -> APIConnectionError:
        if isinstance(failure, httpx.TimeoutException):
            return APITimeoutError(f"Request timed out after {plan.timeout} s.", method=plan.method, url=plan.url, attempts=attempt)
        return APIConnectionError(f"Connection error: {type(failure).__name__}.", method=plan.method, url=plan.url, attempts=attempt)

    @staticmethod
    def _log_attempt(plan: _Prepared, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            shown = {k: ("***" if k in ("authorization", "x-api-key") else v) for k, v in plan.headers.items()}
            log.debug("retell: -> %s %s (attempt %d) headers=%s", plan.method, plan.url, attempt, shown)


class SyncAPIClient(BaseClient):
    def __init__(self, *, http_client: httpx.Client | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(follow_redirects=False)

    def with_options(self, **options: Any) -> Self:
        """A copy with some options replaced (the key carries over unless replaced); shares the connection pool."""
        merged = {**self._options(), **options}
        return type(self)(http_client=self._http, **merged)

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
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
    ) -> Any:
        plan = self._prepare(op, path, query, body, extra_headers, extra_query, extra_body, timeout, max_retries)
        started = time.perf_counter()
        attempt = 0
        while True:
            attempt += 1
            retries_left = plan.max_retries - attempt + 1
            self._log_attempt(plan, attempt)
            response: httpx.Response | None = None
            try:
                # Not streamed: the whole body is read inside the attempt, so a reset mid-body is retried too.
                response = self._http.request(plan.method, plan.url, headers=plan.headers, content=plan.content, timeout=plan.timeout)
            except httpx.TransportError as error:
                if retries_left <= 0:
                    raise self._give_up(plan, attempt, error) from error
                why = type(error).__name__
            else:
                if retries_left <= 0 or not should_retry(response.status_code, response.headers):
                    return self._finish(op, plan, response, attempt, started, raw)
                why = f"status {response.status_code}"
            delay = retry_delay(attempt, response.headers if response is not None else None)
            log.info("retell: %s %s %s; retrying in %.2f s (%d left)", plan.method, plan.url, why, delay, retries_left)
            time.sleep(delay)


class AsyncAPIClient(BaseClient):
    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(follow_redirects=False)

    def with_options(self, **options: Any) -> Self:
        """A copy with some options replaced (the key carries over unless replaced); shares the connection pool."""
        merged = {**self._options(), **options}
        return type(self)(http_client=self._http, **merged)

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
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
    ) -> Any:
        plan = self._prepare(op, path, query, body, extra_headers, extra_query, extra_body, timeout, max_retries)
        started = time.perf_counter()
        attempt = 0
        while True:
            attempt += 1
            retries_left = plan.max_retries - attempt + 1
            self._log_attempt(plan, attempt)
            response: httpx.Response | None = None
            try:
                response = await self._http.request(plan.method, plan.url, headers=plan.headers, content=plan.content, timeout=plan.timeout)
            except httpx.TransportError as error:
                if retries_left <= 0:
                    raise self._give_up(plan, attempt, error) from error
                why = type(error).__name__
            else:
                if retries_left <= 0 or not should_retry(response.status_code, response.headers):
                    return self._finish(op, plan, response, attempt, started, raw)
                why = f"status {response.status_code}"
            delay = retry_delay(attempt, response.headers if response is not None else None)
            log.info("retell: %s %s %s; retrying in %.2f s (%d left)", plan.method, plan.url, why, delay, retries_left)
            await asyncio.sleep(delay)
