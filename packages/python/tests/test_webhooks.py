"""Webhook signatures: the same `v=<ms>,d=<hex hmac>` format as the TypeScript client (checked against its
`signWebhook`), constant-time verification, tolerance, and malformed input rejected without raising."""

from __future__ import annotations

import subprocess

import pytest

from conftest import ROOT, _tsx  # pyright: ignore[reportPrivateUsage]
from retell import WebhookVerificationError, parse_webhook_event, sign_webhook, verify_webhook

KEY = "key_webhook_5e6f7a8b"
BODY = '{"event":"call_started","call":{"call_id":"call_1","note":"caf\u00e9 \u2713"}}'
STAMP = 1_767_225_600_000
NOW = STAMP / 1000


def test_round_trip_and_format() -> None:
    header = sign_webhook(BODY, KEY, STAMP)
    assert header.startswith(f"v={STAMP},d=") and len(header.split("d=")[1]) == 64
    assert verify_webhook(BODY, KEY, header, now=NOW)
    assert verify_webhook(BODY.encode(), KEY, header, now=NOW)
    assert parse_webhook_event(BODY, KEY, header, now=NOW) == {"event": "call_started", "call": {"call_id": "call_1", "note": "caf\u00e9 \u2713"}}


def test_matches_the_typescript_signature() -> None:
    out = subprocess.run(
        [*_tsx(), str(ROOT / "packages/python/tests/sign_webhook.ts"), KEY, str(STAMP)],
        input=BODY, capture_output=True, text=True, check=True, cwd=ROOT, timeout=300,
    )
    assert out.stdout == sign_webhook(BODY, KEY, STAMP)
    assert verify_webhook(BODY, KEY, out.stdout, now=NOW)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "v=1,d=zz",
        f"v={STAMP}",
        f"d={'0' * 64},v={STAMP}",
        f"v={STAMP},d={'0' * 64}",
        "v=" + "9" * 300,
    ],
)
def test_rejects_malformed_or_wrong_signatures(header: str | None) -> None:
    assert verify_webhook(BODY, KEY, header, now=NOW) is False


def test_rejects_other_key_other_body_and_stale_timestamps() -> None:
    header = sign_webhook(BODY, KEY, STAMP)
    assert not verify_webhook(BODY, "other-key", header, now=NOW)
    assert not verify_webhook(BODY + " ", KEY, header, now=NOW)
    assert not verify_webhook(BODY, KEY, header, now=NOW + 301)
    assert verify_webhook(BODY, KEY, header, now=NOW + 299)
    assert verify_webhook(BODY, KEY, header, now=NOW + 3000, tolerance=3600)
    assert not verify_webhook(BODY, "", header, now=NOW)


def test_parse_raises_on_bad_signature_or_json() -> None:
    with pytest.raises(WebhookVerificationError):
        parse_webhook_event(BODY, KEY, "v=1,d=" + "0" * 64, now=NOW)
    with pytest.raises(WebhookVerificationError, match="not valid JSON"):
        parse_webhook_event("not json", KEY, sign_webhook("not json", KEY, STAMP), now=NOW)
