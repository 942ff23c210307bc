"""retell.llm_socket against a real websockets client: config first, greeting from call details,
fail-open reading (nulls, a system role, unknown fields), cancellation of a superseded answer, and
nothing sent for a stale response_id."""

from __future__ import annotations

import asyncio
import json
from typing import Any, AsyncIterator, Callable, Dict, List, Optional

import pytest

websockets = pytest.importorskip("websockets")  # Debian: python3-websockets

from retell.llm_socket import LlmSession, LlmSocketServer, Turn, read_retell_message  # noqa: E402


def test_read_is_lenient_and_names_the_message() -> None:
    message, warnings = read_retell_message(
        json.dumps({"interaction_type": "response_required", "response_id": 3, "turntaking": None, "extra": 1,
                    "transcript": [{"role": "system", "content": "x"}, {"role": "user", "content": "hi", "words": None}]})
    )
    assert message["response_id"] == 3 and "turntaking" not in message
    assert any("/turntaking" in w for w in warnings)
    assert any("/transcript/1/words" in w for w in warnings)
    assert any('unknown field "extra"' in w for w in warnings)
    assert any("/transcript/0/role" in w for w in warnings)
    with pytest.raises(ValueError, match=r"^invalid response_required message: response_id"):
        read_retell_message(json.dumps({"interaction_type": "response_required", "transcript": []}))
    with pytest.raises(ValueError, match=r"^invalid call_details message"):
        read_retell_message(json.dumps({"interaction_type": "call_details", "call": "x"}))
    with pytest.raises(ValueError, match="nested deeper"):
        read_retell_message(json.dumps({"interaction_type": "update_only", "transcript": [], "a": json.loads("[" * 40 + "]" * 40)}))


def test_a_call_end_to_end() -> None:
    asyncio.run(_call())


async def _call() -> None:
    cancelled: List[int] = []
    warnings: List[str] = []

    def greet(message: Dict[str, Any], session: LlmSession) -> str:
        return f"Hello {message['call']['call_type']}"

    async def answer(request: Dict[str, Any], turn: Turn) -> AsyncIterator[str]:
        said = request["transcript"][-1]["content"]
        try:
            for word in f"you said {said}".split(" "):
                await asyncio.sleep(0.2 if said == "slow" else 0)
                yield word + " "
        except asyncio.CancelledError:
            cancelled.append(turn.response_id)
            raise

    def warn(text: str, session: Optional[LlmSession]) -> None:
        warnings.append(text)

    server = LlmSocketServer(on_call_details=greet, on_response_required=answer, on_warning=warn)
    ws_server: Any = await server.serve(port=0)
    port = ws_server.sockets[0].getsockname()[1]
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/llm-websocket/call_py") as ws:
            frames: List[Dict[str, Any]] = []

            async def until(predicate: Callable[[Dict[str, Any]], Any]) -> None:
                while not any(predicate(f) for f in frames):
                    frames.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))

            await until(lambda f: f.get("response_type") == "config")
            assert frames[0] == {"response_type": "config", "config": {"auto_reconnect": True, "call_details": True}}
            await ws.send(json.dumps({"interaction_type": "call_details", "call": {"call_type": "web_call", "call_id": "call_py"}}))
            await until(lambda f: f.get("response_id") == 0 and f.get("content_complete"))
            assert "".join(f["content"] for f in frames if f.get("response_id") == 0) == "Hello web_call"
            await ws.send(json.dumps({"interaction_type": "ping_pong", "timestamp": 7}))
            await until(lambda f: f.get("response_type") == "ping_pong")
            slow = {"interaction_type": "response_required", "response_id": 1, "transcript": [{"role": "user", "content": "slow"}]}
            await ws.send(json.dumps(slow))
            await until(lambda f: f.get("response_id") == 1)
            await ws.send(json.dumps({"interaction_type": "response_required", "response_id": 2, "turntaking": None,
                                      "transcript": [{"role": "system", "content": "s"}, {"role": "user", "content": "fast"}]}))
            await until(lambda f: f.get("response_id") == 2 and f.get("content_complete"))
            await asyncio.sleep(0.5)  # anything still coming for id 1 would arrive now
            while True:
                try:
                    frames.append(json.loads(await asyncio.wait_for(ws.recv(), 0.2)))
                except asyncio.TimeoutError:
                    break
            assert cancelled == [1]
            assert not any(f.get("response_id") == 1 and f.get("content_complete") for f in frames)
            index_of_2 = next(i for i, f in enumerate(frames) if f.get("response_id") == 2)
            assert not any(f.get("response_id") == 1 for f in frames[index_of_2:])
            assert "".join(f["content"] for f in frames if f.get("response_id") == 2) == "you said fast "
            await ws.send(json.dumps({"interaction_type": "response_required", "response_id": 1, "transcript": []}))
            await asyncio.sleep(0.2)
            assert any("not newer than 2" in w for w in warnings)
            assert any("/turntaking" in w for w in warnings)
    finally:
        ws_server.close()
        await ws_server.wait_closed()
