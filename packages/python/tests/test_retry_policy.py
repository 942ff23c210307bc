"""The retry policy as pure functions, table-driven (as test/runtime/retry-policy.test.ts)."""

from __future__ import annotations

import pytest

from retell._runtime import retry_delay, should_retry

NOW = 1_767_225_600.0


@pytest.mark.parametrize(
    ("status", "headers", "want"),
    [
        (408, {}, True), (409, {}, True), (429, {}, True), (500, {}, True), (599, {}, True),
        (400, {}, False), (404, {}, False), (422, {}, False),
        (400, {"x-should-retry": "true"}, True), (503, {"x-should-retry": "false"}, False),
    ],
)
def test_should_retry(status: int, headers: dict[str, str], want: bool) -> None:
    assert should_retry(status, headers) is want


@pytest.mark.parametrize(
    ("headers", "want"),
    [
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "Thu, 01 Jan 2026 00:00:05 GMT"}, 5.0),
        ({"retry-after": "61"}, 0.5),  # too long: our own backoff
        ({"retry-after-ms": "-5"}, 0.5),
        ({"retry-after": "soon"}, 0.5),
    ],
)
def test_retry_delay_from_headers(headers: dict[str, str], want: float) -> None:
    assert retry_delay(1, headers, now=NOW, rand=lambda: 0.0) == pytest.approx(want)  # pyright: ignore[reportUnknownMemberType]


def test_backoff_is_exponential_capped_with_jitter_below() -> None:
    assert [retry_delay(n, None, rand=lambda: 0.0) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert retry_delay(2, None, rand=lambda: 1.0) == 0.75
