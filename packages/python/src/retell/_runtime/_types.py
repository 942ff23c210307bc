"""Small shared types: the omitted-argument sentinels (`NOT_GIVEN` / `not_given`, and `omit` for a default
the caller wants removed), the extra arguments every method takes, timeouts and the file inputs of uploads.
An omitted argument is never sent; an explicit `None` is sent as JSON null."""

from __future__ import annotations

import os
from typing import IO, Mapping, Tuple, Union

import httpx
from typing_extensions import Literal, final

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "Headers",
    "Query",
    "Body",
    "FileContent",
    "FileTypes",
    "Timeout",
    "TimeoutTypes",
]


@final
class NotGiven:
    """The type of `NOT_GIVEN` (alias `not_given`): an argument the caller left out. Falsy, never sent."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
not_given = NOT_GIVEN


@final
class Omit:
    """The type of `omit`: in `extra_headers`, removes a header the client would otherwise send."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit = Omit()

Timeout = httpx.Timeout
TimeoutTypes = Union[float, httpx.Timeout, None]
"""Seconds (for every phase of an attempt), an `httpx.Timeout` per phase, or `None` to wait forever."""

Headers = Mapping[str, Union[str, Omit, None]]
"""Extra headers; `omit` (or `None`) removes a header the client would otherwise send."""
Query = Mapping[str, object]
Body = Mapping[str, object]

FileContent = Union[bytes, IO[bytes], "os.PathLike[str]"]
FileTypes = Union[
    FileContent,
    Tuple[Union[str, None], FileContent],
    Tuple[Union[str, None], FileContent, Union[str, None]],
]
"""A file to upload: bytes, an open binary file, a path, or `(filename, content[, content_type])`."""
