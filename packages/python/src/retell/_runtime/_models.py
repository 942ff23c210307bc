"""Response models. A response body stays the parsed JSON it arrived as; a model is a thin typed view over
it. Field values are converted on first access (a nested object becomes its model, a list of objects a list
of models) and cached, so a response costs one small object until it is read, and fields nobody reads cost
nothing. Fields the spec does not declare are kept: `to_dict()` returns them and attribute access finds
them. The generated model classes declare their fields as annotations (what pyright checks) and register
the few facts the runtime needs: which fields hold models (`conv`) and which Python names differ from the
wire (`alias`, e.g. `from_` for `from`)."""

from __future__ import annotations

import json
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    ClassVar,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from typing_extensions import Literal, Self

__all__ = ["BaseModel", "PageModel", "AutoPager", "Conv", "list_of", "dict_of", "union_of", "construct", "register"]

_T = TypeVar("_T")
_Item = TypeVar("_Item")


class _ListOf:
    __slots__ = ("item",)

    def __init__(self, item: Conv) -> None:
        self.item = item


class _DictOf:
    __slots__ = ("value",)

    def __init__(self, value: Conv) -> None:
        self.value = value


class _UnionOf:
    __slots__ = ("field", "mapping", "variants")

    def __init__(self, field: Optional[str], mapping: Mapping[object, Conv], variants: Tuple[Conv, ...]) -> None:
        self.field = field
        self.mapping = mapping
        self.variants = variants


Conv = Union[Type["BaseModel"], _ListOf, _DictOf, _UnionOf, None]
"""How a JSON value becomes typed: a model class, a list or dict of something, a union; `None` keeps it."""


def list_of(item: Conv) -> Conv:
    return _ListOf(item) if item is not None else None


def dict_of(value: Conv) -> Conv:
    return _DictOf(value) if value is not None else None


def union_of(*variants: Conv, field: Optional[str] = None, mapping: Optional[Mapping[object, Conv]] = None) -> Conv:
    """A union; with `field`, the variant is chosen by that field's value (a discriminated union)."""
    return _UnionOf(field, mapping or {}, variants)


def construct(conv: Conv, value: object) -> Any:
    """`value` (parsed JSON) as `conv` says; values of another shape than expected are kept as they are."""
    if conv is None or value is None:
        return value
    if isinstance(conv, type):
        return conv._from_raw(cast("Dict[str, object]", value)) if type(value) is dict else value  # pyright: ignore[reportPrivateUsage]
    if isinstance(conv, _ListOf):
        if type(value) is not list:
            return value
        item = conv.item
        return [construct(item, v) for v in cast("List[object]", cast(object, value))]
    if isinstance(conv, _DictOf):
        if type(value) is not dict:
            return value
        inner = conv.value
        return {k: construct(inner, v) for k, v in cast("Dict[str, object]", cast(object, value)).items()}
    return _construct_union(conv, value)


def _construct_union(conv: _UnionOf, value: object) -> Any:
    kind = type(value)
    if kind is dict:
        if conv.field is not None:
            chosen = conv.mapping.get(cast("Dict[str, object]", value).get(conv.field))
            if chosen is not None:
                return construct(chosen, value)
        for variant in conv.variants:
            if isinstance(variant, (type, _DictOf, _UnionOf)):
                return construct(variant, value)
    elif kind is list:
        for variant in conv.variants:
            if isinstance(variant, _ListOf):
                return construct(variant, value)
    return value


# Per model class: python name -> (wire name, conv), read once from the annotations of the class and its bases.
_FIELDS: Dict[type, Dict[str, Tuple[str, Conv]]] = {}
_BASE_MEMBERS = frozenset(("_raw",))


def _fields(cls: type) -> Dict[str, Tuple[str, Conv]]:
    found = _FIELDS.get(cls)
    if found is None:
        found = {}
        for klass in reversed(cls.__mro__):
            names: Mapping[str, object] = klass.__dict__.get("__annotations__", {})
            convs: Mapping[str, Conv] = klass.__dict__.get("__retell_conv__", {})
            aliases: Mapping[str, str] = klass.__dict__.get("__retell_alias__", {})
            for name in names:
                if not name.startswith("_"):
                    found[name] = (aliases.get(name, name), convs.get(name))
        _FIELDS[cls] = found
    return found


def register(cls: Type[BaseModel], conv: Optional[Dict[str, Conv]] = None, alias: Optional[Dict[str, str]] = None) -> None:
    """Called by generated code after every model class exists (conversions may refer to later classes)."""
    if conv:
        cls.__retell_conv__ = conv
    if alias:
        cls.__retell_alias__ = alias
    _FIELDS.pop(cls, None)


def _plain(value: object, exclude_none: bool) -> object:
    """A deep copy of JSON-like data with models replaced by their dicts."""
    if isinstance(value, BaseModel):
        return value.to_dict(exclude_none=exclude_none)
    if isinstance(value, dict):
        items = cast("Dict[str, object]", value).items()
        return {k: _plain(v, exclude_none) for k, v in items if not (exclude_none and v is None)}
    if isinstance(value, (list, tuple)):
        return [_plain(v, exclude_none) for v in cast("List[object]", value)]
    return value


class BaseModel:
    """Base of every response model: attribute access (nested too), `to_dict()`, `to_json()`, `model_dump()`.

    Keys the API returns that the model does not declare are kept (`to_dict()`, attribute access)."""

    __retell_conv__: ClassVar[Dict[str, Conv]] = {}
    __retell_alias__: ClassVar[Dict[str, str]] = {}

    def __init__(self, **data: object) -> None:
        fields = _fields(type(self))
        raw: Dict[str, object] = {}
        for name, value in data.items():
            spec = fields.get(name)
            raw[spec[0] if spec else name] = value
        self.__dict__["_raw"] = raw

    @classmethod
    def _from_raw(cls, data: Dict[str, object]) -> Self:
        obj = cls.__new__(cls)
        obj.__dict__["_raw"] = data
        return obj

    @classmethod
    def construct(cls, **values: object) -> Self:
        """A model from field values (Python names), without validation (as pydantic's `construct`)."""
        return cls(**values)

    model_construct = construct

    if not TYPE_CHECKING:
        # Only at run time: pyright keeps reporting misspelt attributes.
        def __getattr__(self, name: str) -> Any:
            try:
                raw = self.__dict__["_raw"]
            except KeyError:
                raise AttributeError(name) from None
            spec = _fields(type(self)).get(name)
            if spec is None:
                if name in raw and not name.startswith("_"):
                    return raw[name]
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            value = raw.get(spec[0])
            if spec[1] is not None and value is not None:
                value = construct(spec[1], value)
            self.__dict__[name] = value
            return value

    def __setattr__(self, name: str, value: object) -> None:
        spec = _fields(type(self)).get(name)
        self.__dict__[name] = value
        if not name.startswith("_"):
            self.__dict__["_raw"][spec[0] if spec else name] = value

    @property
    def model_extra(self) -> Dict[str, object]:
        """Fields the API returned that the model does not declare."""
        wires = {wire for wire, _ in _fields(type(self)).values()}
        raw: Dict[str, object] = self.__dict__["_raw"]
        return {k: v for k, v in raw.items() if k not in wires}

    @property
    def model_fields_set(self) -> set[str]:
        """Python names of the declared fields present in the response."""
        raw: Dict[str, object] = self.__dict__["_raw"]
        return {name for name, (wire, _) in _fields(type(self)).items() if wire in raw}

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> Dict[str, object]:
        """The data as a new dict keyed by the API's names; by default only what the response held.

        `mode`, `exclude_defaults` and `warnings` are accepted for compatibility: the data is JSON already
        and models declare no defaults."""
        if not exclude_unset or not use_api_names:
            return self.model_dump(by_alias=use_api_names, exclude_unset=exclude_unset, exclude_none=exclude_none)
        return cast("Dict[str, object]", _plain(self.__dict__["_raw"], exclude_none))

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """`to_dict()` as JSON text (indented by 2 unless `indent` says otherwise)."""
        data = self.to_dict(use_api_names=use_api_names, exclude_unset=exclude_unset, exclude_none=exclude_none)
        return json.dumps(data, indent=indent, ensure_ascii=False)

    def model_dump(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        round_trip: bool = False,
        warnings: bool = True,
    ) -> Dict[str, object]:
        """pydantic's `model_dump`: Python field names unless `by_alias`, every declared field (None when the
        response did not hold it) unless `exclude_unset`, nested models dumped the same way."""
        raw: Dict[str, object] = self.__dict__["_raw"]
        fields = _fields(type(self))
        out: Dict[str, object] = {}
        for name, (wire, _) in fields.items():
            if exclude_unset and wire not in raw:
                continue
            value = _dump(getattr(self, name), by_alias, exclude_unset, exclude_none)
            if not (exclude_none and value is None):
                out[wire if by_alias else name] = value
        wires = {wire for wire, _ in fields.values()}
        for key, value in raw.items():
            if key not in wires and not (exclude_none and value is None):
                out[key] = _plain(value, exclude_none)
        return out

    def model_dump_json(self, *, indent: Optional[int] = None, by_alias: bool = False, exclude_unset: bool = False, exclude_none: bool = False) -> str:
        data = self.model_dump(by_alias=by_alias, exclude_unset=exclude_unset, exclude_none=exclude_none)
        return json.dumps(data, indent=indent, ensure_ascii=False)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.to_dict() == cast(BaseModel, other).to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable, as pydantic models

    def __repr__(self) -> str:
        fields = _fields(type(self))
        by_wire = {wire: name for name, (wire, _) in fields.items()}
        raw: Dict[str, object] = self.__dict__["_raw"]
        shown = ", ".join(f"{by_wire.get(k, k)}={v!r}" for k, v in raw.items())
        return f"{type(self).__name__}({shown})"


def _dump(value: object, by_alias: bool, exclude_unset: bool, exclude_none: bool) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=by_alias, exclude_unset=exclude_unset, exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dump(v, by_alias, exclude_unset, exclude_none) for v in cast("List[object]", value)]
    if isinstance(value, dict):
        return {k: _dump(v, by_alias, exclude_unset, exclude_none) for k, v in cast("Dict[str, object]", value).items()}
    return value


class _PageContext:
    """What it takes to ask for the page after this one: the client, the operation and its arguments."""

    __slots__ = ("client", "op", "kwargs", "seen")

    def __init__(self, client: Any, op: Any, kwargs: Dict[str, Any], seen: frozenset[str]) -> None:
        self.client = client
        self.op = op
        self.kwargs = kwargs
        self.seen = seen


class PageModel(BaseModel, Generic[_Item]):
    """The response model of a cursor-paginated list (`has_more`, `pagination_key`, the items), as the official
    SDK returns it, plus auto-pagination: `for x in page.auto_paging_iter()` (or `async for` with the async
    client) walks every item of this page and the pages after it. A repeated cursor or an empty page ends
    the walk; `max_pages` caps it."""

    def _attach(self, client: Any, op: Any, kwargs: Dict[str, Any], seen: frozenset[str] = frozenset()) -> None:
        self.__dict__["_page_context"] = _PageContext(client, op, kwargs, seen)

    def _page_items(self) -> List[_Item]:
        ctx: Optional[_PageContext] = self.__dict__.get("_page_context")
        if ctx is None:
            return []
        wire = ctx.op.pagination.items_field
        for name, (field_wire, _) in _fields(type(self)).items():
            if field_wire == wire:
                items = getattr(self, name)
                return cast("List[_Item]", items) if isinstance(items, list) else []
        items = self.__dict__["_raw"].get(wire)
        return cast("List[_Item]", items) if isinstance(items, list) else []

    def _next_cursor(self) -> object:
        ctx: Optional[_PageContext] = self.__dict__.get("_page_context")
        if ctx is None or not self._page_items():
            return None
        spec = ctx.op.pagination
        raw: Dict[str, object] = self.__dict__["_raw"]
        more = raw.get(spec.has_more_field) is True if spec.has_more_field else True
        cursor = raw.get(spec.next_cursor_field)
        if not more or cursor is None or cursor == "" or repr(cursor) in ctx.seen:
            return None
        return cursor

    def has_next_page(self) -> bool:
        return self._next_cursor() is not None

    def _next_request(self) -> Optional[Tuple[_PageContext, Dict[str, Any]]]:
        cursor = self._next_cursor()
        if cursor is None:
            return None
        ctx: _PageContext = self.__dict__["_page_context"]
        spec = ctx.op.pagination
        where = "query" if spec.location == "query" else "body"
        previous: Dict[str, object] = dict(ctx.kwargs.get(where) or {})
        previous[spec.cursor_param] = cursor
        kwargs: Dict[str, Any] = {**ctx.kwargs, where: previous}
        kwargs["_seen"] = ctx.seen | {repr(cursor)}
        return ctx, kwargs

    def auto_paging_iter(self, *, max_pages: Optional[int] = None) -> AutoPager[_Item]:
        """Every item from this page on: `for` with the sync client, `async for` with the async one."""
        return AutoPager(self, max_pages)


class AutoPager(Generic[_Item]):
    def __init__(self, first: PageModel[_Item], max_pages: Optional[int]) -> None:
        self._first = first
        self._max_pages = max_pages

    def __iter__(self) -> Iterator[_Item]:
        page: Optional[PageModel[_Item]] = self._first
        count = 0
        while page is not None:
            yield from page._page_items()  # pyright: ignore[reportPrivateUsage]
            count += 1
            if self._max_pages is not None and count >= self._max_pages:
                return
            nxt = page._next_request()  # pyright: ignore[reportPrivateUsage]
            if nxt is None:
                return
            ctx, kwargs = nxt
            if getattr(ctx.client, "_is_async", False):
                raise TypeError("This page came from the async client: use `async for` over auto_paging_iter().")
            page = ctx.client.request(ctx.op, **kwargs)

    def __aiter__(self) -> AsyncIterator[_Item]:
        return self._aiter()

    async def _aiter(self) -> AsyncIterator[_Item]:
        page: Optional[PageModel[_Item]] = self._first
        count = 0
        while page is not None:
            for item in page._page_items():  # pyright: ignore[reportPrivateUsage]
                yield item
            count += 1
            if self._max_pages is not None and count >= self._max_pages:
                return
            nxt = page._next_request()  # pyright: ignore[reportPrivateUsage]
            if nxt is None:
                return
            ctx, kwargs = nxt
            page = await ctx.client.request(ctx.op, **kwargs)
