"""Where the coder left off: boilerplate hidden or shown, the list position, the open
article and its cursor, kept across restarts in `annotations.view.json` beside the store.

Personal and disposable (like the summary cache next to it): a missing or unreadable file
means a fresh start, never an error. Written atomically on quit.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(slots=True)
class ViewState:
    hide_boilerplate: bool = False
    list_article: str | None = None  # the article under the list's cursor
    open_article: str | None = None
    article_cursor: int = 0


def view_path_for(db_path: Path) -> Path:
    """`annotations.json` → `annotations.view.json`, beside it."""
    return db_path.with_name(db_path.stem + ".view.json")


def load(path: Path | None) -> ViewState:
    if path is None:
        return ViewState()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ViewState()
    if not isinstance(raw, dict):
        return ViewState()
    state = ViewState()
    if isinstance(raw.get("hide_boilerplate"), bool):
        state.hide_boilerplate = raw["hide_boilerplate"]
    for key in ("list_article", "open_article"):
        if isinstance(raw.get(key), str):
            setattr(state, key, raw[key])
    cursor = raw.get("article_cursor")
    if isinstance(cursor, int) and not isinstance(cursor, bool) and cursor >= 0:
        state.article_cursor = cursor
    return state


def save(path: Path | None, state: ViewState) -> None:
    """Write the state; an unwritable folder costs only the convenience (OSError raised
    for the caller to report)."""
    if path is None:
        return
    fd, tmp = tempfile.mkstemp(prefix=".view-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(state), f)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
