"""The multipart wire format is the one the official SDKs send (retell-sdk 5.66): `fixtures/multipart/` holds a
body (`.json`, `{"$file": name, "text": ..., "type": ...}` marks a file) and the exact bytes a request with it
carries (`.txt`, boundary fixed). The TypeScript client's encoder is held to the same bytes, so both clients
send byte-identical parts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

from retell._runtime import encode_multipart

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "multipart"


def _python_body(value: Any) -> Any:
    if isinstance(value, list):
        return [_python_body(v) for v in cast("list[Any]", value)]
    if isinstance(value, dict):
        fields = cast("dict[str, Any]", value)
        if "$file" in fields:
            return (fields["$file"], str(fields["text"]).encode(), fields.get("type"))
        return {k: _python_body(v) for k, v in fields.items()}
    return value


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.json")))
def test_same_bytes_as_the_official_form(name: str) -> None:
    case: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    expected = (FIXTURES / f"{name}.txt").read_bytes()
    data, content_type = encode_multipart(_python_body(case["body"]), boundary=case["boundary"])
    assert content_type == f"multipart/form-data; boundary={case['boundary']}"
    assert data == expected


def test_lists_and_objects_without_files_are_one_json_part() -> None:
    data, _ = encode_multipart({"a": [{"x": 1}], "b": {"k": [True, None]}, "c": "text", "d": None}, boundary="B")
    assert data == (
        b'--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n[{"x":1}]\r\n'
        b'--B\r\nContent-Disposition: form-data; name="b"\r\n\r\n{"k":[true,null]}\r\n'
        b'--B\r\nContent-Disposition: form-data; name="c"\r\n\r\ntext\r\n'
        b"--B--\r\n"
    )
