"""Cursor pagination (`x-pagination`). A sync list call returns its first page, a `SyncPage`, already
fetched; iterating it walks every item of every page, requesting the next page when one runs out. An async
list call returns an `AsyncPager`: `await` it for the first page, or `async for` over every item.
Guards, as in the TypeScript client: a cursor seen before (a cycle) or an empty page ends the walk, and
`max_pages` caps it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Generator, Generic, Iterator, List, Mapping, TypeVar, cast

from ._operation import Operation, Pagination

if TYPE_CHECKING:
    from ._client import AsyncAPIClient, SyncAPIClient

ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")

__all__ = ["SyncPage", "AsyncPage", "AsyncPager"]


def _spec(op: Operation) -> Pagination:
    if op.pagination is None:
        raise TypeError(f"Operation {op.operation_id} is not paginated.")
    return op.pagination


def _items(spec: Pagination, data: object) -> list[Any]:
    items = cast(Mapping[str, object], data).get(spec.items_field) if isinstance(data, dict) else None
    return cast(List[Any], items) if isinstance(items, list) else []


def _next_cursor(spec: Pagination, data: object, seen: set[str]) -> object | None:
    """The cursor of the page after `data`, or None when there is none (or it would loop)."""
    if not isinstance(data, dict):
        return None
    fields = cast(Mapping[str, object], data)
    if not _items(spec, fields):
        return None
    more = fields.get(spec.has_more_field) is True if spec.has_more_field else True
    cursor = fields.get(spec.next_cursor_field)
    if not more or cursor is None or cursor == "" or repr(cursor) in seen:
        return None
    return cursor


def _with_cursor(spec: Pagination, kwargs: dict[str, Any], cursor: object) -> dict[str, Any]:
    where = "query" if spec.location == "query" else "body"
    return {**kwargs, where: {**(kwargs.get(where) or {}), spec.cursor_param: cursor}}


class _PageBase(Generic[ItemT, PageT]):
    def __init__(self, op: Operation, kwargs: dict[str, Any], data: PageT, seen: frozenset[str] = frozenset()) -> None:
        self._op = op
        self._spec = _spec(op)
        self._kwargs = kwargs
        self.data: PageT = data
        """This page's response body."""
        self._seen = seen

    @property
    def items(self) -> list[ItemT]:
        """The items of this page only."""
        return _items(self._spec, self.data)

    def has_next_page(self) -> bool:
        return _next_cursor(self._spec, self.data, set(self._seen)) is not None

    def _next_kwargs(self) -> tuple[dict[str, Any], frozenset[str]] | None:
        cursor = _next_cursor(self._spec, self.data, set(self._seen))
        if cursor is None:
            return None
        return _with_cursor(self._spec, self._kwargs, cursor), self._seen | {repr(cursor)}


class SyncPage(_PageBase[ItemT, PageT]):
    def __init__(self, client: SyncAPIClient, op: Operation, kwargs: dict[str, Any], data: PageT, seen: frozenset[str] = frozenset()) -> None:
        super().__init__(op, kwargs, data, seen)
        self._client = client

    @classmethod
    def first(cls, client: SyncAPIClient, op: Operation, kwargs: dict[str, Any]) -> SyncPage[ItemT, PageT]:
        return cls(client, op, kwargs, cast(PageT, client.request(op, **kwargs)))

    def next_page(self) -> SyncPage[ItemT, PageT] | None:
        nxt = self._next_kwargs()
        if nxt is None:
            return None
        kwargs, seen = nxt
        return SyncPage(self._client, self._op, kwargs, cast(PageT, self._client.request(self._op, **kwargs)), seen)

    def iter_pages(self, *, max_pages: int | None = None) -> Iterator[SyncPage[ItemT, PageT]]:
        page: SyncPage[ItemT, PageT] | None = self
        count = 0
        while page is not None and (max_pages is None or count < max_pages):
            yield page
            count += 1
            if max_pages is not None and count >= max_pages:
                return
            page = page.next_page()

    def auto_paging_iter(self, *, max_pages: int | None = None) -> Iterator[ItemT]:
        for page in self.iter_pages(max_pages=max_pages):
            yield from page.items

    def __iter__(self) -> Iterator[ItemT]:
        return self.auto_paging_iter()


class AsyncPage(_PageBase[ItemT, PageT]):
    def __init__(self, client: AsyncAPIClient, op: Operation, kwargs: dict[str, Any], data: PageT, seen: frozenset[str] = frozenset()) -> None:
        super().__init__(op, kwargs, data, seen)
        self._client = client

    async def next_page(self) -> AsyncPage[ItemT, PageT] | None:
        nxt = self._next_kwargs()
        if nxt is None:
            return None
        kwargs, seen = nxt
        return AsyncPage(self._client, self._op, kwargs, cast(PageT, await self._client.request(self._op, **kwargs)), seen)

    async def iter_pages(self, *, max_pages: int | None = None) -> AsyncIterator[AsyncPage[ItemT, PageT]]:
        page: AsyncPage[ItemT, PageT] | None = self
        count = 0
        while page is not None:
            yield page
            count += 1
            if max_pages is not None and count >= max_pages:
                return
            page = await page.next_page()

    async def auto_paging_iter(self, *, max_pages: int | None = None) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages(max_pages=max_pages):
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self.auto_paging_iter()


class AsyncPager(Generic[ItemT, PageT]):
    """What an async list method returns: `await` it for the first page, `async for` over every item."""

    def __init__(self, client: AsyncAPIClient, op: Operation, kwargs: dict[str, Any]) -> None:
        self._client = client
        self._op = op
        self._kwargs = kwargs

    async def _first(self) -> AsyncPage[ItemT, PageT]:
        data = await self._client.request(self._op, **self._kwargs)
        return AsyncPage(self._client, self._op, self._kwargs, cast(PageT, data))

    def __await__(self) -> Generator[Any, None, AsyncPage[ItemT, PageT]]:
        return self._first().__await__()

    async def auto_paging_iter(self, *, max_pages: int | None = None) -> AsyncIterator[ItemT]:
        first = await self._first()
        async for item in first.auto_paging_iter(max_pages=max_pages):
            yield item

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self.auto_paging_iter()


