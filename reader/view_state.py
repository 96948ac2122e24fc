"""Where the coder left off: boilerplate hidden or shown, the list position, the open
article and its cursor, kept across restarts in `annotations.view.json` beside the store.

Personal and disposable (like the summary cache next to it): a missing or unreadable file
means a fresh start, never an error. Written atomically on quit.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(slots=True)
class ViewState:
    hide_boilerplate: bool = False
    list_article: str | None = None  # the article under the list's cursor
    open_article: str | None = None
    article_cursor: int = 0
    # the rows that were on screen: id -> [size, mtime_ns, title, words], so the next start
    # shows their titles in its first frame (checked against a stat of each file), before
    # the summary cache of the whole corpus is even read
    rows: dict[str, list[object]] = field(default_factory=dict)
    conflicts_seen: int = 0  # import conflicts read with `I` (reader.tui.conflicts)


def view_path_for(db_path: Path) -> Path:
    """`annotations.json` → `annotations.view.json`, beside it; for a read-only corpus,
    beside its caches in the user cache folder (`reader.cache.cache_path_for`), or the
    view was forgotten at every start."""
    from reader.cache import cache_path_for

    return cache_path_for(db_path).with_name(db_path.stem + ".view.json")


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
    rows = raw.get("rows")
    if isinstance(rows, dict):
        state.rows = {k: v for k, v in rows.items()
                      if isinstance(k, str) and isinstance(v, list) and len(v) == 4}
    seen = raw.get("conflicts_seen")
    if isinstance(seen, int) and not isinstance(seen, bool) and seen >= 0:
        state.conflicts_seen = seen
    cursor = raw.get("article_cursor")
    if isinstance(cursor, int) and not isinstance(cursor, bool) and cursor >= 0:
        state.article_cursor = cursor
    return state


def save(path: Path | None, state: ViewState) -> None:
    """Write the state; an unwritable folder costs only the convenience (OSError raised
    for the caller to report)."""
    if path is None:
        return
    from reader.cache import replace_file

    replace_file(path, json.dumps(asdict(state)).encode("utf-8"), ".view-")


def screen_titles(state: ViewState, articles: list, where: dict[str, int],
                  stat: object = None) -> list[int]:
    """Give the remembered rows their titles now, where the file is unchanged (same size
    and mtime); returns the indices filled. `articles` are `reader.corpus.Article`s."""
    filled = []
    do_stat = stat or os.stat
    for aid, (size, mtime_ns, title, words) in state.rows.items():
        i = where.get(aid)
        if i is None or not isinstance(title, str):
            continue
        a = articles[i]
        try:
            st = do_stat(a.path)  # type: ignore[operator]
        except OSError:
            continue
        if st.st_size != size or st.st_mtime_ns != mtime_ns:
            continue
        a.size, a.mtime_ns = st.st_size, st.st_mtime_ns
        a.title = title
        a.words = words if isinstance(words, int) else None
        filled.append(i)
    return filled
