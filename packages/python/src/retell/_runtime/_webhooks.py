"""Webhook signatures, in the format the TypeScript client verifies (packages/client/src/runtime/webhooks.ts):
the `x-retell-signature` header is `v=<timestamp ms>,d=<hex HMAC-SHA256 of (raw body + timestamp)>`, keyed
with the account's API key. Digests are compared with `hmac.compare_digest` (constant time)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time

from ._errors import WebhookVerificationError

__all__ = ["sign_webhook", "verify_webhook", "parse_webhook_event", "DEFAULT_WEBHOOK_TOLERANCE"]

DEFAULT_WEBHOOK_TOLERANCE = 300.0
"""Seconds the signed timestamp may be from now, either way."""
_MAX_HEADER_LENGTH = 200
_SIGNATURE = re.compile(r"v=(\d{1,15}),d=([0-9a-fA-F]{64})")


def _bytes(body: str | bytes) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else body


def _digest(api_key: str, body: bytes, stamp: str) -> bytes:
    return hmac.new(api_key.encode("utf-8"), body + stamp.encode("ascii"), hashlib.sha256).digest()


def sign_webhook(raw_body: str | bytes, api_key: str, timestamp: int | None = None) -> str:
    """Signs a body the way Retell does (`timestamp` in ms, default now); for tests and local tooling."""
    stamp = int(time.time() * 1000) if timestamp is None else timestamp
    if isinstance(stamp, bool) or not isinstance(stamp, int) or stamp < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValueError(f"Invalid webhook timestamp {stamp!r}: expected a non-negative integer of ms.")
    return f"v={stamp},d={_digest(api_key, _bytes(raw_body), str(stamp)).hex()}"


def verify_webhook(
    raw_body: str | bytes,
    api_key: str,
    signature: str | None,
    *,
    tolerance: float = DEFAULT_WEBHOOK_TOLERANCE,
    now: float | None = None,
) -> bool:
    """True when `signature` is a well-formed signature of `raw_body` under `api_key`, made within
    `tolerance` seconds of `now` (unix seconds, default the clock). Never raises: malformed input is False.
    Pass the body exactly as received (re-serialized JSON will not match)."""
    try:
        if not isinstance(signature, str) or len(signature) > _MAX_HEADER_LENGTH:
            return False
        if not isinstance(api_key, str) or api_key == "":  # pyright: ignore[reportUnnecessaryIsInstance]
            return False
        if not isinstance(raw_body, (str, bytes)):  # pyright: ignore[reportUnnecessaryIsInstance]
            return False
        match = _SIGNATURE.fullmatch(signature.strip())
        if match is None:
            return False
        stamp, digest = match.group(1), match.group(2)
        current_ms = (time.time() if now is None else now) * 1000
        if not abs(current_ms - int(stamp)) <= tolerance * 1000:
            return False
        expected = _digest(api_key, _bytes(raw_body), stamp)
        return hmac.compare_digest(expected, bytes.fromhex(digest))
    except (ValueError, TypeError, OverflowError):
        return False


def parse_webhook_event(
    raw_body: str | bytes,
    api_key: str,
    signature: str | None,
    *,
    tolerance: float = DEFAULT_WEBHOOK_TOLERANCE,
    now: float | None = None,
) -> object:
    """Verifies, then parses the body; raises `WebhookVerificationError` otherwise."""
    if not verify_webhook(raw_body, api_key, signature, tolerance=tolerance, now=now):
        raise WebhookVerificationError("Invalid webhook signature: the body, the key, or the timestamp does not match.")
    try:
        parsed: object = json.loads(raw_body)
        return parsed
    except ValueError as error:
        raise WebhookVerificationError("Webhook body is signed but is not valid JSON.") from error
