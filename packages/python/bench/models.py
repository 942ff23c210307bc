"""The model base, measured: import time and per-response parse cost of this SDK's own `BaseModel` (a lazy view
over the parsed JSON) against pydantic models built the way the official SDK builds them (its `construct`
path: no validation; pydantic v1 as Debian ships it, v2 if installed), on the same agent body, in one process.
Import times are fresh interpreters (wall time of `-c "import x"`, fastest of 7, interleaved), next to `import httpx, pydantic`:
the least the official SDK imports (it needs both, then its own modules), so a figure under that floor is under
the official SDK's import time.
Usage: python3 models.py [responses]"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

import pydantic  # noqa: E402

from retell.types import AgentResponse  # noqa: E402

BODY: Dict[str, Any] = {
    "agent_id": "agent_bench",
    "version": 3,
    "is_published": True,
    "response_engine": {"type": "retell-llm", "llm_id": "llm_bench", "version": 2},
    "voice_id": "11labs-Adrian",
    "agent_name": "Bench",
    "language": "en-US",
    "post_call_analysis_data": [
        {"type": "string", "name": "summary", "description": "one line"},
        {"type": "boolean", "name": "resolved", "description": "done?"},
    ],
    "pronunciation_dictionary": [{"word": "Retell", "alphabet": "ipa", "phoneme": "rɪˈtɛl"}],
    "last_modification_timestamp": 1767225600000,
}


class PEngine(pydantic.BaseModel):
    type: str
    llm_id: str
    version: Optional[int] = None


class PAnalysis(pydantic.BaseModel):
    type: str
    name: str
    description: Optional[str] = None


class PWord(pydantic.BaseModel):
    word: str
    alphabet: str
    phoneme: str


class PAgent(pydantic.BaseModel):
    agent_id: str
    version: Optional[int] = None
    is_published: Optional[bool] = None
    response_engine: PEngine
    voice_id: str
    agent_name: Optional[str] = None
    language: Optional[str] = None
    post_call_analysis_data: Optional[List[PAnalysis]] = None
    pronunciation_dictionary: Optional[List[PWord]] = None
    last_modification_timestamp: int


def pydantic_construct(data: Dict[str, Any]) -> PAgent:
    """As the official SDK's `construct_type`: nested models built recursively, no validation."""
    return PAgent.construct(
        **{
            **data,
            "response_engine": PEngine.construct(**data["response_engine"]),
            "post_call_analysis_data": [PAnalysis.construct(**x) for x in data["post_call_analysis_data"]],
            "pronunciation_dictionary": [PWord.construct(**x) for x in data["pronunciation_dictionary"]],
        }
    )


def per_call(fn: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6


def import_times(statements: List[str], rounds: int = 7) -> Dict[str, float]:
    """Fastest of `rounds` fresh interpreters per statement, interleaved so load hits all alike."""
    best: Dict[str, float] = {}
    for _ in range(rounds):
        for statement in statements:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", statement], check=True, env={"PYTHONPATH": str(SRC)})
            ms = (time.perf_counter() - start) * 1000
            best[statement] = min(best.get(statement, ms), ms)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    raw = json.dumps(BODY).encode()
    cases: Dict[str, Callable[[], object]] = {
        "json.loads only": lambda: json.loads(raw),
        "retell BaseModel (parse + read response_engine.type)": lambda: AgentResponse._from_raw(  # pyright: ignore[reportPrivateUsage]
            json.loads(raw)
        ).response_engine.type,
        "pydantic construct (official path) + read": lambda: pydantic_construct(json.loads(raw)).response_engine.type,
        "pydantic validate (parse_obj) + read": lambda: PAgent.parse_obj(json.loads(raw)).response_engine.type,
    }
    print(f"python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, {n} responses each")
    costs = {label: per_call(fn, n) for label, fn in cases.items()}
    base = costs.pop("json.loads only")
    print(f"  {'json.loads only':<56} {base:7.2f} µs/response")
    for label, cost in costs.items():
        print(f"  {label:<56} {cost:7.2f} µs/response  (+{cost - base:6.2f} over json.loads, {cost / base:.2f}x)")
    rows = (
        ("import httpx", "import httpx"),
        ("import retell", "import retell"),
        ("import retell, retell.types (all models)", "import retell, retell.types"),
        ("import httpx, pydantic (official SDK's floor)", "import httpx, pydantic"),
    )
    times = import_times(["pass", *(statement for _, statement in rows)])
    floor = times["import httpx, pydantic"] - times["pass"]
    for label, statement in rows:
        ms = times[statement] - times["pass"]
        print(f"  {label:<48} {ms:7.1f} ms over an empty interpreter ({ms / floor:.2f}x the official floor)")

if __name__ == "__main__":
    main()
