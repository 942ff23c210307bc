"""The retry policy, in one place: which responses are retried and how long to wait before the next
attempt. Pure functions of the status, the headers and the attempt number (as in the TypeScript client)."""

from __future__ import annotations

import email.utils
import math
import random
import time
from typing import Callable, Mapping

MAX_RETRY_AFTER = 60.0
"""A server-given wait longer than this (seconds) is ignored in favour of our own backoff."""
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0


def should_retry(status: int, headers: Mapping[str, str]) -> bool:
    """408, 409, 429 and 5xx are retried, unless the server says otherwise with `x-should-retry`."""
    explicit = headers.get("x-should-retry")
    if explicit == "true":
        return True
    if explicit == "false":
        return False
    return status in (408, 409, 429) or status >= 500


def _server_delay(headers: Mapping[str, str], now: float) -> float | None:
    ms = (headers.get("retry-after-ms") or "").strip()
    if ms:
        try:
            value = float(ms) / 1000
            if math.isfinite(value):
                return value
        except ValueError:
            pass
    after = (headers.get("retry-after") or "").strip()
    if not after:
        return None
    try:
        seconds = float(after)
        return seconds if math.isfinite(seconds) else None
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(after)
    except (TypeError, ValueError, IndexError):
        return None
    return when.timestamp() - now


def retry_delay(
    retry: int,
    headers: Mapping[str, str] | None,
    *,
    now: float | None = None,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retry number `retry` (1-based). `retry-after-ms` wins over `retry-after`
    (seconds or an HTTP date); a missing, unparsable, negative or over-long value falls back to exponential
    backoff (0.5 s, 1 s, 2 s, ... capped at 8 s) with up to 25 % jitter."""
    if headers is not None:
        server = _server_delay(headers, time.time() if now is None else now)
        if server is not None and 0 <= server <= MAX_RETRY_AFTER:
            return server
    base = min(INITIAL_BACKOFF * 2 ** (retry - 1), MAX_BACKOFF)
    return base * (1 - rand() * 0.25)
