"""Where a corpus's annotations are kept.

Beside the corpus by default, so they travel with it; `--db PATH` overrides. The bundled
sample corpus lives inside the installed package, which may be read-only, shared between
users, and is replaced on every upgrade, so its annotations always go to the per-user data
folder instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.corpus import ANNOTATIONS_FILE, Corpus, bundled_corpus

APP_NAME = "reader"


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def _inside_package(path: Path) -> bool:
    """Inside the installed package, or inside the seed folder wherever it really lives (in a
    development checkout `reader/seeds` is a link to the repository's `seeds/`)."""
    try:
        real = path.resolve()
        bundled = bundled_corpus()
        return any(real.is_relative_to(p) for p in (bundled.resolve(), bundled.parent.resolve()))
    except OSError:
        return False


def resolve_db_path(
    corpus: Corpus, db: str | os.PathLike[str] | None, *, create: bool = True
) -> Path:
    """The annotation file for `corpus`: `db` if given (a folder gets `annotations.json`),
    the user data folder for the bundled corpus, else `Corpus.default_db_path`.

    `create=False` (read-only commands) leaves a missing user data folder uncreated."""
    if db:
        path = Path(db).expanduser()
        if path.is_dir():
            path = path / ANNOTATIONS_FILE
        return path.absolute()
    default = corpus.default_db_path
    if not _inside_package(default):
        return default
    folder = user_data_dir()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    if corpus.single_file is not None:
        return folder / f"sample-{default.name}"
    return folder / f"sample-{ANNOTATIONS_FILE}"
