"""Every facade method through the sync and the async client against `@retell-kit/mock`, which validates
each request against the spec (path, query, body, multipart) and each reply against the response schema.
A call counts as covered when it returned without error; each run prints `operations covered: N/N`."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, cast

from contract_plan import Plan, check_model, ordered
from retell import AsyncRetell, BaseModel, PageModel, Retell
from retell._generated.operations import METHODS, MethodInfo


def _check(m: MethodInfo, value: Any) -> int:
    """JSON responses are models (or lists of them); every field they hold reads back through attributes."""
    if m.operation.response == "json" and value is not None:
        kind = type(value).__name__
        assert kind == "list" or isinstance(value, BaseModel), f"{m.resource}.{m.method} returned {kind}"
    if m.operation.pagination is not None:
        assert isinstance(getattr(value, m.operation.pagination.has_more_field), bool)
    return check_model(value)


def _total() -> int:
    return len({m.operation.operation_id for m in METHODS})


def test_every_operation_sync(mock_url: str, samples: dict[str, Any]) -> None:
    client = Retell(api_key="contract-key", base_url=mock_url, max_retries=0)
    plan = Plan(samples, run=1)
    covered: set[str] = set()
    failures: list[str] = []
    fields_read = 0
    for m in ordered():
        positional, keywords = plan.args(m)
        method = getattr(getattr(client, m.resource), m.method)
        try:
            result = method(*positional, **keywords)
        except Exception as error:  # noqa: BLE001  (collected and reported below)
            failures.append(f"{m.resource}.{m.method}: {type(error).__name__}: {error}")
            continue
        fields_read += _check(m, result)
        if m.operation.pagination is not None:
            assert isinstance(result, PageModel)
            items = list(cast("PageModel[Any]", result).auto_paging_iter(max_pages=2))
            assert isinstance(items, list)
        plan.record(m, result)
        covered.add(m.operation.operation_id)
    print(f"sync operations covered: {len(covered)}/{_total()} ({len(METHODS)} methods)")
    print(f"sync model fields read: {fields_read}")
    assert fields_read > 100
    assert failures == []
    assert len(covered) == _total()


def test_every_operation_async(mock_url: str, samples: dict[str, Any]) -> None:
    async def run() -> tuple[set[str], list[str]]:
        async with AsyncRetell(api_key="contract-key", base_url=mock_url, max_retries=0) as client:
            plan = Plan(samples, run=2)
            covered: set[str] = set()
            failures: list[str] = []
            for m in ordered():
                positional, keywords = plan.args(m)
                method = getattr(getattr(client, m.resource), m.method)
                try:
                    pending = method(*positional, **keywords)
                    assert inspect.isawaitable(pending)
                    result = await pending
                    _check(m, result)
                    if m.operation.pagination is not None:
                        assert isinstance(result, PageModel)
                        page = cast("PageModel[Any]", result)
                        items = [item async for item in page.auto_paging_iter(max_pages=2)]
                        assert isinstance(items, list)
                except Exception as error:  # noqa: BLE001
                    failures.append(f"{m.resource}.{m.method}: {type(error).__name__}: {error}")
                    continue
                plan.record(m, result)
                covered.add(m.operation.operation_id)
            return covered, failures

    covered, failures = asyncio.run(run())
    print(f"async operations covered: {len(covered)}/{_total()} ({len(METHODS)} methods)")
    assert failures == []
    assert len(covered) == _total()
