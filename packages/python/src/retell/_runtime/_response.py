"""`with_raw_response` / `.raw`: the parsed data together with the HTTP response, the number of attempts
and the round-trip time of the whole logical request (retries and backoff included)."""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx

T = TypeVar("T")

__all__ = ["APIResponse"]


class APIResponse(Generic[T]):
    def __init__(self, http_response: httpx.Response, data: T, *, attempts: int, round_trip_time: float) -> None:
        self.http_response = http_response
        self._data = data
        self.attempts = attempts
        """Attempts made (1 when the first one succeeded)."""
        self.round_trip_time = round_trip_time
        """Seconds from the first attempt to the final response."""

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def data(self) -> T:
        return self._data

    def parse(self) -> T:
        """The parsed body, as the method without `with_raw_response` returns it."""
        return self._data

    def __repr__(self) -> str:
        return f"<APIResponse {self.status_code} attempts={self.attempts} round_trip_time={self.round_trip_time:.3f}s>"
