"""One error hierarchy. Every error sitrep raises on purpose is a SitrepError with a message an
analyst can act on; the CLI maps them to exit codes and the API to one JSON error shape."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    exit_code = 1
    http_status = 500
    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(SitrepError):
    """The user asked for something that cannot be done as asked (bad path, bad option)."""

    exit_code = 2
    http_status = 400
    code = "usage"


class ConfigError(UsageError):
    """A setting is missing or invalid."""

    code = "config"


class NotFoundError(SitrepError):
    """An id or name that the store does not hold."""

    exit_code = 2
    http_status = 404
    code = "not-found"


class InputRejected(SitrepError):
    """One input could not become a document; the run records it and goes on."""

    http_status = 422
    code = "rejected"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class FetchError(InputRejected):
    """A URL could not be fetched (unreachable, blocked address, HTTP error, too large)."""


class StoreError(SitrepError):
    """The store cannot be opened, migrated or written."""

    code = "store"


class ModelError(SitrepError):
    """The NLP pipeline cannot be loaded or trained."""

    code = "model"


class DataMissingError(SitrepError):
    """Third-party data (../shared/data) needed for training or evaluation is absent."""

    exit_code = 2
    code = "data-missing"


class PermissionDenied(SitrepError):
    """The caller's role does not allow this action."""

    exit_code = 2
    http_status = 403
    code = "forbidden"
