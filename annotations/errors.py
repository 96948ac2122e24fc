"""Why a store cannot be used, as one line the user can act on.

All of these are `UserError`s so the CLI prints them as one line and exits 2; the app tells
them apart to decide between "open read-only and say why" and "refuse".
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import UserError


class StoreError(UserError):
    """Something is wrong with the annotation file itself (not with the user's request)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(" ".join(message.split()))  # always one line
        self.path = path


class StoreCorruptError(StoreError):
    """Unparseable file or journal: it is left untouched, the store opens read-only."""


class StoreForeignError(StoreError):
    """Valid JSON that is not a reader annotation file: never overwritten."""


class StoreNewerError(StoreError):
    """Written by a newer reader: reading it is fine, writing could drop what we do not know."""


class StoreReadOnlyError(StoreError):
    """The folder (or file) cannot be written; `--db` puts annotations elsewhere."""


class StoreBusyError(StoreError):
    """Another process held the lock for too long."""


class StoreWriteError(StoreError):
    """A save failed (disk full, I/O error); nothing was recorded, the change can be retried."""


class AnnotationInputError(UserError):
    """A request the store refuses: offsets out of range, unknown label or id."""
