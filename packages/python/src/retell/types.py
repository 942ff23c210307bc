"""Every response model (`BaseModel` subclasses: attribute access, `to_dict()`, `to_json()`) and request
parameter type (`TypedDict`s; schema shapes carry a `Param` suffix), generated from the spec's schemas."""

from ._generated.models import *  # noqa: F403  (the generated modules define __all__)
from ._generated.models import __all__ as _models_all
from ._generated.params import *  # noqa: F403
from ._generated.params import __all__ as _params_all

__all__ = [*_models_all, *_params_all]  # pyright: ignore[reportUnsupportedDunderAll]
