"""Shared fixtures: the `@retell-kit/mock` server (started once per session with `pnpm mock`'s CLI on a
free port) and the mock's request samples."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "src"))

TSX = ROOT / "node_modules" / ".bin" / "tsx"


def _tsx() -> list[str]:
    return [str(TSX)] if TSX.exists() else ["npx", "tsx"]


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    proc = subprocess.Popen(
        [*_tsx(), str(ROOT / "packages" / "mock" / "src" / "cli.ts"), "--port", "0", "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"listening on (http://\S+) ", line)
        if not match:
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"mock server did not start: {line!r} {err[-2000:]}")
        yield match.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def samples() -> dict[str, Any]:
    out = subprocess.run([*_tsx(), str(HERE / "mock_samples.ts")], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
    data: dict[str, Any] = json.loads(out.stdout)
    return data


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests pass keys and URLs explicitly; a developer's environment must not change them.
    for name in ("RETELL_API_KEY", "RETELL_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    os.environ.pop("RETELL_LOG", None)
