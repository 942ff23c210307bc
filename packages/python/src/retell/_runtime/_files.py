"""`file_from_path`: a file argument read from disk now, named after the file."""

from __future__ import annotations

import os
from typing import Tuple, Union

__all__ = ["file_from_path"]


def file_from_path(path: Union[str, "os.PathLike[str]"]) -> Tuple[str, bytes]:
    """`(filename, content)` for an upload argument, read once (a retried request resends the same bytes)."""
    with open(path, "rb") as f:
        return os.path.basename(os.fspath(path)), f.read()
