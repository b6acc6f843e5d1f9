"""Errors the user sees: each names the file or object and the reason, in plain words."""

from __future__ import annotations

from pathlib import Path


class HanreiError(Exception):
    """Base of every error the CLI and the window report to the user."""


class InputError(HanreiError):
    """A file that cannot be imported; nothing of it is stored."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ConflictError(HanreiError):
    """Somebody else changed the object since it was read (optimistic locking)."""


class NotFoundError(HanreiError):
    """The document, span or label asked for does not exist."""
