"""Throughput of the Python SDK against a plain httpx loop, on the same loopback server, in one process:
sync (one client, sequential calls) and async (one client, CONCURRENCY calls in flight). Both sides read the
same nested field (`response_engine.type`): the plain loop from `r.json()`, the SDK through its response model,
so the models are switched on. Rounds alternate between peer and SDK so machine noise hits both alike; each
line prints calls/s and the ratio to the peer. `--profile` also prints the SDK's top frames by own time
(cProfile, sync loop) next to the plain loop's.
Usage: python3 throughput.py <base_url> [calls] [rounds] [--profile]"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from typing import Awaitable, Callable

import httpx

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "src"))
from retell import AsyncRetell, Retell  # noqa: E402

KEY = "bench-key"
AGENT_ID = "agent_bench"
CONCURRENCY = 16


def sync_rounds(base: str, calls: int, rounds: int) -> tuple[list[float], list[float]]:
    peer = httpx.Client(headers={"authorization": f"Bearer {KEY}"})
    sdk = Retell(api_key=KEY, base_url=base)
    url = f"{base}/get-agent/{AGENT_ID}"

    def plain() -> None:
        r = peer.get(url)
        r.raise_for_status()
        assert r.json()["response_engine"]["type"] == "retell-llm"

    def ours() -> None:
        assert sdk.agent.retrieve(AGENT_ID).response_engine.type == "retell-llm"

    out: tuple[list[float], list[float]] = ([], [])
    for fn in (plain, ours):  # warm-up
        for _ in range(50):
            fn()
    for _ in range(rounds):
        for i, fn in enumerate((plain, ours)):
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            out[i].append(calls / (time.perf_counter() - start))
    peer.close()
    sdk.close()
    return out


async def async_rounds(base: str, calls: int, rounds: int) -> tuple[list[float], list[float]]:
    peer = httpx.AsyncClient(headers={"authorization": f"Bearer {KEY}"})
    sdk = AsyncRetell(api_key=KEY, base_url=base)
    url = f"{base}/get-agent/{AGENT_ID}"

    async def plain() -> None:
        r = await peer.get(url)
        r.raise_for_status()
        assert r.json()["response_engine"]["type"] == "retell-llm"

    async def ours() -> None:
        assert (await sdk.agent.retrieve(AGENT_ID)).response_engine.type == "retell-llm"

    async def batch(fn: Callable[[], Awaitable[None]], n: int) -> None:
        sem = asyncio.Semaphore(CONCURRENCY)

        async def one() -> None:
            async with sem:
                await fn()

        await asyncio.gather(*(one() for _ in range(n)))

    out: tuple[list[float], list[float]] = ([], [])
    for fn in (plain, ours):
        await batch(fn, 50)
    for _ in range(rounds):
        for i, fn in enumerate((plain, ours)):
            start = time.perf_counter()
            await batch(fn, calls)
            out[i].append(calls / (time.perf_counter() - start))
    await peer.aclose()
    await sdk.close()
    return out


def report(label: str, peer: list[float], ours: list[float]) -> None:
    p, o = statistics.median(peer), statistics.median(ours)
    print(f"{label:<6} plain httpx {p:8.0f} calls/s   retell {o:8.0f} calls/s   ratio {o / p:.2f}x  (median of {len(peer)} rounds)")


def profile(base: str, calls: int) -> None:
    """Top frames by own time of `calls` sequential calls, plain loop then SDK."""
    import cProfile
    import pstats

    peer = httpx.Client(headers={"authorization": f"Bearer {KEY}"})
    sdk = Retell(api_key=KEY, base_url=base)
    url = f"{base}/get-agent/{AGENT_ID}"
    loops = {
        "plain httpx": lambda: peer.get(url).json()["response_engine"]["type"],
        "retell": lambda: sdk.agent.retrieve(AGENT_ID).response_engine.type,
    }
    for label, fn in loops.items():
        for _ in range(50):
            fn()
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(calls):
            fn()
        prof.disable()
        print(f"--- profile: {label}, {calls} calls, top 12 by own time")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(12)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    base = args[0]
    calls = int(args[1]) if len(args) > 1 else 1000
    rounds = int(args[2]) if len(args) > 2 else 5
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}, {calls} calls x {rounds} rounds, loopback {base}")
    report("sync", *sync_rounds(base, calls, rounds))
    report("async", *asyncio.run(async_rounds(base, calls, rounds)))
    if "--profile" in sys.argv:
        profile(base, calls)


if __name__ == "__main__":
    main()
