"""Throughput of the Python SDK against a plain httpx loop, on the same loopback server, in one process:
sync (one client, sequential calls) and async (one client, CONCURRENCY calls in flight). Rounds alternate
between peer and SDK so machine noise hits both alike; each line prints calls/s and the ratio to the peer.
Usage: python3 throughput.py <base_url> [calls] [rounds]"""

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
        r.json()

    def ours() -> None:
        sdk.agent.retrieve(AGENT_ID)

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
        r.json()

    async def ours() -> None:
        await sdk.agent.retrieve(AGENT_ID)

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


def main() -> None:
    base = sys.argv[1]
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}, {calls} calls x {rounds} rounds, loopback {base}")
    report("sync", *sync_rounds(base, calls, rounds))
    report("async", *asyncio.run(async_rounds(base, calls, rounds)))


if __name__ == "__main__":
    main()
