"""How the contract tests call every facade method against the stateful mock: the order (creates first,
deletes last), the inputs (the mock's spec-derived samples), and where a sample must give way to the
state the run has built (ids of created records, versions that exist). Shared by the sync and async runs."""

from __future__ import annotations

import json
from typing import Any, cast

from retell import BaseModel

from retell._generated.operations import METHODS, MethodInfo

# Resources the mock keeps state for, in the order their records are created (agents need an LLM).
STATEFUL = ["llm", "conversation_flow", "knowledge_base", "phone_number", "agent", "chat_agent", "app", "contact"]
ID_FIELD = {
    "llm": "llm_id",
    "conversation_flow": "conversation_flow_id",
    "knowledge_base": "knowledge_base_id",
    "phone_number": "phone_number",
    "agent": "agent_id",
    "chat_agent": "agent_id",
    "app": "app_id",
    "contact": "contact_id",
}
FILE_BYTES = "contract test upload: \u2713 unicode stays intact".encode()


def phase(m: MethodInfo) -> int:
    if m.resource in STATEFUL and m.method in ("create", "import_"):
        return 0
    if m.method == "delete":
        return 9
    if m.method in ("delete_version", "delete_source"):
        return 8
    if m.method == "publish":
        return 6
    if m.method == "create_version":
        return 7
    return 5


def ordered() -> list[MethodInfo]:
    def key(m: MethodInfo) -> tuple[int, int, str, str]:
        rank = STATEFUL.index(m.resource) if m.resource in STATEFUL else len(STATEFUL)
        return (phase(m), rank, m.resource, m.method)

    return sorted(METHODS, key=key)


class Plan:
    """Inputs for each call, from the samples and the state so far."""

    def __init__(self, samples: dict[str, Any], run: int) -> None:
        self.samples = samples
        self.run = run
        """Distinguishes the runs sharing one mock server (an imported number can exist once)."""
        self.ids: dict[str, str] = {}
        self.sources: list[str] = []

    def _value(self, m: MethodInfo, wire: str, where: str, sample: dict[str, Any], is_file: bool) -> Any:
        if where == "path" and m.resource in self.ids and wire == ID_FIELD[m.resource]:
            return self.ids[m.resource]
        if m.resource == "knowledge_base" and wire == "source_id" and self.sources:
            return self.sources[0]
        section: dict[str, Any] = sample.get({"path": "path", "query": "query"}.get(where, "request")) or {}
        value: Any = section.get(wire)
        if where == "path":
            return value
        if wire in ("version", "base_version") and m.resource in self.ids:
            return 0
        if wire == "response_engine" and "llm" in self.ids:
            return {"type": "retell-llm", "llm_id": self.ids["llm"]}
        if m.method == "import_" and wire == "phone_number" and isinstance(value, str):
            return f"{value[:-2]}{self.run:02d}"
        if is_file and value is not None:
            names = cast("list[Any]", value) if isinstance(value, list) else [value]
            files = [(str(n), FILE_BYTES, "text/plain") for n in names]
            return files if isinstance(value, list) else files[0]
        return value

    def args(self, m: MethodInfo) -> tuple[list[Any], dict[str, Any]]:
        sample: dict[str, Any] = self.samples.get(m.operation.operation_id, {})
        positional = [self._value(m, name, "path", sample, False) for name in m.positional]
        keywords: dict[str, Any] = {}
        for py, wire, where, required, is_file in m.keywords:
            value = self._value(m, wire, where, sample, is_file)
            if value is not None or required:
                keywords[py] = value
        return positional, keywords

    def record(self, m: MethodInfo, result: Any) -> None:
        """Remembers ids of created records for the calls after them."""
        if m.resource in STATEFUL and m.method in ("create", "import_") and isinstance(result, BaseModel):
            value = getattr(result, ID_FIELD[m.resource])
            if isinstance(value, str) and m.resource not in self.ids:
                self.ids[m.resource] = value
        if m.resource == "knowledge_base" and isinstance(result, BaseModel):
            sources: list[object] = getattr(result, "knowledge_base_sources", None) or []
            for source in sources:
                if isinstance(source, BaseModel) and isinstance(getattr(source, "source_id", None), str):
                    self.sources.append(getattr(source, "source_id"))


def check_model(value: object, depth: int = 0) -> int:
    """Reads every field the response holds through the model, nested models too: each must be reachable as
    an attribute, and `to_dict()` / `to_json()` must give back the JSON. Returns how many fields were read."""
    if depth > 16:
        return 0
    read = 0
    if isinstance(value, BaseModel):
        data = value.to_dict()
        assert json.loads(value.to_json()) == data
        for name in sorted(value.model_fields_set):
            read += 1 + check_model(getattr(value, name), depth + 1)
        assert isinstance(value.model_dump(), dict)
    elif isinstance(value, list):
        for item in cast("list[object]", value):
            read += check_model(item, depth + 1)
    elif isinstance(value, dict):
        # A plain dict may only hold what the spec leaves open (maps, free-form objects): never a declared model.
        for item in cast("dict[str, object]", value).values():
            read += check_model(item, depth + 1)
    return read
