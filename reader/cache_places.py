"""Where derived files (caches, indexes, view state) go: beside the annotation file when
that folder can be written, else the user cache folder.

A corpus on a shared drive or a mounted archive is read-only; its caches must still be
kept somewhere, or every start counts the corpus again. A corpus opened as one file keeps
them in the user cache folder too: the folder around it is not the corpus's. The summary,
repeated-line and quotation caches, the search index and the JSON Lines indexes all choose
the same way.
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


SINGLE_FILE_SUFFIX = ".annotations.json"  # `Corpus.default_db_path` of a one-file corpus


def serves_one_file(db_path: Path) -> bool:
    """Whether `db_path` is the annotation file of a corpus opened as one file (`news.jsonl`
    → `news.jsonl.annotations.json`). Such a file sits among the user's other files (a
    Downloads folder), not in a folder that is the corpus: its caches go to the user cache
    folder, so reading it leaves nothing beside it."""
    name = db_path.name
    if not name.endswith(SINGLE_FILE_SUFFIX) or len(name) == len(SINGLE_FILE_SUFFIX):
        return False
    return db_path.with_name(name[: -len(SINGLE_FILE_SUFFIX)]).is_file()


def cache_beside(db_path: Path, beside: Path) -> bool:
    """Whether a cache of the corpus whose annotations are `db_path` goes to `beside`
    (next to the annotation file) rather than to the user cache folder."""
    return can_write(beside) and not serves_one_file(db_path)


def user_cache(*parts: str) -> Path:
    """A path in the user cache folder (`XDG_CACHE_HOME/reader/...` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader")).joinpath(*parts)
