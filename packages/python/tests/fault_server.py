"""A local HTTP server that answers from a script, for fault tests: statuses with headers, a connection
closed before any response, a body cut short (reset mid-body), a slow answer. It records every request."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict[str, str])
    close: bool = False
    """Close the connection without answering."""
    truncate: bool = False
    """Send the headers and part of the body, then close (reset mid-body)."""
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class FaultServer:
    def __init__(self) -> None:
        self.script: list[Reply] = []
        self.responder: Callable[[Seen], Reply] | None = None
        self.requests: list[Seen] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                outer.requests.append(seen)
                reply = outer.responder(seen) if outer.responder else (outer.script.pop(0) if outer.script else Reply(200, {}))
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.close:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                data = b"" if reply.body is None else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(data) + (100 if reply.truncate else 0)))
                self.end_headers()
                self.wfile.write(data)
                if reply.truncate:
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True

            def _safe(self) -> None:
                try:
                    self._handle()
                except (BrokenPipeError, ConnectionResetError):
                    # The client gave up first (a timeout test): expected, nothing to answer.
                    self.close_connection = True

            do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _safe

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
