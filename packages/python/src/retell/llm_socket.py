"""Custom-LLM WebSocket server helper: Retell's side talks, your callbacks answer.

The same semantics as the TypeScript helper (`@retell-kit/llm-socket`), over the `websockets` library
(Debian: python3-websockets):

- `config` is sent first on every connection; heartbeats are answered while `auto_reconnect` is on.
- Each `response_required` / `reminder_required` becomes the current ``response_id``; the answer to the
  previous one is cancelled at once (its task gets ``CancelledError``, so an LLM request awaiting in it
  stops) and nothing is ever sent for a superseded id.
- A callback returns the answer: text, a dict with ``content`` and options (``end_call``...), or an
  (async) iterable of those; chunks go out with ``content_complete: false`` and the end with ``true``.
- Input fails open like Retell's platform: nulls in optional fields are read as absent, unknown roles
  and fields are logged as warnings and the message is still answered; only a message that cannot be
  acted on (no ``response_id``, no transcript) is dropped, and the error names its ``interaction_type``.

    from retell.llm_socket import LlmSocketServer

    async def answer(request, turn):
        async for token in my_llm(turn.session.transcript):
            yield token

    server = LlmSocketServer(on_response_required=answer, on_call_details=lambda m, s: "Hello!")
    await server.serve(host="0.0.0.0", port=8080)   # Retell connects to ws://host:8080/llm-websocket/{call_id}

Message shapes follow the spec's custom-LLM socket schemas; the one type used in annotations here
(``LlmSocketUtterance``) is declared below.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from dataclasses import dataclass, field
from typing import Any, AsyncIterable, AsyncIterator, Callable, Dict, Iterable, List, Optional, Union, cast

from typing_extensions import TypedDict
from urllib.parse import unquote, urlsplit

class LlmSocketUtterance(TypedDict):
    """One transcript entry as Retell sends it (``role`` is ``agent`` or ``user``; others are tolerated)."""

    role: str
    content: str

__all__ = ["LlmSocketServer", "LlmSession", "Turn", "LlmSocketWarning", "read_retell_message", "DEFAULT_CONFIG"]

log = logging.getLogger("retell.llm_socket")

DEFAULT_CONFIG: Dict[str, bool] = {"auto_reconnect": True, "call_details": True}
MAX_PAYLOAD = 1024 * 1024
MAX_DEPTH = 32
MAX_CALL_ID = 256
UNSAFE_KEYS = ("__proto__", "constructor", "prototype")
KNOWN_FIELDS: Dict[str, set[str]] = {
    "ping_pong": {"interaction_type", "timestamp"},
    "call_details": {"interaction_type", "call"},
    "update_only": {"interaction_type", "transcript", "transcript_with_tool_calls", "turntaking"},
    "response_required": {"interaction_type", "response_id", "transcript", "transcript_with_tool_calls"},
    "reminder_required": {"interaction_type", "response_id", "transcript", "transcript_with_tool_calls"},
}
ROLES = {"agent", "user"}

Chunk = Union[str, Dict[str, Any]]
Answer = Union[None, Chunk, Iterable[Chunk], AsyncIterable[Chunk]]


class LlmSocketWarning(ValueError):
    """A problem with one incoming message. ``fatal`` is False when the message was still handled."""

    def __init__(self, message: str, fatal: bool = True) -> None:
        super().__init__(message)
        self.fatal = fatal


def _clean(value: Any, pointer: str, depth: int, nulls: List[str]) -> Any:
    """Bounds the depth, drops prototype-reaching keys, and removes null-valued object keys (recording where)."""
    if depth > MAX_DEPTH:
        raise LlmSocketWarning(f"message is nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        out: Dict[str, Any] = {}
        for key, child in cast(Dict[str, Any], value).items():
            if key in UNSAFE_KEYS:
                continue
            if child is None:
                nulls.append(f"{pointer}/{key}")
                continue
            out[key] = _clean(child, f"{pointer}/{key}", depth + 1, nulls)
        return out
    if isinstance(value, list):
        return [_clean(item, f"{pointer}/{i}", depth + 1, nulls) for i, item in enumerate(cast(List[Any], value))]
    return value


def read_retell_message(text: Union[str, bytes]) -> tuple[Dict[str, Any], List[str]]:
    """Parses and checks one frame leniently; returns the message and the warnings. Raises ``LlmSocketWarning``."""
    if isinstance(text, bytes):
        raise LlmSocketWarning("binary frames are not part of the protocol")
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise LlmSocketWarning(f"message is not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise LlmSocketWarning("message is not a JSON object")
    nulls: List[str] = []
    message = cast(Dict[str, Any], _clean(raw, "", 1, nulls))
    kind = message.get("interaction_type")
    if not isinstance(kind, str) or kind not in KNOWN_FIELDS:
        raise LlmSocketWarning(f"unknown interaction_type {json.dumps(kind)[:80]}")
    warnings = [f"{kind} message: null in an optional field, read as absent (at {p})" for p in nulls]
    warnings += [f'{kind} message: unknown field "{k[:60]}", ignored' for k in message if k not in KNOWN_FIELDS[kind]]
    if kind == "ping_pong" and not isinstance(message.get("timestamp"), (int, float)):
        raise LlmSocketWarning("invalid ping_pong message: timestamp must be a number")
    if kind == "call_details" and not isinstance(message.get("call"), dict):
        raise LlmSocketWarning("invalid call_details message: call must be an object")
    if kind in ("response_required", "reminder_required"):
        rid = message.get("response_id")
        if not isinstance(rid, int) or isinstance(rid, bool) or rid < 0:
            raise LlmSocketWarning(f"invalid {kind} message: response_id must be an integer >= 0")
    if kind != "ping_pong" and kind != "call_details":
        transcript: Any = message.get("transcript")
        if not isinstance(transcript, list):
            raise LlmSocketWarning(f"invalid {kind} message: transcript must be a list of utterances with string content")
        for i, item in enumerate(cast(List[Any], transcript)):
            if not isinstance(item, dict) or not isinstance(cast(Dict[str, Any], item).get("content"), str):
                raise LlmSocketWarning(f"invalid {kind} message: transcript must be a list of utterances with string content (at /transcript/{i})")
            role = cast(Dict[str, Any], item).get("role")
            if role not in ROLES:
                warnings.append(f"{kind} message: role {json.dumps(role)[:40]} is not agent or user; tolerated (at /transcript/{i}/role)")
    return message, warnings


@dataclass
class LlmSession:
    """One call: what Retell told about it, and your per-call ``data``."""

    call_id: str
    config: Dict[str, bool]
    _ws: Any = field(repr=False, default=None)
    call: Optional[Dict[str, Any]] = None
    transcript: List[LlmSocketUtterance] = field(default_factory=lambda: cast(List[LlmSocketUtterance], []))
    latest_response_id: int = -1
    data: Dict[str, Any] = field(default_factory=lambda: cast(Dict[str, Any], {}))
    task: Optional["asyncio.Task[None]"] = field(repr=False, default=None)
    """The task answering the current request (cancelled when a newer request supersedes it)."""
    closed: bool = False

    def is_current(self, response_id: int) -> bool:
        # Before any request, id 0 is the greeting the agent speaks first.
        return response_id == self.latest_response_id or (self.latest_response_id == -1 and response_id == 0)

    async def send(self, message: Dict[str, Any]) -> bool:
        """Sends a message; a ``response`` for a superseded id is dropped (returns False)."""
        if self.closed:
            return False
        if message.get("response_type") == "response" and not self.is_current(int(message.get("response_id", -1))):
            return False
        try:
            await self._ws.send(json.dumps(message))
        except Exception:  # the socket went away: the call is over for this connection
            self.closed = True
            return False
        return True


@dataclass
class Turn:
    session: LlmSession
    response_id: int


Callback = Callable[..., Any]


def _log_warning(text: str, session: Optional[LlmSession]) -> None:
    log.warning("[%s] %s", session.call_id if session else "-", text)


async def _chunks(answer: Answer) -> AsyncIterator[Chunk]:
    if answer is None:
        return
    if isinstance(answer, str):
        yield answer
    elif isinstance(answer, dict):
        yield cast(Dict[str, Any], answer)
    elif isinstance(answer, AsyncIterable):
        async for chunk in answer:
            yield chunk
    else:
        for chunk in answer:
            yield chunk


class LlmSocketServer:
    """Serves Retell's custom-LLM WebSocket on ``{path_prefix}{call_id}``; one ``LlmSession`` per call."""

    def __init__(
        self,
        *,
        config: Optional[Dict[str, bool]] = None,
        path_prefix: str = "/llm-websocket/",
        on_connect: Optional[Callback] = None,
        on_call_details: Optional[Callback] = None,
        on_update: Optional[Callback] = None,
        on_response_required: Optional[Callback] = None,
        on_reminder_required: Optional[Callback] = None,
        on_close: Optional[Callback] = None,
        on_warning: Optional[Callable[[str, Optional[LlmSession]], None]] = None,
    ) -> None:
        self.config = dict(DEFAULT_CONFIG if config is None else config)
        self.path_prefix = path_prefix
        self.on_connect = on_connect
        self.on_call_details = on_call_details
        self.on_update = on_update
        self.on_response_required = on_response_required
        self.on_reminder_required = on_reminder_required
        self.on_close = on_close
        self.on_warning: Callable[[str, Optional[LlmSession]], None] = on_warning or _log_warning
        self.sessions: Dict[str, LlmSession] = {}

    def _call_id(self, path: str) -> Optional[str]:
        route = urlsplit(path).path
        if not route.startswith(self.path_prefix):
            return None
        call_id = unquote(route[len(self.path_prefix) :].rstrip("/"))
        if not call_id or len(call_id) > MAX_CALL_ID or "/" in call_id or any(ord(c) < 32 for c in call_id):
            return None
        return call_id

    async def _maybe_await(self, value: Any) -> Any:
        return await value if inspect.isawaitable(value) else value

    async def _stream(self, session: LlmSession, response_id: int, answer: Answer) -> None:
        """Streams an answer; stops as soon as the id is superseded (the task is also cancelled then)."""
        final: Dict[str, Any] = {}
        async for chunk in _chunks(answer):
            if not session.is_current(response_id):
                return
            if isinstance(chunk, dict):
                options = {k: v for k, v in chunk.items() if k != "content" and v is not None}
                final.update(options)
                text = chunk.get("content") or ""
            else:
                text = chunk
            if text:
                await session.send({"response_type": "response", "response_id": response_id, "content": text, "content_complete": False})
        await session.send({"response_type": "response", "response_id": response_id, "content": "", "content_complete": True, **final})

    def _start_turn(self, session: LlmSession, response_id: int, callback: Optional[Callback], request: Dict[str, Any]) -> None:
        if session.task is not None and not session.task.done():
            session.task.cancel()  # interruption: the superseded answer stops where it is

        async def run() -> None:
            try:
                answer = await self._maybe_await(callback(request, Turn(session, response_id))) if callback else ""
                await self._stream(session, response_id, answer)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # one failing turn never takes the call down
                self.on_warning(f"{request.get('interaction_type')} callback failed: {error!r}", session)

        session.task = asyncio.ensure_future(run())

    async def _dispatch(self, session: LlmSession, message: Dict[str, Any]) -> None:
        kind = message["interaction_type"]
        if kind == "ping_pong":
            if session.config.get("auto_reconnect"):
                await session.send({"response_type": "ping_pong", "timestamp": message["timestamp"]})
        elif kind == "call_details":
            session.call = message["call"]
            if self.on_call_details:
                greeting = await self._maybe_await(self.on_call_details(message, session))
                if greeting is not None and session.latest_response_id == -1:
                    session.task = asyncio.ensure_future(self._stream(session, 0, greeting))
        elif kind == "update_only":
            session.transcript = message["transcript"]
            if self.on_update:
                await self._maybe_await(self.on_update(message, session))
        else:
            rid = message["response_id"]
            if rid <= session.latest_response_id:
                raise LlmSocketWarning(f"{kind}: response_id {rid} is not newer than {session.latest_response_id}")
            session.latest_response_id = rid
            session.transcript = message["transcript"]
            callback = self.on_response_required if kind == "response_required" else self.on_reminder_required
            self._start_turn(session, rid, callback, message)

    async def handle(self, ws: Any, path: Optional[str] = None) -> None:
        """The connection handler (for ``websockets.serve``); also usable inside your own server."""
        call_id = self._call_id(path if path is not None else getattr(ws, "path", ""))
        if call_id is None:
            await ws.close(1008, "path must be <prefix><call_id>")
            return
        session = LlmSession(call_id=call_id, config=self.config, _ws=ws)
        self.sessions[call_id] = session
        try:
            await session.send({"response_type": "config", "config": self.config})
            if self.on_connect:
                greeting = await self._maybe_await(self.on_connect(session))
                if greeting is not None:
                    session.task = asyncio.ensure_future(self._stream(session, 0, greeting))
            async for frame in ws:
                try:
                    message, warnings = read_retell_message(frame)
                    for text in warnings:
                        self.on_warning(text, session)
                    await self._dispatch(session, message)
                except LlmSocketWarning as warning:
                    self.on_warning(str(warning), session)
                except Exception as error:  # a callback that throws costs one message, not the call
                    self.on_warning(f"callback failed: {error!r}", session)
        except Exception as error:  # the connection dropped; the call ends for this socket
            log.debug("connection for %s ended: %r", call_id, error)
        finally:
            session.closed = True
            if session.task is not None and not session.task.done():
                session.task.cancel()
            if self.sessions.get(call_id) is session:
                del self.sessions[call_id]
            if self.on_close:
                await self._maybe_await(self.on_close(session))

    async def serve(self, host: str = "127.0.0.1", port: int = 8080) -> Any:
        """Starts listening (``websockets.serve``); returns the server (``.close()``, ``.sockets``)."""
        # python3-websockets; imported here so the rest of the SDK does not need it.
        from websockets.server import serve

        serve_any: Any = serve
        return await serve_any(self.handle, host, port, max_size=MAX_PAYLOAD, compression=None)
