"""Runtime behaviour against a local fault server, sync and async, mirroring the TypeScript transport
tests: retries (statuses, x-should-retry, retry-after-ms), connection errors, a reset mid-body, timeouts,
the error hierarchy, raw responses, and the pagination guards (cycles, empty pages, max_pages)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Iterator

import httpx
import pytest

from fault_server import FaultServer, Reply, Seen
from retell import (
    omit,
    APIConnectionError,
    APITimeoutError,
    AsyncRetell,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    Retell,
    RetellError,
    UnprocessableEntityError,
)

KEY = "key_4f8e0c1b2a3d5e6f7a8b9c0d"
NOW = {"retry-after-ms": "0"}
AGENT = {"agent_id": "agent_1", "response_engine": {"type": "retell-llm", "llm_id": "llm_1"}, "voice_id": "v", "last_modification_timestamp": 1}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    yield s
    s.close()


def sync_client(server: FaultServer, **options: Any) -> Retell:
    return Retell(api_key=KEY, base_url=server.url, **options)


def test_retries_5xx_then_succeeds_and_reports_attempts(server: FaultServer) -> None:
    server.script = [Reply(500, {"message": "boom"}, NOW), Reply(503, None, NOW), Reply(200, AGENT)]
    raw = sync_client(server).agent.with_raw_response.retrieve("agent_1")
    assert raw.status_code == 200
    assert raw.attempts == 3
    assert raw.round_trip_time > 0
    assert raw.parse().agent_id == "agent_1"
    assert raw.headers["content-type"] == "application/json"
    assert len(server.requests) == 3


def test_gives_up_after_max_retries_with_the_last_error(server: FaultServer) -> None:
    server.script = [Reply(500, {"message": "first"}, NOW), Reply(502, {"message": "last"}, NOW)]
    with pytest.raises(InternalServerError) as info:
        sync_client(server, max_retries=1).agent.retrieve("agent_1")
    assert info.value.status_code == 502
    assert info.value.message == "502 last"
    assert info.value.attempts == 2


def test_per_request_max_retries_overrides_the_client(server: FaultServer) -> None:
    server.script = [Reply(429, {"message": "slow down"}, NOW), Reply(200, AGENT)]
    with pytest.raises(RateLimitError):
        sync_client(server, max_retries=5).with_options(max_retries=0).agent.retrieve("agent_1")
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [408, 409, 429, 500, 503])
def test_retried_statuses(server: FaultServer, status: int) -> None:
    server.script = [Reply(status, {"message": "x"}, NOW), Reply(200, AGENT)]
    assert sync_client(server).agent.retrieve("agent_1").agent_id == "agent_1"
    assert len(server.requests) == 2


def test_obeys_x_should_retry(server: FaultServer) -> None:
    server.script = [Reply(400, {"message": "x"}, {**NOW, "x-should-retry": "true"}), Reply(200, AGENT)]
    assert sync_client(server).agent.retrieve("agent_1").agent_id == "agent_1"
    server.requests.clear()
    server.script = [Reply(500, {"message": "no"}, {"x-should-retry": "false"})]
    with pytest.raises(InternalServerError):
        sync_client(server).agent.retrieve("agent_1")
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("status", "cls"),
    [(400, BadRequestError), (401, AuthenticationError), (404, NotFoundError), (422, UnprocessableEntityError), (500, InternalServerError)],
)
def test_error_hierarchy_by_status(server: FaultServer, status: int, cls: type[Exception]) -> None:
    server.script = [Reply(status, {"status": "error", "message": "went wrong"}, {"x-should-retry": "false"})]
    with pytest.raises(cls) as info:
        sync_client(server).agent.retrieve("agent_1")
    assert str(info.value) == f"{status} went wrong"
    assert isinstance(info.value, RetellError)


def test_connection_closed_is_retried_then_reported(server: FaultServer) -> None:
    server.script = [Reply(close=True), Reply(200, AGENT)]
    assert sync_client(server).agent.retrieve("agent_1").agent_id == "agent_1"
    server.script = [Reply(close=True), Reply(close=True)]
    with pytest.raises(APIConnectionError) as info:
        sync_client(server, max_retries=1).agent.retrieve("agent_1")
    assert info.value.attempts == 2
    assert info.value.__cause__ is not None


def test_reset_mid_body_is_retried(server: FaultServer) -> None:
    server.script = [Reply(200, AGENT, truncate=True), Reply(200, AGENT)]
    raw = sync_client(server).agent.with_raw_response.retrieve("agent_1")
    assert raw.attempts == 2
    assert raw.parse().agent_id == "agent_1"


def test_timeout_per_attempt_then_timeout_error(server: FaultServer) -> None:
    server.script = [Reply(200, AGENT, delay=3.0), Reply(200, AGENT)]
    raw = sync_client(server, timeout=0.3).agent.with_raw_response.retrieve("agent_1")
    assert raw.attempts == 2
    server.script = [Reply(200, AGENT, delay=3.0), Reply(200, AGENT, delay=3.0)]
    with pytest.raises(APITimeoutError) as info:
        sync_client(server, max_retries=1).agent.retrieve("agent_1", timeout=httpx.Timeout(0.3))
    assert info.value.attempts == 2


def test_operation_timeout_applies_unless_the_user_sets_one(server: FaultServer) -> None:
    from retell._generated import operations as ops

    client = sync_client(server)
    args = (None, None, None, None, None, None)
    assert client._prepare(ops.CREATE_PHONE_CALL, *args, timeout=client.timeout, max_retries=2).timeout == 120.0  # pyright: ignore[reportPrivateUsage, reportArgumentType]
    assert client._prepare(ops.GET_AGENT, None, None, None, None, None, None, client.timeout, 2).timeout == 60.0  # pyright: ignore[reportPrivateUsage]
    assert client._prepare(ops.CREATE_PHONE_CALL, None, None, None, None, None, None, 5.0, 2).timeout == 5.0  # pyright: ignore[reportPrivateUsage]
    custom = sync_client(server, timeout=7.0)
    assert custom._prepare(ops.CREATE_PHONE_CALL, None, None, None, None, None, None, custom.timeout, 2).timeout == 7.0  # pyright: ignore[reportPrivateUsage]


def test_wire_path_query_headers_and_json(server: FaultServer) -> None:
    server.script = [Reply(200, AGENT)]
    client = sync_client(server, default_headers={"x-app": "demo"})
    client.agent.retrieve("a/b \u00fc\u2713", version=3, extra_headers={"x-trace": "t1"})
    seen = server.requests[-1]
    assert seen.path == "/get-agent/a%2Fb%20%C3%BC%E2%9C%93?version=3"
    assert seen.headers["authorization"] == f"Bearer {KEY}"
    assert seen.headers["x-app"] == "demo" and seen.headers["x-trace"] == "t1"
    server.script = [Reply(200, AGENT)]
    client.agent.update("agent_1", agent_name="Jarvis", version=2, webhook_url=None)
    seen = server.requests[-1]
    assert seen.method == "PATCH" and seen.path == "/update-agent/agent_1?version=2"
    assert seen.body == b'{"agent_name":"Jarvis","webhook_url":null}'
    assert seen.headers["content-type"] == "application/json"
    with pytest.raises(ValueError):
        client.agent.retrieve("..")
    # `omit` removes a header the client sends, whether it travels per request or sits on the httpx client.
    for sender in (client, client.copy()):
        server.script = [Reply(200, AGENT)]
        sender.agent.retrieve("agent_1", extra_headers={"x-app": omit, "user-agent": omit})
        seen = server.requests[-1]
        assert "x-app" not in seen.headers and "user-agent" not in seen.headers
        assert seen.headers["authorization"] == f"Bearer {KEY}"


def test_multipart_official_form(server: FaultServer) -> None:
    server.script = [Reply(200, {"knowledge_base_id": "kb_1"})]
    sync_client(server).knowledge_base.create(
        knowledge_base_name="FAQ",
        knowledge_base_files=[("a.txt", b"alpha", "text/plain"), b"beta"],
        knowledge_base_texts=[{"text": "t1", "title": "T1"}],
        knowledge_base_urls=["https://example.com/a"],
        enable_auto_refresh=True,
    )
    seen = server.requests[-1]
    content_type = seen.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1]
    parts = [p for p in seen.body.split(f"--{boundary}".encode()) if p.strip() not in (b"", b"--")]
    heads = [p.split(b"\r\n\r\n", 1)[0].decode() for p in parts]
    names = [h.split('name="')[1].split('"')[0] for h in heads]
    # Required fields come first (keyword order), then the optional ones; what matters is each part's name.
    assert sorted(names) == [
        "enable_auto_refresh",
        "knowledge_base_files",
        "knowledge_base_files",
        "knowledge_base_name",
        "knowledge_base_texts",
        "knowledge_base_urls",
    ]
    files = [i for i, n in enumerate(names) if n == "knowledge_base_files"]
    assert 'filename="a.txt"' in heads[files[0]] and "Content-Type: text/plain" in heads[files[0]]
    assert parts[files[0]].split(b"\r\n\r\n", 1)[1] == b"alpha\r\n"
    assert 'filename="upload"' in heads[files[1]] and "Content-Type: application/octet-stream" in heads[files[1]]
    assert parts[names.index("enable_auto_refresh")].split(b"\r\n\r\n", 1)[1] == b"true\r\n"
    texts = parts[names.index("knowledge_base_texts")].split(b"\r\n\r\n", 1)[1]
    assert texts == b'[{"text":"t1","title":"T1"}]\r\n'


def test_keys_never_logged_or_shown(server: FaultServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="retell")
    server.script = [Reply(500, {"message": "x"}, NOW), Reply(401, {"message": "bad key"})]
    client = sync_client(server)
    with pytest.raises(AuthenticationError) as info:
        client.agent.retrieve("agent_1")
    assert "retrying" in caplog.text and "attempt 2" in caplog.text
    for text in (caplog.text, repr(client), str(info.value), repr(info.value)):
        assert KEY not in text


def test_environment_defaults(server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RetellError, match="RETELL_API_KEY"):
        Retell()
    monkeypatch.setenv("RETELL_API_KEY", KEY)
    monkeypatch.setenv("RETELL_BASE_URL", server.url)
    server.script = [Reply(200, AGENT)]
    assert Retell().agent.retrieve("agent_1").agent_id == "agent_1"
    assert AsyncRetell().base_url == server.url
    with pytest.raises(RetellError, match="base_url"):
        Retell(base_url="not a url")


def _pages(server: FaultServer, pages: list[dict[str, Any]]) -> None:
    """Answers list-calls requests by the cursor in the body: None → pages[0], "c<i>" → pages[i]."""
    import json

    def respond(seen: Seen) -> Reply:
        body = json.loads(seen.body or b"{}")
        cursor = body.get("pagination_key")
        return Reply(200, pages[0 if cursor is None else int(cursor[1:])])

    server.responder = respond


def call(i: int) -> dict[str, Any]:
    return {"call_id": f"call_{i}"}


def test_pagination_walks_every_page(server: FaultServer) -> None:
    _pages(server, [
        {"items": [call(1), call(2)], "has_more": True, "pagination_key": "c1"},
        {"items": [call(3)], "has_more": True, "pagination_key": "c2"},
        {"items": [call(4)], "has_more": False, "pagination_key": None},
    ])
    client = sync_client(server)
    assert [c.call_id for c in client.call.list(limit=2).auto_paging_iter()] == ["call_1", "call_2", "call_3", "call_4"]
    assert [r.body for r in server.requests][1] == b'{"limit":2,"pagination_key":"c1"}'
    first = client.call.list()
    assert [c.call_id for c in first.items or []] == ["call_1", "call_2"]
    assert first.has_next_page()


def test_pagination_guards(server: FaultServer) -> None:
    client = sync_client(server)
    # A cursor seen before (c1 → c2 → c1) ends the walk instead of looping.
    _pages(server, [
        {"items": [call(1)], "has_more": True, "pagination_key": "c1"},
        {"items": [call(2)], "has_more": True, "pagination_key": "c2"},
        {"items": [call(3)], "has_more": True, "pagination_key": "c1"},
    ])
    assert [c.call_id for c in client.call.list().auto_paging_iter()] == ["call_1", "call_2", "call_3"]
    # An empty page that claims more ends it too.
    server.requests.clear()
    _pages(server, [
        {"items": [call(1)], "has_more": True, "pagination_key": "c1"},
        {"items": [], "has_more": True, "pagination_key": "c2"},
        {"items": [call(9)], "has_more": False},
    ])
    assert [c.call_id for c in client.call.list().auto_paging_iter()] == ["call_1"]
    assert len(server.requests) == 2
    # max_pages caps an endless list.
    server.responder = lambda seen: Reply(200, {"items": [call(len(server.requests))], "has_more": True, "pagination_key": f"c{len(server.requests)}"})
    server.requests.clear()
    assert len(list(client.call.list().auto_paging_iter(max_pages=3))) == 3
    assert len(server.requests) == 3


def test_async_retries_timeouts_and_pagination(server: FaultServer) -> None:
    async def run() -> None:
        async with AsyncRetell(api_key=KEY, base_url=server.url) as client:
            server.script = [Reply(500, None, NOW), Reply(200, AGENT, truncate=True), Reply(200, AGENT)]
            raw = await client.agent.with_raw_response.retrieve("agent_1")
            assert raw.attempts == 3 and (await raw.parse()).agent_id == "agent_1"
            server.script = [Reply(200, AGENT, delay=3.0), Reply(200, AGENT, delay=3.0)]
            with pytest.raises(APITimeoutError):
                await client.with_options(max_retries=1).agent.retrieve("agent_1", timeout=0.3)
            server.script = [Reply(404, {"message": "gone"})]
            with pytest.raises(NotFoundError):
                await client.agent.retrieve("agent_1")
            _pages(server, [
                {"items": [call(1)], "has_more": True, "pagination_key": "c1"},
                {"items": [call(2)], "has_more": True, "pagination_key": "c0"},
            ])
            seen = [c.call_id async for c in (await client.call.list()).auto_paging_iter()]
            # c0 is new, so page 0 comes again; its cursor c1 was seen, so the walk ends there.
            assert seen == ["call_1", "call_2", "call_1"]
            first = await client.call.list()
            assert [c.call_id for c in first.items or []] == ["call_1"]

    asyncio.run(run())
