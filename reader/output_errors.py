"""One line, naming the user's path, when an export cannot be written.

Exports write through a temporary file beside the target (`.x.json.k2j4.tmp`) and make
missing folders, so a folder that cannot be written raised an OSError naming that hidden
file, and the CLI printed a traceback ("never a traceback" is the rule for bad input).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.errors import UserError


def _about(target: Path, filename: object) -> bool:
    """The error is about the target: the file, its temp file, or a folder on its way."""
    if not filename:
        return False
    try:
        other = Path(os.fsdecode(filename)).expanduser().absolute()  # type: ignore[arg-type]
    except TypeError:
        return False
    return other == target or other.parent == target.parent or other.parent == target \
        or target.is_relative_to(other)


def write_error(target: str | os.PathLike[str], exc: OSError) -> str | None:
    """`cannot write TARGET: REASON` when `exc` came from writing `target`, else None."""
    path = Path(target).expanduser().absolute()
    if not _about(path, exc.filename):
        return None
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = f"{os.fsdecode(exc.filename)} is a file, not a folder"
    else:
        reason = (exc.strerror or str(exc)).lower()
    return f"cannot write {target}: {reason}"


@contextmanager
def writing(target: str | os.PathLike[str] | None) -> Iterator[None]:
    """Turn an OSError about `target` into a UserError (one line on stderr, status 2)."""
    try:
        yield
    except OSError as exc:
        message = write_error(target, exc) if target else None
        if message is None:
            raise
        raise UserError(message) from exc
