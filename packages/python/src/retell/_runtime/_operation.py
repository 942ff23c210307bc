"""What generated code tells the runtime about one operation: method, path template, body encoding,
default timeout (`x-timeout-ms`), response kind and pagination (`x-pagination`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Operation", "Pagination"]


@dataclass(frozen=True)
class Pagination:
    location: Literal["query", "body"]
    limit_param: str
    cursor_param: str
    items_field: str
    has_more_field: str
    next_cursor_field: str


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    body: Literal["none", "json", "multipart"] = "none"
    response: Literal["json", "text", "empty"] = "json"
    timeout: float | None = None
    """Seconds; the operation's own default when the caller and the client set none."""
    pagination: Pagination | None = None
