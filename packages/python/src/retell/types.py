"""Every request and response type (`TypedDict`s and aliases), generated from the spec's schemas."""

from ._generated.types import *  # noqa: F403  (the generated module defines __all__)
from ._generated.types import __all__ as __all__  # noqa: F401
