"""Where derived files (caches, indexes, view state) go: beside the annotation file when
that folder can be written, else the user cache folder.

A corpus on a shared drive or a mounted archive is read-only; its caches must still be
kept somewhere, or every start counts the corpus again. The summary, repeated-line and
quotation caches, the search index and the JSON Lines indexes all choose the same way.
"""

from __future__ import annotations

import os
from pathlib import Path


def can_write(path: Path) -> bool:
    """Whether `path` can be (re)written in place: an existing file must be writable and
    so must its folder (files are replaced through a temporary file beside them, and
    SQLite keeps its journal there)."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent, os.W_OK)


def user_cache(*parts: str) -> Path:
    """A path in the user cache folder (`XDG_CACHE_HOME/reader/...` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader")).joinpath(*parts)
