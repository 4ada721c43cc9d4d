"""Errors that carry what went wrong, where, and what to do, plus an HTTP status."""

from __future__ import annotations


class DeskError(Exception):
    """Base error. `message` is for people; `status` maps to HTTP."""

    status: int = 400

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class ConfigError(DeskError):
    status = 500


class InputError(DeskError):
    """A file, row, form or request that cannot be used as given."""

    status = 422


class NotFoundError(DeskError):
    status = 404


class FetchError(DeskError):
    """A remote feed could not be fetched safely."""

    status = 502
