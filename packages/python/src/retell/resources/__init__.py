"""The resource classes (`AgentResource`, `AsyncAgentResource`, their `WithRawResponse` and
`WithStreamingResponse` twins), as `retell.resources` in the official SDK."""

from .._generated.resources import *  # noqa: F403  (the generated module defines __all__)
from .._generated.resources import __all__ as __all__  # noqa: F401
