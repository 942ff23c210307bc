"""The hot path pays only for what it uses (issue 25): a plain successful call is counted, not timed. It must not
consult the retry policy, build per-request headers (they sit on the SDK's own httpx client), encode an absent
query, wrap the response, or build more models than the fields read need."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List

import httpx
import pytest

from retell import AsyncRetell, BaseModel, Retell
from retell._runtime import _client, _encode, _response  # pyright: ignore[reportPrivateUsage]

AGENT = {"agent_id": "agent_1", "response_engine": {"type": "retell-llm", "llm_id": "llm_1"}, "voice_id": "v"}


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=AGENT, request=request)


def _count(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, calls: List[str]) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    seen: List[str] = []
    _count(monkeypatch, _client, "should_retry", seen)
    _count(monkeypatch, _client, "make_status_error", seen)
    _count(monkeypatch, _client, "encode_query", seen)
    _count(monkeypatch, _encode, "encode_json", seen)
    _count(monkeypatch, _response.APIResponse, "__init__", seen)
    _count(monkeypatch, _response.AsyncAPIResponse, "__init__", seen)
    original = BaseModel._from_raw.__func__  # type: ignore[attr-defined]  # pyright: ignore[reportPrivateUsage, reportFunctionMemberAccess, reportUnknownMemberType, reportUnknownVariableType]

    def from_raw(cls: Any, data: Dict[str, object]) -> Any:
        seen.append(f"model:{cls.__name__}")
        return original(cls, data)

    monkeypatch.setattr(BaseModel, "_from_raw", classmethod(from_raw))
    return seen


def test_a_plain_sync_call_takes_the_short_path(calls: List[str]) -> None:
    client = Retell(api_key="k", base_url="http://api.test")
    client._http._transport = httpx.MockTransport(_answer)  # pyright: ignore[reportPrivateUsage, reportAttributeAccessIssue]
    plans: List[Any] = []
    prepare = client._prepare  # pyright: ignore[reportPrivateUsage]
    client._prepare = lambda *a: plans.append(prepare(*a)) or plans[-1]  # type: ignore[method-assign]  # pyright: ignore[reportPrivateUsage, reportAttributeAccessIssue]
    agent = client.agent.retrieve("agent_1")
    assert calls == ["model:AgentResponse"]  # one model, nothing else on the path
    assert plans[0].headers is None and plans[0].drop == ()  # no per-request header dict
    assert agent.response_engine.type == "retell-llm"
    assert calls == ["model:AgentResponse", "model:ResponseEngineRetellLm"]  # nested models built when read


def test_a_plain_async_call_takes_the_short_path(calls: List[str]) -> None:
    import asyncio

    async def run() -> None:
        async def answer(request: httpx.Request) -> httpx.Response:
            return _answer(request)

        async with AsyncRetell(api_key="k", base_url="http://api.test") as client:
            client._http._transport = httpx.MockTransport(answer)  # pyright: ignore[reportPrivateUsage, reportAttributeAccessIssue, reportArgumentType]
            agent = await client.agent.retrieve("agent_1")
            assert agent.agent_id == "agent_1"

    asyncio.run(run())
    assert calls == ["model:AgentResponse"]


def test_features_cost_only_when_used(calls: List[str]) -> None:
    client = Retell(api_key="k", base_url="http://api.test")
    client._http._transport = httpx.MockTransport(_answer)  # pyright: ignore[reportPrivateUsage, reportAttributeAccessIssue]
    raw = client.agent.with_raw_response.retrieve("agent_1", version=2, extra_headers={"x-trace": "1"})
    assert json.loads(raw.text())["agent_id"] == "agent_1"
    assert calls.count("__init__") == 1 and calls.count("encode_query") == 1 and "should_retry" not in calls
