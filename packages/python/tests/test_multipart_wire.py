"""The multipart wire format equals the TypeScript client's (packages/client/src/runtime/multipart.ts):
the same body encoded by both gives the same parts, in the same order, with the same names, file names,
content types and values."""

from __future__ import annotations

import json
import subprocess
from typing import Any, cast

from conftest import ROOT, _tsx  # pyright: ignore[reportPrivateUsage]
from retell._runtime import encode_multipart

BODY: dict[str, Any] = {
    "knowledge_base_name": "FAQ \u2713",
    "knowledge_base_files": [
        {"$file": "a.txt", "text": "alpha", "type": "text/plain"},
        {"$file": 'we"ird\nname.pdf', "text": "beta \u00fc"},
    ],
    "knowledge_base_texts": [{"text": "t1", "title": "T1"}, {"text": "t2", "title": "T2"}],
    "knowledge_base_urls": ["https://example.com/a", "https://example.com/b"],
    "enable_auto_refresh": True,
    "max_chunk": 2.0,
    "nested": {"deep": {"list": [1, False]}},
    "skipped": None,
    "voice": {"$file": "voice.mp3", "text": "mp3 bytes"},
}


def _python_body(value: Any) -> Any:
    if isinstance(value, list):
        return [_python_body(v) for v in cast("list[Any]", value)]
    if isinstance(value, dict):
        fields = cast("dict[str, Any]", value)
        if "$file" in fields:
            return (fields["$file"], str(fields["text"]).encode(), fields.get("type"))
        return {k: _python_body(v) for k, v in fields.items()}
    return value


def _parts(data: bytes, boundary: str) -> list[Any]:
    out: list[Any] = []
    for chunk in data.split(f"--{boundary}".encode())[1:-1]:
        head, _, value = chunk[2:-2].partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        disposition = lines[0]
        name = disposition.split('name="', 1)[1].split('"', 1)[0]
        if 'filename="' in disposition:
            filename = disposition.split('filename="', 1)[1].rsplit('"', 1)[0]
            content_type = next(line.split(": ", 1)[1] for line in lines if line.lower().startswith("content-type"))
            out.append([name, {"filename": filename, "type": content_type, "text": value.decode()}])
        else:
            out.append([name, value.decode()])
    return out


def test_same_parts_as_the_typescript_encoder() -> None:
    result = subprocess.run(
        [*_tsx(), str(ROOT / "packages/python/tests/multipart_parts.ts")],
        input=json.dumps(BODY), capture_output=True, text=True, check=True, cwd=ROOT, timeout=300,
    )
    typescript = json.loads(result.stdout)
    data, content_type = encode_multipart(_python_body(BODY), boundary="b0und4ry")
    assert content_type == "multipart/form-data; boundary=b0und4ry"
    python = _parts(data, "b0und4ry")
    # FormData.entries() gives names and file names as appended; on the wire both are escaped the same
    # way (WHATWG: " → %22, newline → %0A), which is what we send.
    for part in typescript:
        if isinstance(part[1], dict):
            part[1]["filename"] = part[1]["filename"].replace('"', "%22").replace("\n", "%0A")
    assert python == typescript
