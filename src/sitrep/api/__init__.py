"""sitrep.api: the REST API of the analyst's workbench (FastAPI).

`create_app(store, auth)` builds the app; `sitrep serve` runs it with uvicorn.
"""

from sitrep.api.app import create_app
from sitrep.api.auth import AuthConfig, Principal

__all__ = ["AuthConfig", "Principal", "create_app"]
