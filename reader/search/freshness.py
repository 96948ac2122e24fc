"""Is the search index still the corpus? The quick check `reader search` makes by default.

Stat-ing every file of a 100,000-article corpus costs 0.2 s, and the whole search has a
budget of about 0.24 s (issue 14: ten times faster than `grep -rlwi`). So by default
`reader search` stats far fewer things and still catches what a user does to a corpus
between two searches:

1. files added, removed or renamed: a folder's mtime changes when an entry is added to it,
   removed from it or renamed in it. Every folder's mtime is recorded (`state_path`),
   taken *before* the folder is listed, so a file added while it is being listed is
   caught the next time. A folder whose mtime changed is listed again: its `.txt` files
   are stat-ed and the new or changed ones indexed, the vanished ones dropped; a new
   subfolder is walked; a folder that is gone takes its articles with it;
2. JSON Lines files (few, and scrapers append to them) are always stat-ed; a changed one
   is indexed again (from its saved record index: only new or changed records are read);
3. every article a query hits is stat-ed before it is printed (`reader.commands.search`),
   and indexed again, the query run again, when it changed: no stale hit, title or snippet
   offset is ever printed;
4. the annotation file and its journal are stat-ed; when they changed, the corrections
   are read, and when those differ from what the index was built with, the full check
   runs (every article's split may change).

The index often lives in the corpus's top folder, so a search must not change that
folder itself: the index is read without creating SQLite's `-wal` and `-shm` files
(`SearchIndex.open_quiet`) and the state is kept in a file beside it, rewritten in place.
A search that writes the index (something changed) changes the folder once; the next one
lists it again.

What it misses: a `.txt` edited in place (its folder's mtime stays) so that it now
matches a query it did not match before; it is indexed again when a query hits it, or by
`reader search --update`, which stats every file (the app does that too). A folder mtime
recorded less than `RACY_NS` after it was set may still change within the same clock
tick, so it is recorded as unknown and the folder is listed again next time (git's "racy"
rule).

New and changed articles are split with the evidence the index was built with: its
repeated-line set (from the repeated-line cache, when that cache's set is the index's) and
the corrections. When that evidence cannot be had, the full check runs instead. The
repeated-line set itself is recounted only by the full check.
"""
from __future__ import annotations

import os
import stat as stat_mod
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.corpus import not_utf8

RACY_NS = 2_000_000_000  # a folder or file changed less than this before it was stat-ed
UNKNOWN = -1  # a recorded mtime that always counts as changed

# `annotations.journal.JOURNAL_SUFFIX` (not imported: it pulls in TinyDB, a tenth of the
# time a search may take; tests/search/test_freshness.py checks they agree)
JOURNAL_SUFFIX = ".journal"

STATE_VERSION = 1


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


def state_path(index_path: Path) -> Path:
    """Beside the index: `annotations.search.sqlite` -> `annotations.search.sqlite.fresh`.

    Not a table of the index: writing the index makes SQLite's `-wal` file come and go,
    which changes the mtime of the folder holding it, often the corpus's own top folder;
    the state must be recordable without changing what it records. This file is
    rewritten in place (a folder's mtime changes only when an entry is added, removed or
    renamed), and the index is read without a trace (`SearchIndex.open_quiet`)."""
    return index_path.with_name(index_path.name + ".fresh")


def load_state(path: Path, token: str | None) -> State | None:
    """The recorded state, or None when there is none or it is not this index's (`token`,
    kept in the index's `meta`, is new at every full check: an index rebuilt since, by the
    app or an older reader, or a full check that did not finish, has another or none)."""
    import orjson

    if token is None:
        return None
    try:
        data = orjson.loads(path.read_bytes())
        if data["version"] != STATE_VERSION or data["token"] != token:
            return None
        state = State(data["key"], {d: int(m) for d, m in data["dirs"].items()},
                      {j: (int(v[0]), int(v[1])) for j, v in data["jsonl"].items()},
                      {f: (int(v[0]), int(v[1])) for f, v in data["store"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    return state if "" in state.dirs else None


def save_state(path: Path, state: State, token: str) -> None:
    """Write the state in place (no new directory entry once the file exists). A torn
    write leaves a file that does not parse: the next search makes the full check."""
    import orjson

    payload = orjson.dumps({
        "version": STATE_VERSION, "token": token, "key": state.key, "dirs": state.dirs,
        "jsonl": state.jsonl, "store": state.store,
    })
    try:
        with open(path, "r+b" if path.exists() else "wb") as f:
            f.write(payload)
            f.truncate()
    except OSError:
        pass  # (derived data: the next search makes the full check again)


def new_token() -> str:
    return os.urandom(8).hex()


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


def _listing(path: str) -> list[tuple[str, os.DirEntry[str]]] | None:
    """A folder's entries as `reader.corpus.scan` sees them, each with its kind ("dir",
    "txt", "jsonl"; others and hidden names left out), or None when it cannot be listed.
    The three walks below (snapshot, a changed folder, a new folder) share it."""
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        return None
    out = []
    for e in entries:
        name = e.name
        if name.startswith(".") or not_utf8(name):  # (scan leaves such names out too)
            continue
        try:
            if e.is_dir(follow_symlinks=True):
                out.append(("dir", e))
            elif name.lower().endswith(".txt"):
                out.append(("txt", e))
            elif _is_jsonl(name):
                out.append(("jsonl", e))
        except OSError:
            continue
    return out


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
        listing = _listing(path)
        if listing is None:
            dirs[prefix] = UNKNOWN
            return
        for kind, e in listing:
            if kind == "dir":
                walk(e.path, prefix + e.name + "/")
            elif kind == "jsonl":
                try:
                    s = e.stat(follow_symlinks=True)
                except OSError:
                    continue
                jsonl[prefix + e.name] = (s.st_size, settled(s.st_mtime_ns, now))

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
) -> Changes:
    """Compare the corpus with the recorded state; raises NeedFullCheck (see there)."""
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
        t, g, found_jsonl = _relist(index, root, prefix, new, max_bytes, now)
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
    index: Any, root: Path, prefix: str, new: State, max_bytes: int, now: int
) -> tuple[list[tuple[str, Any, int, int]], list[str], list[str]]:
    """(articles to index, ids to drop, JSON Lines files) of one changed folder: every
    `.txt` in it is stat-ed (an editor that saves by renaming a new file over the old one
    changes the folder too); new subfolders are walked whole."""
    listing = _listing(_join(root, prefix))
    if listing is None:
        listing = []
        new.dirs[prefix] = UNKNOWN
    txt: dict[str, os.DirEntry[str]] = {}
    subdirs: list[str] = []
    jsonl: list[str] = []
    for kind, e in listing:
        rel = prefix + e.name
        if kind == "dir":
            if rel + "/" not in new.dirs:
                if e.is_symlink():
                    raise NeedFullCheck(rel + "/")
                subdirs.append(rel + "/")
        elif kind == "txt":
            txt[rel] = e
        else:
            jsonl.append(rel)
    known = index.docs_in(prefix, [d for d in new.dirs if d != prefix and d.startswith(prefix)
                                   and "/" not in d[len(prefix):-1]])
    todo = []
    gone = [i for i in known if i not in txt]
    for rel, e in txt.items():
        was = known.get(rel)
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
    except OSError:
        listing = None
    else:
        new.dirs[prefix] = settled(st.st_mtime_ns, now)
        listing = _listing(path)
    if listing is None:
        new.dirs[prefix] = UNKNOWN
        return [], []
    todo: list[tuple[str, Any, int, int]] = []
    jsonl: list[str] = []
    for kind, e in listing:
        rel = prefix + e.name
        if kind == "dir":
            if e.is_symlink():
                raise NeedFullCheck(rel)
            t, j = _walk_new(root, rel + "/", new, max_bytes, now)
            todo.extend(t)
            jsonl.extend(j)
        elif kind == "txt":
            try:
                s = e.stat(follow_symlinks=True)
            except OSError:
                continue
            if _article(e.path, s, max_bytes):
                todo.append((rel, e.path, s.st_size, s.st_mtime_ns))
        else:
            jsonl.append(rel)
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


def jsonl_articles(root: Path, rel: str, text_field: str | None, max_bytes: int,
                   *, beside: bool = True) -> list[Any]:
    """The records of one JSON Lines file as articles (from its saved record index when
    that is fresh: `reader.jsonl`; `beside=False` for a file opened alone as the corpus)."""
    from reader.jsonl import open_indexer

    indexer = open_indexer(Path(_join(root, rel)), rel, text_field, max_bytes, beside=beside)
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
