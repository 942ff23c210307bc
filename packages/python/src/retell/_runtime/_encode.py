"""What goes on the wire: path segments, query strings, JSON and multipart bodies. The multipart form is the
one the official SDKs send (retell-sdk 5.66): a scalar is one text part, a list or object that holds no file
is ONE part with its JSON text (`knowledge_base_texts=[{"title":...,"text":...}]`), and a list of files is
one part per file under the field's own name (`knowledge_base_files`, no brackets). The TypeScript client
produces the same bytes (tests/fixtures/multipart). Files are read into memory once, so a retried request
sends the same bytes."""

from __future__ import annotations

import io
import json
import os
import secrets
from typing import Mapping, cast
from urllib.parse import quote

from ._types import NOT_GIVEN, NotGiven

MAX_DEPTH = 32


def fields(**values: object) -> dict[str, object]:
    """The arguments a method was given (by wire name), without the omitted ones: how generated methods build
    query strings and bodies."""
    return {k: v for k, v in values.items() if v is not NOT_GIVEN}


def strip_not_given(values: Mapping[str, object] | None) -> dict[str, object]:
    """Drops omitted (`NOT_GIVEN`) arguments; an explicit `None` stays and is sent as null."""
    if not values:
        return {}
    return {k: v for k, v in values.items() if not isinstance(v, NotGiven)}


def encode_path(template: str, params: Mapping[str, object]) -> str:
    """Fills `{name}` placeholders, each value percent-encoded as one segment. Values that would change
    the route instead of naming a resource (empty, `.`, `..`) are refused."""
    out: list[str] = []
    start = 0
    while True:
        open_at = template.find("{", start)
        if open_at == -1:
            break
        close = template.find("}", open_at)
        if close == -1:
            break
        name = template[open_at + 1 : close]
        value = params.get(name)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise TypeError(f'Path parameter "{name}" must be a string or number, got {type(value).__name__}.')
        text = str(value)
        if text in ("", ".", ".."):
            raise ValueError(f'Path parameter "{name}" must not be {"empty" if text == "" else repr(text)}.')
        out.append(template[start:open_at])
        out.append(quote(text, safe=""))
        start = close + 1
    out.append(template[start:])
    return "".join(out)


def _scalar(value: object) -> str:
    """As JavaScript's `String(value)`, so both clients send the same text: `true`, `false`, `2` for 2.0."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def encode_query(query: Mapping[str, object]) -> list[tuple[str, str]]:
    """OpenAPI's defaults (as the TypeScript client): arrays exploded (`ids=a&ids=b`), objects as
    deepObject (`filter[status]=ended`); `None` and omitted values are left out."""
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, (list, tuple)):
            for item in value:  # pyright: ignore[reportUnknownVariableType]
                if item is not None:
                    pairs.append((name, _flat(name, item)))  # pyright: ignore[reportUnknownArgumentType]
        elif isinstance(value, dict):
            for key, item in value.items():  # pyright: ignore[reportUnknownVariableType]
                if item is not None:
                    pairs.append((f"{name}[{key}]", _flat(name, item)))  # pyright: ignore[reportUnknownArgumentType]
        else:
            pairs.append((name, _scalar(value)))
    return pairs


def _flat(name: str, value: object) -> str:
    if isinstance(value, (list, tuple, dict)):
        raise TypeError(f'Query parameter "{name}" is nested too deeply: only one level of arrays or objects can be encoded.')
    return _scalar(value)


def encode_json(body: object) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


# --- multipart -------------------------------------------------------------------------------------


class _Part:
    __slots__ = ("name", "data", "filename", "content_type")

    def __init__(self, name: str, data: bytes, filename: str | None = None, content_type: str | None = None) -> None:
        self.name = name
        self.data = data
        self.filename = filename
        self.content_type = content_type


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview, io.IOBase, os.PathLike)) or (
        isinstance(value, tuple) and 2 <= len(value) <= 3  # pyright: ignore[reportUnknownArgumentType]
    )


def _read(content: object) -> tuple[bytes, str | None]:
    """File content and its own name (an open file's or a path's base name)."""
    if isinstance(content, (bytes, bytearray)):
        return bytes(content), None
    if isinstance(content, memoryview):
        return cast("memoryview[int]", content).tobytes(), None
    if isinstance(content, os.PathLike):
        path = str(os.fspath(cast("os.PathLike[str]", content)))
        with open(path, "rb") as f:
            return f.read(), os.path.basename(path)
    if isinstance(content, io.IOBase):
        data = content.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("A file object must return bytes from read().")
        own = getattr(content, "name", None)
        return bytes(data), os.path.basename(own) if isinstance(own, str) else None
    raise TypeError(f"Cannot upload a {type(content).__name__}: expected bytes, a binary file object, a path, or a (name, content[, type]) tuple.")


def _file_part(name: str, value: object) -> _Part:
    content_type: str | None = None
    filename: str | None = None
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        given = items[0]
        content = items[1]
        if len(items) == 3 and isinstance(items[2], str):
            content_type = items[2]
        data, own = _read(content)
        filename = given if isinstance(given, str) and given else own
    else:
        data, filename = _read(value)
    return _Part(name, data, filename or "upload", content_type or "application/octet-stream")


def _holds_file(value: object, depth: int) -> bool:
    if depth > MAX_DEPTH:
        raise ValueError("Multipart field is nested too deeply.")
    if _is_file(value):
        return True
    if isinstance(value, list):
        return any(_holds_file(v, depth + 1) for v in cast("list[object]", value))
    return False


def _append(parts: list[_Part], key: str, value: object) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    items = _as_list(value)
    if _is_file(value):
        parts.append(_file_part(key, value))
    elif items is not None and _holds_file(items, 0):
        for item in items:
            if item is not None and not isinstance(item, NotGiven):
                parts.append(_file_part(key, item) if _is_file(item) else _Part(key, _text(item)))
    else:
        parts.append(_Part(key, _text(value)))


def _as_list(value: object) -> list[object] | None:
    return cast("list[object]", value) if isinstance(value, list) else None


def _text(value: object) -> bytes:
    if isinstance(value, (list, dict, tuple)):
        container = cast(object, value)
        _check_depth(container, 0)
        return encode_json(container)
    return _scalar(value).encode("utf-8")


def _check_depth(value: object, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError("Multipart field is nested too deeply.")
    if isinstance(value, dict):
        for v in cast("dict[object, object]", value).values():
            _check_depth(v, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in cast("list[object]", value):
            _check_depth(v, depth + 1)


def _quote_header(value: str) -> str:
    """As browsers and undici escape names in Content-Disposition: newlines and quotes percent-encoded."""
    return value.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")


def encode_multipart(body: Mapping[str, object], boundary: str | None = None) -> tuple[bytes, str]:
    """A body of fields to `multipart/form-data` bytes and the content type (with its boundary)."""
    parts: list[_Part] = []
    for key, value in body.items():
        _append(parts, key, value)
    boundary = boundary or f"----retell-python-{secrets.token_hex(16)}"
    out = bytearray()
    for part in parts:
        out += f"--{boundary}\r\n".encode()
        disposition = f'Content-Disposition: form-data; name="{_quote_header(part.name)}"'
        if part.filename is not None:
            disposition += f'; filename="{_quote_header(part.filename)}"'
        out += disposition.encode("utf-8") + b"\r\n"
        if part.content_type is not None:
            out += f"Content-Type: {part.content_type}\r\n".encode()
        out += b"\r\n" + part.data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"
