"""The 114 (resource, method) Python names equal the official SDK's at retell-sdk 5.66.1 (fixture: one
`resource method` pair per line, in the official Python naming: snake_case of the method and resource names,
`import_` for the keyword), and each is a callable on both clients."""

from __future__ import annotations

import inspect
from pathlib import Path

from retell import AsyncRetell, Retell
from retell._generated.operations import METHODS

FIXTURE = Path(__file__).parent / "fixtures" / "official_python_methods.txt"


def official() -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for line in FIXTURE.read_text().splitlines():
        if line.strip():
            resource, method = line.split()
            pairs.add((resource, method))
    return pairs


def test_names_equal_the_official_python_sdk() -> None:
    ours = {(m.resource, m.method) for m in METHODS}
    want = official()
    assert len(want) == 114
    assert sorted(ours - want) == []
    assert sorted(want - ours) == []


def test_every_method_exists_on_both_clients() -> None:
    sync = Retell(api_key="k", base_url="http://127.0.0.1:9")
    asyn = AsyncRetell(api_key="k", base_url="http://127.0.0.1:9")
    for resource, method in sorted(official()):
        s = getattr(getattr(sync, resource), method)
        a = getattr(getattr(asyn, resource), method)
        assert callable(s) and callable(a)
        raw = getattr(getattr(sync, resource).with_raw_response, method)
        assert callable(raw)
        # Path parameters come first and are positional-or-keyword, the rest keyword-only (as the official SDK).
        params = list(inspect.signature(s).parameters.values())
        kinds = [p.kind for p in params]
        assert kinds == sorted(kinds, key=lambda k: k != inspect.Parameter.POSITIONAL_OR_KEYWORD)
