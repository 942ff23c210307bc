"""Drop-in proof: an app written the way the official `retell-sdk` Python docs write it (httpx timeouts, models
with attributes, list responses with `has_more`, raw and streamed responses, `client.verify`, `copy` /
`with_options`, the `retell.resources` module...) runs unchanged against `@retell-kit/mock`. Everything from
`# --- app` to `# --- end of app` is the app; pyright strict checks this file with the package."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import cast

import httpx
import pytest

# --- app
import retell
from retell import (
    AsyncRetell,
    BaseModel,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
    NotFoundError,
    Omit,
    Retell,
    Timeout,
    file_from_path,
    not_given,
    omit,
)
from retell.resources import AgentResource
from retell.types import AgentListResponse, AgentResponse, LlmResponse


def sync_app(base_url: str, upload: Path) -> dict[str, object]:
    client = Retell(api_key="key_test", base_url=base_url, timeout=httpx.Timeout(20.0, connect=2.0))
    llm: LlmResponse = client.llm.create(general_prompt="You are a friendly receptionist.")
    agent: AgentResponse = client.agent.create(
        response_engine={"type": "retell-llm", "llm_id": llm.llm_id},
        voice_id="11labs-Adrian",
        agent_name=not_given,
        extra_body={"agent_name": "Front desk"},
    )
    assert agent.response_engine.type == "retell-llm"
    as_dict = agent.to_dict()
    assert json.loads(agent.to_json()) == as_dict and agent.model_dump()["agent_id"] == agent.agent_id
    calls = client.call.list(limit=10)
    page_facts = (calls.has_more, calls.pagination_key)
    with client.agent.with_streaming_response.retrieve(agent.agent_id) as resp:
        body = resp.read()
        assert resp.parse().agent_id == agent.agent_id
    raw = client.agent.with_raw_response.retrieve(agent.agent_id, timeout=Timeout(5.0))
    facts = (raw.http_request.method, raw.is_closed, raw.url.path, raw.elapsed, raw.retries_taken)
    assert json.loads(raw.text()) == raw.json() and raw.read() == raw.http_response.content
    assert client.with_raw_response.llm.retrieve(llm.llm_id).parse().llm_id == llm.llm_id
    try:
        client.with_options(max_retries=0).agent.retrieve("agent_missing")
    except NotFoundError as error:
        assert error.request is not None and error.request.url.path.endswith("agent_missing")
    try:
        client.agent.retrieve("")
    except ValueError as error:
        assert str(error) == "Expected a non-empty value for `agent_id` but received ''"
    kb = client.knowledge_base.create(knowledge_base_name="FAQ", knowledge_base_files=[file_from_path(upload)])
    quiet = client.copy(http_client=DefaultHttpxClient(timeout=10.0), default_headers={"x-team": "support"})
    voices = quiet.voice.list(extra_headers={"x-team": omit})
    assert isinstance(kb, BaseModel) and isinstance(client.agent, AgentResource) and isinstance(omit, Omit)
    signed = retell.sign_webhook('{"event":"call_started"}', "key_test")
    return {
        "llm": llm.llm_id,
        "engine": agent.response_engine.type,
        "name": agent.agent_name,
        "page": page_facts,
        "streamed": len(body),
        "raw": facts,
        "kb": kb.knowledge_base_id,
        "voices": len(voices),
        "verified": client.verify('{"event":"call_started"}', "key_test", signed),
    }


async def async_app(base_url: str, agent_id: str) -> tuple[str, object, int]:
    async with AsyncRetell(api_key="key_test", base_url=base_url, http_client=DefaultAsyncHttpxClient()) as ac:
        parsed = await (await ac.agent.with_raw_response.retrieve(agent_id)).parse()
        async with ac.agent.with_streaming_response.retrieve(agent_id) as resp:
            lines = [line async for line in resp.iter_lines()]
        calls = await ac.call.list(limit=10, timeout=None)
        return parsed.agent_id, calls.has_more, len(lines)


# --- end of app


@pytest.fixture()
def upload() -> Path:
    path = Path(tempfile.mkdtemp()) / "faq.txt"
    path.write_bytes(b"Opening hours: 9 to 5.")
    return path


def test_the_app_runs_unchanged(mock_url: str, upload: Path) -> None:
    out = sync_app(mock_url, upload)
    assert isinstance(out["llm"], str) and out["engine"] == "retell-llm" and out["name"] == "Front desk"
    page = cast("tuple[object, ...]", out["page"])
    assert isinstance(page[0], bool)
    assert isinstance(out["streamed"], int) and out["streamed"] > 0
    raw = cast("tuple[object, ...]", out["raw"])
    assert raw[0] == "GET" and raw[1] is True and raw[4] == 0 and f"{raw[2]}".startswith("/get-agent/")
    assert isinstance(out["kb"], str) and out["verified"] is True
    agents: AgentListResponse = Retell(api_key="key_test", base_url=mock_url).agent.list(limit=50)
    assert isinstance(agents.has_more, bool) and len(agents.items) >= 1
    assert all(isinstance(a.agent_id, str) and a.channel in ("voice", "chat") for a in agents.items)


def test_the_async_app_runs_unchanged(mock_url: str) -> None:
    client = Retell(api_key="key_test", base_url=mock_url)
    llm = client.llm.create(general_prompt="hi")
    agent = client.agent.create(response_engine={"type": "retell-llm", "llm_id": llm.llm_id}, voice_id="11labs-Adrian")
    agent_id, has_more, lines = asyncio.run(async_app(mock_url, agent.agent_id))
    assert agent_id == agent.agent_id and isinstance(has_more, bool) and lines >= 1


def test_the_app_is_long_enough_to_mean_something() -> None:
    text = Path(__file__).read_text("utf-8")
    app = text.split("\n# --- app\n", 1)[1].split("\n# --- end of app\n", 1)[0]
    assert len([line for line in app.splitlines() if line.strip()]) >= 40
