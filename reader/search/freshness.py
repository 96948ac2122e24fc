"""Is the search index still the corpus? The quick check `reader search` makes by default.

Stat-ing every file of a 100,000-article corpus costs 0.2 s, and the whole search has a
budget of about 0.24 s (issue 14: ten times faster than `grep -rlwi`). So by default
`reader search` stats far fewer things and still catches what a user does to a corpus
between two searches:

1. files added, removed or renamed: a folder's mtime changes when an entry is added to it,
   removed from it or renamed in it. Every folder's mtime is recorded in the index (table
   `fresh`), taken *before* the folder is listed, so a file added while it is being
   listed is caught the next time. A folder whose mtime changed is listed again: its new
   `.txt` files are stat-ed and indexed, the vanished ones dropped; a new subfolder is
   walked; a folder that is gone takes its articles with it;
2. JSON Lines files (few, and scrapers append to them) are always stat-ed; a changed one
   is indexed again (from its saved record index: only new or changed records are read);
3. every article a query hits is stat-ed before it is printed (`reader.commands.search`),
   and indexed again, the query run again, when it changed: no stale hit, title or snippet
   offset is ever printed;
4. the annotation file and its journal are stat-ed; when they changed, the corrections
   are read, and when those differ from what the index was built with, the full check
   runs (every article's split may change).

What it misses: a `.txt` edited in place (its folder's mtime stays; in the folder holding
the index, also one saved over by an editor) so that it now matches a query it did not
match before; it is
indexed again when a query hits it, or by `reader search --update`, which stats every file
(the app does that too). A folder mtime recorded less than `RACY_NS` after it was set may
still change within the same clock tick, so it is recorded as unknown and the folder is
listed again next time (git's "racy" rule).

New and changed articles are split with the evidence the index was built with: its
repeated-line set (from the repeated-line cache, when that cache's set is the index's) and
the corrections. When that evidence cannot be had, the full check runs instead. The
repeated-line set itself is recounted only by the full check.
"""

from __future__ import annotations

import os
import sqlite3
import stat as stat_mod
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RACY_NS = 2_000_000_000  # a folder or file changed less than this before it was stat-ed
UNKNOWN = -1  # a recorded mtime that always counts as changed

# `annotations.journal.JOURNAL_SUFFIX` (not imported: it pulls in TinyDB, a tenth of the
# time a search may take; tests/search/test_freshness.py checks they agree)
JOURNAL_SUFFIX = ".journal"

TABLE = """CREATE TABLE IF NOT EXISTS fresh(
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL)"""


@dataclass(slots=True)
class State:
    """What the corpus looked like when the index was last known to match it.

    `dirs`: folder (path under the root, "" or ending in "/") -> mtime_ns; `jsonl`: JSON
    Lines file -> (size, mtime_ns); `store`: annotation file and journal -> (size,
    mtime_ns), (-1, -1) when missing; `key`: the root and the options that change what is
    an article (a state recorded for another root or size cap is not used)."""

    key: str
    dirs: dict[str, int] = field(default_factory=dict)
    jsonl: dict[str, tuple[int, int]] = field(default_factory=dict)
    store: dict[str, tuple[int, int]] = field(default_factory=dict)


def corpus_key(root: Path, max_bytes: int, text_field: str | None) -> str:
    return f"{root}\0{max_bytes}\0{text_field or ''}"


def load_state(db: sqlite3.Connection) -> State | None:
    """The recorded state, or None when there is none (an index built by the app or by an
    older reader, or a full check that did not finish)."""
    try:
        rows = db.execute("SELECT name, size, mtime FROM fresh").fetchall()
    except sqlite3.OperationalError:
        return None
    key = next((n[2:] for n, _, _ in rows if n.startswith("k:")), None)
    if key is None:
        return None
    state = State(key)
    for name, size, mtime in rows:
        kind, rest = name[:2], name[2:]
        if kind == "d:":
            state.dirs[rest] = mtime
        elif kind == "j:":
            state.jsonl[rest] = (size, mtime)
        elif kind == "s:":
            state.store[rest] = (size, mtime)
    return state if "" in state.dirs else None


def clear_state(db: sqlite3.Connection) -> None:
    """Forget the state (before a full check: if it stops half-way, the next search makes
    the full check again)."""
    db.execute(TABLE)
    db.execute("DELETE FROM fresh")


def save_state(db: sqlite3.Connection, state: State) -> None:
    rows = [("k:" + state.key, 0, 0)]
    rows += [("d:" + d, 0, m) for d, m in state.dirs.items()]
    rows += [("j:" + j, s, m) for j, (s, m) in state.jsonl.items()]
    rows += [("s:" + f, s, m) for f, (s, m) in state.store.items()]
    db.execute(TABLE)
    db.execute("BEGIN")
    try:
        db.execute("DELETE FROM fresh")
        db.executemany("INSERT INTO fresh VALUES (?, ?, ?)", rows)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def settled(mtime_ns: int, now_ns: int) -> int:
    """The mtime to record: UNKNOWN when it may still change within the same clock tick."""
    return mtime_ns if mtime_ns < now_ns - RACY_NS else UNKNOWN


def store_stats(db_path: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of the annotation file and its journal: where corrections change."""
    out = {}
    now = time.time_ns()
    for p in (db_path, db_path.with_name(db_path.name + JOURNAL_SUFFIX)):
        try:
            st = os.stat(p)
            out[str(p)] = (st.st_size, settled(st.st_mtime_ns, now))
        except OSError:
            out[str(p)] = (-1, -1)
    return out


def _is_jsonl(name: str) -> bool:
    low = name.lower()
    return low.endswith(".jsonl") or low.endswith(".jsonl.gz")


def _join(root: Path, rel: str) -> str:
    return f"{root}/{rel}" if rel else str(root)


def snapshot(root: Path) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """(folders, JSON Lines files) of the corpus, walked as `reader.corpus.scan` walks it
    (hidden names skipped, each folder once), each folder stat-ed before it is listed. Made
    before the full check lists the corpus, so anything changed meanwhile counts as
    changed next time."""
    dirs: dict[str, int] = {}
    jsonl: dict[str, tuple[int, int]] = {}
    seen: set[tuple[int, int]] = set()
    now = time.time_ns()

    def walk(path: str, prefix: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        dirs[prefix] = settled(st.st_mtime_ns, now)
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            dirs[prefix] = UNKNOWN
            return
        for e in entries:
            name = e.name
            if name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=True):
                    walk(e.path, prefix + name + "/")
                elif _is_jsonl(name):
                    s = e.stat(follow_symlinks=True)
                    jsonl[prefix + name] = (s.st_size, settled(s.st_mtime_ns, now))
            except OSError:
                continue

    walk(str(root), "")
    return dirs, jsonl


class NeedFullCheck(Exception):
    """The quick check cannot say what changed (a new symbolic link to a folder: the full
    walk decides whether it loops back)."""


@dataclass(slots=True)
class Changes:
    """What the quick check found: articles to index ((id, locator, size, mtime_ns)),
    ids to drop, and the state to record once they are applied."""

    todo: list[tuple[str, Any, int, int]]
    gone: list[str]
    state: State
    changed: bool  # anything differs from the recorded state (the state is saved again)


def check(
    index: Any,
    state: State,
    root: Path,
    max_bytes: int,
    text_field: str | None,
    own: str | None = None,
) -> Changes:
    """Compare the corpus with the recorded state; raises NeedFullCheck (see there).

    `own` is the folder (under the root) that holds the index itself: every search
    changes its mtime (SQLite's `-wal` and `-shm` files come and go), so there only the
    names are compared; in any other changed folder every `.txt` is stat-ed too (an
    editor that saves by renaming a new file over the old one changes the folder)."""
    now = time.time_ns()
    new = State(state.key, dict(state.dirs), dict(state.jsonl), dict(state.store))
    todo: list[tuple[str, Any, int, int]] = []
    gone: list[str] = []
    changed = False
    relist: list[str] = []
    for prefix, mtime in state.dirs.items():
        try:
            st = os.stat(_join(root, prefix))
            ok = stat_mod.S_ISDIR(st.st_mode)
        except OSError:
            ok = False
        if not ok:  # gone (or no longer a folder): its articles and records go with it
            changed = True
            gone.extend(index.docs_under(prefix))
            for d in [d for d in new.dirs if d.startswith(prefix)]:
                del new.dirs[d]
            for j in [j for j in new.jsonl if j.startswith(prefix)]:
                del new.jsonl[j]
            continue
        if st.st_mtime_ns != mtime or mtime == UNKNOWN:
            changed = True
            new.dirs[prefix] = settled(st.st_mtime_ns, now)
            relist.append(prefix)
    gone_set = set(gone)
    new_jsonl: list[str] = []
    for prefix in relist:
        if prefix not in new.dirs:  # (inside a folder that is gone)
            continue
        t, g, found_jsonl = _relist(index, root, prefix, new, max_bytes, now,
                                    stat_all=prefix != own)
        todo.extend(t)
        gone.extend(i for i in g if i not in gone_set)
        new_jsonl.extend(j for j in found_jsonl if j not in new.jsonl)
    for rel in [*new.jsonl, *new_jsonl]:
        before = new.jsonl.get(rel)
        try:
            st = os.stat(_join(root, rel))
        except OSError:
            st = None
        if st is None:
            changed = True
            new.jsonl.pop(rel, None)
            gone.extend(index.records_of(rel))
            continue
        size, mtime = st.st_size, st.st_mtime_ns
        if before is not None and before[1] != UNKNOWN and before == (size, mtime):
            continue
        changed = True
        new.jsonl[rel] = (size, settled(mtime, now))
        t, g = _records(index, root, rel, text_field, max_bytes)
        todo.extend(t)
        gone.extend(g)
    # (a folder gone with its subfolders names their articles more than once)
    return Changes(todo, list(dict.fromkeys(gone)), new, changed)


def _article(path: str, entry_stat: os.stat_result, max_bytes: int) -> bool:
    """Whether a `.txt` is an article, as `reader.corpus.scan` decides (not empty, within
    the size cap, readable)."""
    return 0 < entry_stat.st_size <= max_bytes and os.access(path, os.R_OK)


def _relist(
    index: Any, root: Path, prefix: str, new: State, max_bytes: int, now: int,
    stat_all: bool = True,
) -> tuple[list[tuple[str, Any, int, int]], list[str], list[str]]:
    """(articles to index, ids to drop, JSON Lines files) of one changed folder. New
    subfolders are walked whole; with `stat_all`, the `.txt` files whose name stayed are
    stat-ed too."""
    path = _join(root, prefix)
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        entries = []
        new.dirs[prefix] = UNKNOWN
    txt: dict[str, os.DirEntry[str]] = {}
    subdirs: list[str] = []
    jsonl: list[str] = []
    for e in entries:
        name = e.name
        if name.startswith("."):
            continue
        try:
            if e.is_dir(follow_symlinks=True):
                sub = prefix + name + "/"
                if sub not in new.dirs:
                    if e.is_symlink():
                        raise NeedFullCheck(sub)
                    subdirs.append(sub)
            elif name.lower().endswith(".txt"):
                txt[prefix + name] = e
            elif _is_jsonl(name):
                jsonl.append(prefix + name)
        except OSError:
            continue
    known = index.docs_in(prefix, [d for d in new.dirs if d != prefix and d.startswith(prefix)
                                   and "/" not in d[len(prefix):-1]])
    todo = []
    gone = [i for i in known if i not in txt]
    for rel, e in txt.items():
        was = known.get(rel)
        if was is not None and not stat_all:
            continue
        try:
            st = e.stat(follow_symlinks=True)
        except OSError:
            continue
        if was == (st.st_size, st.st_mtime_ns):
            continue
        if _article(e.path, st, max_bytes):
            todo.append((rel, e.path, st.st_size, st.st_mtime_ns))
        elif was is not None:
            gone.append(rel)  # emptied, or grown past the size cap
    for sub in subdirs:
        t, j = _walk_new(root, sub, new, max_bytes, now)
        todo.extend(t)
        jsonl.extend(j)
    return todo, gone, jsonl


def _walk_new(
    root: Path, prefix: str, new: State, max_bytes: int, now: int
) -> tuple[list[tuple[str, Any, int, int]], list[str]]:
    """Every `.txt` article and JSON Lines file of a folder the index has not seen."""
    path = _join(root, prefix)
    try:
        st = os.stat(path)
        new.dirs[prefix] = settled(st.st_mtime_ns, now)
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        new.dirs[prefix] = UNKNOWN
        return [], []
    todo: list[tuple[str, Any, int, int]] = []
    jsonl: list[str] = []
    for e in entries:
        name = e.name
        if name.startswith("."):
            continue
        try:
            if e.is_dir(follow_symlinks=True):
                if e.is_symlink():
                    raise NeedFullCheck(prefix + name)
                t, j = _walk_new(root, prefix + name + "/", new, max_bytes, now)
                todo.extend(t)
                jsonl.extend(j)
            elif name.lower().endswith(".txt"):
                s = e.stat(follow_symlinks=True)
                if _article(e.path, s, max_bytes):
                    todo.append((prefix + name, e.path, s.st_size, s.st_mtime_ns))
            elif _is_jsonl(name):
                jsonl.append(prefix + name)
        except OSError:
            continue
    return todo, jsonl


def _records(
    index: Any, root: Path, rel: str, text_field: str | None, max_bytes: int
) -> tuple[list[tuple[str, Any, int, int]], list[str]]:
    """(records to index, ids to drop) of a new or changed JSON Lines file."""
    articles = jsonl_articles(root, rel, text_field, max_bytes)
    known = index.records_of(rel)
    todo = [(a.id, a.record, a.size, a.mtime_ns) for a in articles
            if known.get(a.id) != (a.size, a.mtime_ns)]
    ids = {a.id for a in articles}
    return todo, [i for i in known if i not in ids]


def jsonl_articles(root: Path, rel: str, text_field: str | None, max_bytes: int) -> list[Any]:
    """The records of one JSON Lines file as articles (from its saved record index when
    that is fresh: `reader.jsonl`)."""
    from reader.jsonl import open_indexer

    indexer = open_indexer(Path(_join(root, rel)), rel, text_field, max_bytes)
    try:
        indexer.run()
        found, _ = indexer.take()
    finally:
        indexer.close()
    return found


def record_file(article_id: str) -> str | None:
    """The JSON Lines file of a record's id (`file.jsonl#N`), None for a `.txt`."""
    head, sep, _ = article_id.partition("#")
    return head if sep and _is_jsonl(head) else None


def stored_evidence(
    index: Any, db_path: Path, corrections: Callable[[], list[Any]]
) -> tuple[list[Any], frozenset[str] | None] | None:
    """(corrections, repeated-line set) the index was built with, to split new articles
    as the others were split; None when they cannot be had (the corrections changed, or
    the repeated-line cache now holds another set): then the full check runs."""
    from reader.search.index import corrections_stamp

    context = index.context()
    if context is None:
        return None
    rep_digest, _, corr = context.partition(":")
    found = corrections()
    if corrections_stamp(found) != corr:
        return None
    if rep_digest == "none":
        return found, None
    import orjson

    from reader.cache import cache_path_for
    from reader.pipeline import digest, repeated_cache_path_for

    try:
        data = orjson.loads(repeated_cache_path_for(cache_path_for(db_path)).read_bytes())
        keys = data["keys"]
        repeated = frozenset(keys) if isinstance(keys, list) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if repeated is None or digest(repeated) != rep_digest:
        return None
    return found, repeated
