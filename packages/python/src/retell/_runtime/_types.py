"""Small shared types: the `NOT_GIVEN` sentinel (an omitted argument, as opposed to an explicit `None`,
which is sent as JSON null), the extra arguments every method takes, and the file inputs of uploads."""

from __future__ import annotations

import os
from typing import IO, Literal, Mapping, Tuple, Union, final

__all__ = ["NotGiven", "NOT_GIVEN", "Headers", "Query", "Body", "FileContent", "FileTypes", "Timeout"]


@final
class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out. Falsy, and never sent on the wire."""

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

Headers = Mapping[str, Union[str, None]]
"""Extra headers; `None` removes a header the client would otherwise send."""
Query = Mapping[str, object]
Body = Mapping[str, object]
Timeout = Union[float, None]
"""Seconds per attempt; `None` waits forever."""

FileContent = Union[bytes, IO[bytes], "os.PathLike[str]"]
FileTypes = Union[
    FileContent,
    Tuple[Union[str, None], FileContent],
    Tuple[Union[str, None], FileContent, Union[str, None]],
]
"""A file to upload: bytes, an open binary file, a path, or `(filename, content[, content_type])`."""
