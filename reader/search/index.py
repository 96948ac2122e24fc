"""The full-text index of a corpus: SQLite FTS5 in one file beside the summary cache.

Why FTS5: it ships with Python's `sqlite3`, ranks by BM25, answers phrase and prefix
queries from its position lists, and keeps its data in one file we can throw away. The
table is *contentless* (`content=''`): it stores the postings, not the text, so the index
stays a fraction of the corpus; matches are placed in the text afterwards by
`reader.search.text` (the same tokenizer rules, in Python).

Columns of `fts`: `title` (the list's title and the article id) and `body` (every line that
is not boilerplate, the title line included). Boilerplate lines are the same menus and
footers in thousands of articles, so each distinct one is indexed once, as a row of
`bfts`, and `blines` lists the articles it occurs in (a third of the index otherwise).
The default scope searches title and body, `in:all` also the boilerplate lines, `in:title`
the title.

Like the summary cache it holds only derived data, never annotations: a file that is
stale (another version, other tokenizer rules, other detectors), corrupt or unreadable is
deleted and rebuilt silently. The body/boilerplate split is `reader.pipeline.article_marks`
with the corpus's repeated-line set and every correction (what `reader analyze` and the app
show). Updates are incremental by path, size and mtime; when the corpus evidence changes
(another repeated set, a new correction), each unchanged article is only *checked*: its
`evidence_stamp` (the repeated lines that occur in it, its corrections, what others'
corrections teach it) is recomputed, and it is re-extracted only when that differs from
the stamp stored with it. A contentless table cannot delete rows without their old text,
so a changed or deleted article leaves its old postings behind as a *tombstone* (its
`docs` row, which every query joins, is gone); when tombstones outnumber a quarter of the
live rows the index is rebuilt from scratch.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.cache_places import cache_beside, user_cache
from reader.filtering import Facts, Query, Text, evaluate
from reader.search import ranking
from reader.search.extract import Extract, extract_batch, title_text
from reader.search.ranking import COLUMNS, fts_phrase  # (also imported from here)
from reader.search.text import TOKENIZE, find_in_line, fold, token_spans, tokens
from reader.speaker_names import speaker_key

INDEX_VERSION = 3  # 3: the split of the one pipeline; evidence stamps
SNIPPET_CONTEXT = 40  # characters either side of a match in a snippet
REBUILD_SHARE = 0.25  # tombstones per live row that trigger a rebuild


def index_path_for(db_path: Path) -> Path:
    """`annotations.json` -> `annotations.search.sqlite`, beside it (like the summary
    cache); when that folder is not writable (a read-only corpus), the user cache folder,
    under a name made from the annotation file's path."""
    beside = db_path.with_name(db_path.stem + ".search.sqlite")
    if cache_beside(db_path, beside):
        return beside
    digest = hashlib.sha256(str(db_path.absolute()).encode()).hexdigest()[:16]
    return user_cache(f"search-{digest}.sqlite")


def corrections_stamp(corrections: Sequence[Any]) -> str:
    """A fingerprint of the corrections that shape one article's body and speakers."""
    if not corrections:
        return ""
    h = hashlib.sha1()
    for c in sorted(corrections, key=lambda c: getattr(c, "id", "")):
        h.update(repr(sorted(c.to_dict().items()) if hasattr(c, "to_dict") else c).encode())
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Snippet:
    line: int  # 1-based
    start: int  # offsets of the match in the article text
    end: int
    text: str  # the line around the match, on one line

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class DocInfo:
    rowid: int
    id: str
    title: str
    title_line: int | None
    boiler_lines: frozenset[int]


class IndexBroken(Exception):
    """The index file cannot be used; it is rebuilt."""


def evidence_context(repeated: frozenset[str] | None, corrections: Sequence[Any]) -> str:
    """The corpus-wide evidence an index was brought up to date with (stored in `meta`)."""
    from reader.pipeline import digest

    return f"{digest(repeated)}:{corrections_stamp(corrections)}"


class SearchIndex:
    """One corpus's index. Every method may be called from any thread (one lock)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._maps: tuple[dict[str, int], dict[int, str]] | None = None  # (lazy: 100k rows)
        self._speakers: list[tuple[int, tuple[tuple[frozenset[str], str], ...]]] | None = None
        self._line_text: dict[bytes, str] = {}
        self._pending_digest = ""
        self._pending_context = ""
        self.rebuilt = False  # the last open found no usable index
        self.quiet = False  # opened read-only by `open_quiet`

    # -- opening ------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        target = ":memory:" if self.path is None else str(self.path)
        db = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        # (takes effect only on a new file, before its first table: freed pages can be
        # given back after a merge without a full VACUUM)
        db.execute("PRAGMA auto_vacuum=INCREMENTAL")
        db.execute("PRAGMA journal_mode=WAL" if self.path else "PRAGMA journal_mode=MEMORY")
        db.execute("PRAGMA synchronous=OFF")  # derived data: a crash costs a rebuild
        return db

    def open(self) -> None:
        """Open (or create, or rebuild) the file."""
        with self._lock:
            if self._db is not None:
                return
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                db = self._connect()
                self._check(db)
            except (sqlite3.DatabaseError, IndexBroken):
                with contextlib.suppress(NameError, sqlite3.Error):
                    db.close()
                self._remove_files()
                db = self._connect()
                self._create(db)
                self.rebuilt = True
            self._db = db
            self._load_docs()

    @property
    def _rowid_of(self) -> dict[str, int]:
        return self._docs_maps()[0]

    @property
    def _id_of(self) -> dict[int, str]:
        return self._docs_maps()[1]

    def _docs_maps(self) -> tuple[dict[str, int], dict[int, str]]:
        """id -> rowid and back for the live rows, read when first needed (a query
        answers from joins and does not need them)."""
        maps = self._maps
        if maps is None:
            with self._lock:
                rows = self.db.execute(
                    "SELECT rowid, id FROM docs WHERE error IS NULL").fetchall()
                maps = self._maps = ({i: r for r, i in rows}, {r: i for r, i in rows})
        return maps

    def _remove_files(self) -> None:
        if self.path is None:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).unlink()

    @staticmethod
    def _check(db: sqlite3.Connection) -> None:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            SearchIndex._create(db)
            return
        if not {"meta", "docs", "fts", "blines", "bfts"} <= tables:
            raise IndexBroken("tables missing")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        from reader.cache import detector_stamp

        if (
            meta.get("version") != str(INDEX_VERSION)
            or meta.get("tokenize") != TOKENIZE
            or meta.get("detectors") != detector_stamp()
        ):
            raise IndexBroken("older index")
        db.execute("SELECT rowid FROM fts WHERE fts MATCH 'a' LIMIT 1").fetchall()

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        from reader.cache import detector_stamp

        db.executescript(
            f"""
            BEGIN;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE docs(
                rowid INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
                size INTEGER, mtime INTEGER, stamp TEXT, title TEXT, title_line INTEGER,
                boiler TEXT, speakers TEXT, error TEXT);
            CREATE VIRTUAL TABLE fts USING fts5(
                title, body, content='', tokenize='{TOKENIZE}');
            CREATE TABLE blines(id INTEGER PRIMARY KEY, key BLOB UNIQUE NOT NULL,
                docs BLOB NOT NULL);
            CREATE VIRTUAL TABLE bfts USING fts5(line, content='', tokenize='{TOKENIZE}');
            COMMIT;
            """
        )
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", str(INDEX_VERSION)), ("tokenize", TOKENIZE),
             ("detectors", detector_stamp()), ("tombstones", "0")],
        )

    def _load_docs(self) -> None:
        """Forget what was read of `docs` (it changed)."""
        self._maps = None
        self._speakers = None

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.open()
        assert self._db is not None
        return self._db

    def __len__(self) -> int:
        return len(self._rowid_of)

    # -- updating -----------------------------------------------------------------

    def stale(
        self, articles: Iterable[tuple[str, Path, int, int]], corrections: Sequence[Any] = (),
        repeated: frozenset[str] | None = None,
    ) -> tuple[list[tuple[str, str, int, int, str | None]], list[str]]:
        """(jobs: (id, path, size, mtime_ns, old stamp or None), ids to drop).

        A job with an old stamp is a check (file unchanged, evidence changed: see
        `extract_batch`). Sizes or mtimes of -1 (a lazily scanned corpus) are stat-ed
        here. When the corpus is listed exactly as after the last complete update (one
        digest of every id, size, mtime and the evidence), nothing is read of `docs`."""
        listed = []
        for article_id, path, size, mtime in articles:
            if size < 0 or mtime < 0:
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                size, mtime = st.st_size, st.st_mtime_ns
            listed.append((article_id, path, size, mtime))
        context = evidence_context(repeated, corrections)
        digest = _digest(listed, context)
        self._pending_digest = digest
        self._pending_context = context
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key='digest'").fetchone()
            had = self.db.execute("SELECT value FROM meta WHERE key='context'").fetchone()
        if row is not None and row[0] == digest:
            return [], []
        same_evidence = had is not None and had[0] == context
        with self._lock:
            known = {
                i: (s, m, st)
                for i, s, m, st in self.db.execute("SELECT id, size, mtime, stamp FROM docs")
            }
        jobs: list[tuple[str, str, int, int, str | None]] = []
        seen = set()
        for article_id, path, size, mtime in listed:
            seen.add(article_id)
            k = known.get(article_id)
            if k is not None and k[:2] == (size, mtime) and same_evidence:
                continue
            old = k[2] if k is not None and k[:2] == (size, mtime) else None
            # (a JSON Lines record's locator travels as it is: `reader.corpus.locator`)
            where = str(path) if isinstance(path, (str, os.PathLike)) else path
            jobs.append((article_id, where, size, mtime, old))
        gone = [i for i in known if i not in seen]
        return jobs, gone

    def update(
        self,
        articles: Sequence[tuple[str, Path, int, int]],
        corrections: Sequence[Any] = (),
        *,
        repeated: frozenset[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        jobs: int = 1,
        max_bytes: int = 20 * 1024 * 1024,
        batch: int = 16,
        processes: bool | None = None,
    ) -> bool:
        """Bring the index up to date with `articles` ((id, path, size, mtime_ns)), split
        with the corpus's `repeated` lines and every correction of the store.

        `progress(done, total)` is called after each batch; work is committed as it goes,
        so an interrupted build resumes where it stopped. Detection runs in `jobs` worker
        processes (`processes`, default: when jobs > 1; the app wants them even for one,
        so that the pure-Python detection never holds the GIL its UI thread needs) unless
        there are only a few articles. Returns False when cancelled."""
        use_pool = jobs > 1 if processes is None else processes
        corrections = list(corrections)
        todo, gone = self.stale(articles, corrections, repeated)
        digest, context = self._pending_digest, self._pending_context
        if not todo and not gone:
            if progress is not None:
                progress(0, 0)
            self._set_digest(digest, context)
            return True
        with self._lock:
            dead = self._tombstones() + len(gone) + sum(
                1 for j in todo if j[4] is None and j[0] in self._rowid_of)
            if len(self._rowid_of) and dead > REBUILD_SHARE * max(len(self._rowid_of), 1000):
                self.close()
                self._remove_files()
                self.open()
                todo, gone = self.stale(articles, corrections, repeated)
            if gone:
                self._drop(gone)
        total = len(todo)
        if progress is not None:
            progress(0, total)
        if not todo:
            self._set_digest(digest, context)
            return True
        done = 0
        ok = True
        pending: list[Extract] = []
        last = time.monotonic()
        for extracts in self._extracts(todo, corrections, repeated, jobs, max_bytes, batch,
                                       cancelled, use_pool):
            pending.extend(extracts)
            done += len(extracts)
            # one transaction a second: FTS5 merges fewer, smaller segments
            if len(pending) >= 2048 or time.monotonic() - last > 1.0:
                self._write(pending)
                pending, last = [], time.monotonic()
            if progress is not None:
                progress(done, total)
            if cancelled():
                ok = False
                break
        if pending:
            self._write(pending)
        if done >= 1000 and done * 10 >= len(self._rowid_of) + done:
            self.optimize()
        with self._lock:
            self._load_docs()
        if ok and done == total:
            self._set_digest(digest, context)
        return ok and done == total

    def _set_digest(self, digest: str, context: str) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('digest', ?)", (digest,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('context', ?)", (context,))

    def optimize(self) -> None:
        """Merge the index into one segment and give the freed pages back (after a big
        build: a smaller file and faster queries)."""
        with self._lock:
            db = self.db
            db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            db.execute("INSERT INTO bfts(bfts) VALUES ('optimize')")
            # (executescript: `execute` would step the pragma once, freeing one page)
            db.executescript("PRAGMA incremental_vacuum;")

    def refresh(self, articles: Sequence[tuple[str, Path, int, int]],
                corrections: Sequence[Any] = (), max_bytes: int = 20 * 1024 * 1024,
                repeated: frozenset[str] | None = None) -> int:
        """Re-index just these articles where they changed (an edit, or a correction made
        in the app, theirs or one that teaches them); nothing else is touched. Returns how
        many were indexed again."""
        corrections = list(corrections)
        with self._lock:
            known = {}
            for article_id, *_ in articles:
                row = self.db.execute("SELECT size, mtime, stamp FROM docs WHERE id = ?",
                                      (article_id,)).fetchone()
                known[article_id] = tuple(row) if row else None
        todo: list[tuple[str, str, int, int, str | None]] = []
        for article_id, path, _size, _mtime in articles:  # (stat-ed afresh)
            try:
                st = os.stat(path)
            except OSError:
                continue
            k = known.get(article_id)
            old = k[2] if k is not None and k[:2] == (st.st_size, st.st_mtime_ns) else None
            todo.append((article_id, str(path), st.st_size, st.st_mtime_ns, old))
        extracts = [e for e in extract_batch(todo, corrections, max_bytes, repeated)
                    if not e.unchanged] if todo else []
        if extracts:
            self._write(extracts)
            with self._lock:
                self._load_docs()
                self.db.execute("DELETE FROM meta WHERE key = 'digest'")
        return len(extracts)

    # -- freshness: `reader search`'s quick check (reader.search.freshness) ------------

    def open_quiet(self) -> bool:
        """Open the index read-only without a trace in its folder; True when opened so.

        A connection to a WAL database creates its `-wal` and `-shm` files and the last
        one to close deletes them, which changes the mtime of the folder holding the index
        (often the corpus's top folder, which the quick check watches). SQLite's
        `immutable` mode reads the file alone; it is used only when no `-wal` or
        `-journal` file exists (no other connection has the index open, and everything
        committed is in the file) and the index checks out. False otherwise: `open`
        it as usual (and for any write)."""
        with self._lock:
            if self._db is not None:
                return False
            if self.path is None or not self.path.exists() or any(
                    Path(str(self.path) + s).exists() for s in ("-wal", "-journal")):
                return False
            try:
                db = sqlite3.connect(self.path.absolute().as_uri() + "?immutable=1",
                                     uri=True, check_same_thread=False, isolation_level=None)
            except sqlite3.Error:
                return False
            try:
                self._check(db)
            except (sqlite3.Error, IndexBroken):
                db.close()
                return False
            self._db = db
            self.quiet = True
            self._load_docs()
            return True

    def writable(self) -> None:
        """Reopen as usual when opened by `open_quiet` (before a write)."""
        with self._lock:
            if self.quiet:
                self.close()
                self.quiet = False
            self.open()

    def fresh_token(self) -> str | None:
        """The token of the quick check's state (`reader.search.freshness.load_state`)."""
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key='fresh'").fetchone()
        return row[0] if row else None

    def set_fresh_token(self, token: str | None) -> None:
        with self._lock:
            if self.quiet:
                self.writable()
            if token is None:
                self.db.execute("DELETE FROM meta WHERE key='fresh'")
            else:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fresh', ?)", (token,))

    def context(self) -> str | None:
        """The evidence (`evidence_context`) the index was last brought up to date with."""
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key='context'").fetchone()
        return row[0] if row else None

    def _range(self, prefix: str, columns: str = "id, size, mtime",
               skip: Sequence[str] = ()) -> list[tuple[Any, ...]]:
        """Rows of `docs` whose id starts with `prefix`, leaving out the ranges `skip`
        (each id index lookup a range: a folder's own files without its subfolders')."""
        bounds = [prefix]
        for s in sorted(skip):
            bounds += [s, s + "\U0010ffff"]
        bounds.append(prefix + "\U0010ffff")
        out: list[tuple[Any, ...]] = []
        with self._lock:
            for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
                out += self.db.execute(
                    f"SELECT {columns} FROM docs WHERE id >= ? AND id < ?", (lo, hi))
        return out

    def docs_under(self, prefix: str) -> list[str]:
        """Ids of every article (and record) in a folder and its subfolders."""
        return [i for (i,) in self._range(prefix, "id")]

    def docs_in(self, prefix: str, subfolders: Sequence[str] = ()) -> dict[str, tuple[int, int]]:
        """id -> (size, mtime_ns) of the `.txt` articles right in a folder (`prefix` ""
        or ending in "/"; `subfolders`, its known ones, are skipped by range)."""
        from reader.search.freshness import record_file

        n = len(prefix)
        return {i: (s, m) for i, s, m in self._range(prefix, skip=subfolders)
                if "/" not in i[n:] and record_file(i) is None}

    def records_of(self, rel: str) -> dict[str, tuple[int, int]]:
        """id -> (size, mtime_ns) of the records of one JSON Lines file."""
        return {i: (s, m) for i, s, m in self._range(rel + "#")}

    def doc_stamps(self, ids: Sequence[str]) -> dict[str, tuple[int, int, str]]:
        """id -> (size, mtime_ns, title) as indexed (one query for many)."""
        out: dict[str, tuple[int, int, str]] = {}
        id_list = list(ids)
        with self._lock:
            for k in range(0, len(id_list), 900):
                chunk = id_list[k : k + 900]
                out.update((i, (s, m, t or "")) for i, s, m, t in self.db.execute(
                    "SELECT id, size, mtime, title FROM docs WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk))
        return out

    def apply(
        self,
        todo: Sequence[tuple[str, Any, int, int]],
        gone: Sequence[str],
        corrections: Sequence[Any],
        repeated: frozenset[str] | None,
        *,
        progress: Callable[[int, int], None] | None = None,
        jobs: int = 1,
        max_bytes: int = 20 * 1024 * 1024,
        batch: int = 16,
    ) -> bool:
        """Index just `todo` ((id, path or record, size, mtime_ns)) and drop `gone`: what
        the quick check found changed, split with the evidence the index holds. False
        (nothing done) when the tombstones this would leave call for a rebuild: the
        caller then runs the full `update`, which rebuilds."""
        corrections = list(corrections)
        with self._lock:
            if self.quiet:
                self.writable()
            live = self.db.execute("SELECT count(*) FROM docs").fetchone()[0]
            replaced = len(self.doc_stamps([t[0] for t in todo]))
            dead = self._tombstones() + len(gone) + replaced
            if live and dead > REBUILD_SHARE * max(live, 1000):
                return False
            if gone:
                self._drop(gone)
        items = [(i, str(p) if isinstance(p, (str, os.PathLike)) else p, s, m, None)
                 for i, p, s, m in todo]
        done = 0
        if progress is not None:
            progress(0, len(items))
        pending: list[Extract] = []
        for extracts in self._extracts(items, corrections, repeated, jobs, max_bytes, batch,
                                       lambda: False, jobs > 1):
            pending.extend(extracts)
            done += len(extracts)
            if len(pending) >= 2048:
                self._write(pending)
                pending = []
            if progress is not None:
                progress(done, len(items))
        if pending:
            self._write(pending)
        with self._lock:
            self._load_docs()
            self.db.execute("DELETE FROM meta WHERE key = 'digest'")
        return True

    def _tombstones(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='tombstones'").fetchone()
        return int(row[0]) if row else 0

    def _drop(self, ids: Sequence[str]) -> None:
        db = self.db
        db.execute("BEGIN")
        db.executemany("DELETE FROM docs WHERE id = ?", [(i,) for i in ids])
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key='tombstones'",
                   (len(ids),))
        db.execute("COMMIT")

    def _write(self, extracts: Sequence[Extract]) -> None:
        with self._lock:
            db = self.db
            db.execute("BEGIN")
            try:
                replaced = 0
                lines: dict[bytes, list[int]] = {}  # boilerplate line key -> new rows
                for e in extracts:
                    if e.unchanged:
                        continue
                    old = db.execute("SELECT rowid FROM docs WHERE id = ?", (e.id,)).fetchone()
                    if old is not None:
                        db.execute("DELETE FROM docs WHERE rowid = ?", old)
                        replaced += 1
                    cur = db.execute(
                        "INSERT INTO docs(id, size, mtime, stamp, title, title_line, boiler,"
                        " speakers, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (e.id, e.size, e.mtime_ns, e.stamp, e.title, e.title_line,
                         _ranges(e.boiler_lines), "\n".join(e.speakers), e.error),
                    )
                    if e.error is None:
                        db.execute(
                            "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
                            (cur.lastrowid, title_text(e.title, e.id), e.body),
                        )
                        for line in e.boiler:
                            lines.setdefault(_line_key(line), []).append(cur.lastrowid)
                            self._line_text[_line_key(line)] = line
                self._write_lines(db, lines)
                self._line_text.clear()
                if replaced:
                    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? "
                               "WHERE key='tombstones'", (replaced,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _write_lines(self, db: sqlite3.Connection, lines: dict[bytes, list[int]]) -> None:
        """Add rows to the article lists of boilerplate lines; index new lines once."""
        for key, rows in lines.items():
            found = db.execute("SELECT id, docs FROM blines WHERE key = ?", (key,)).fetchone()
            add = array("i", rows).tobytes()
            if found is None:
                cur = db.execute("INSERT INTO blines(key, docs) VALUES (?, ?)", (key, add))
                db.execute("INSERT INTO bfts(rowid, line) VALUES (?, ?)",
                           (cur.lastrowid, self._line_text[key]))
            else:
                db.execute("UPDATE blines SET docs = ? WHERE id = ?", (found[1] + add, found[0]))

    @staticmethod
    def _extracts(
        todo: list[tuple[str, str, int, int, str | None]],
        corrections: list[Any],
        repeated: frozenset[str] | None,
        jobs: int,
        max_bytes: int,
        batch: int,
        cancelled: Callable[[], bool],
        use_pool: bool,
    ) -> Iterable[list[Extract]]:
        # a very large article comes last, in a process of its own that a quit terminates
        # (`reader.apart`): in this thread or in a pool's worker the app's exit waited for it
        from reader.cache import BIG_FILE
        from reader.search.extract import extracts_apart

        big = [j for j in todo if j[2] > BIG_FILE]
        yield from SearchIndex._extracts_here([j for j in todo if not j[2] > BIG_FILE],
                                              corrections, repeated, jobs, max_bytes, batch,
                                              cancelled, use_pool)
        if big and not cancelled():
            yield from extracts_apart(big, corrections, max_bytes, repeated, cancelled)

    @staticmethod
    def _extracts_here(
        todo: list[tuple[str, str, int, int, str | None]],
        corrections: list[Any],
        repeated: frozenset[str] | None,
        jobs: int,
        max_bytes: int,
        batch: int,
        cancelled: Callable[[], bool],
        use_pool: bool,
    ) -> Iterable[list[Extract]]:
        chunks = [todo[i : i + batch] for i in range(0, len(todo), batch)]
        if not use_pool or len(todo) <= 64:
            for chunk in chunks:
                yield extract_batch(chunk, corrections, max_bytes, repeated)
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

        from reader.cache import _lower_priority, _start_resource_tracker

        if os.name == "posix":
            _start_resource_tracker()
        try:
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_lower_priority)
        except (OSError, ValueError, NotImplementedError):
            for chunk in chunks:
                yield extract_batch(chunk, corrections, max_bytes, repeated)
            return
        pending: set[Future[list[Extract]]] = set()
        nxt = 0
        try:
            while nxt < len(chunks) or pending:
                while nxt < len(chunks) and len(pending) < 2 * jobs:
                    pending.add(pool.submit(extract_batch, chunks[nxt], corrections, max_bytes,
                                             repeated))
                    nxt += 1
                done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                if cancelled():
                    return
                for future in done:
                    yield future.result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    # -- querying -----------------------------------------------------------------

    def _match(self, expr: str) -> list[tuple[str, float]]:
        """(id, BM25 score) of the live articles matching an FTS5 expression."""
        with self._lock:
            try:
                return [(i, s) for _, s, i in
                        self.db.execute(ranking.scored_sql("d.id"), (expr,))]
            except sqlite3.OperationalError:
                return []

    def _match_ids(self, expr: str) -> set[str]:
        """Ids of the live articles matching an FTS5 expression."""
        with self._lock:
            try:
                return {i for (i,) in self.db.execute(
                    "SELECT d.id FROM fts JOIN docs d ON d.rowid = fts.rowid "
                    "WHERE fts MATCH ?", (expr,))}
            except sqlite3.OperationalError:
                return set()

    def ids(self, term: Text, scope: str) -> set[str]:
        """Ids of the live articles whose `scope` holds the term."""
        found = self._match_ids(f"{COLUMNS[scope]} : {fts_phrase(term)}")
        if scope == "all":
            id_of = self._id_of
            found.update(id_of[r] for r in self._boiler_rows(term) if r in id_of)
        return found

    def _boiler_rows(self, term: Text) -> set[int]:
        """Rows (live or not) with a boilerplate line holding the term."""
        phrase = fts_phrase(term)
        found: set[int] = set()
        with self._lock:
            try:
                lines = [r for (r,) in self.db.execute(
                    "SELECT rowid FROM bfts WHERE bfts MATCH ?", (phrase,))]
            except sqlite3.OperationalError:
                lines = []
            for k in range(0, len(lines), 500):
                chunk = lines[k : k + 500]
                marks = ",".join("?" * len(chunk))
                for (blob,) in self.db.execute(
                        f"SELECT docs FROM blines WHERE id IN ({marks})", chunk):
                    found.update(array("i", blob))
        return found

    def speaker_ids(self, name: str) -> set[str]:
        """Articles with a quotation whose speaker's name holds every word of `name`, or
        is the same speaker as the overview counts them (`speaker_key`: "North Korea" and
        "the North Korean government")."""
        want = set(tokens(name))
        if not want:
            return set()
        key = speaker_key(name)
        with self._lock:
            if self._speakers is None:
                rows = self.db.execute(
                    "SELECT id, speakers FROM docs WHERE speakers != ''").fetchall()
                self._speakers = [
                    (r, tuple((frozenset(tokens(s)), speaker_key(s)) for s in sp.split("\n")))
                    for r, sp in rows
                ]
            cached = self._speakers
        return {r for r, names in cached if any(want <= t or k == key for t, k in names)}

    def engine(self, index_of: dict[str, int]) -> tuple[Callable[[Text, str], set[int]],
                                                          Callable[[str], set[int]]]:
        """(text engine, speaker lookup) answering in the caller's article indices."""
        def to_indices(ids: Iterable[str]) -> set[int]:
            get = index_of.get
            return {k for k in map(get, ids) if k is not None}

        return (lambda term, scope: to_indices(self.ids(term, scope)),
                lambda name: to_indices(self.speaker_ids(name)))

    def rank(self, query: Query, ids: Sequence[str]) -> list[str]:
        """`ids` best first: title hits, then BM25 over the query's words; the rest (no
        words in the query) keep their order."""
        terms = ranking.ranked_terms(query)
        if not terms or len(ids) < 2:
            return list(ids)
        score = dict.fromkeys(ids, 0.0)  # (a hit the expression does not score: 0.0)
        score.update(self._match(ranking.scope_expr(query.scope, terms)))
        in_title = self._match_ids(ranking.title_expr(terms))
        return ranking.best_first(ids, score.__getitem__, in_title.__contains__)

    def all_ids(self) -> list[str]:
        """Every indexed article, by id."""
        with self._lock:
            # (the id index in order; the few unreadable articles taken out after)
            bad = {i for (i,) in self.db.execute(
                "SELECT id FROM docs WHERE error IS NOT NULL")}
            rows = self.db.execute("SELECT id FROM docs ORDER BY id")
            return [i for (i,) in rows if i not in bad] if bad else [i for (i,) in rows]

    def search(self, query: Query, facts: Facts | None = None,
               article_ids: Sequence[str] | None = None) -> list[str]:
        """Ids of the matching articles, best first."""
        ids = list(article_ids) if article_ids is not None else self.all_ids()
        index_of = {i: k for k, i in enumerate(ids)}
        text_engine, speakers = self.engine(index_of)
        facts = facts or Facts()
        if facts.speakers is None:
            facts.speakers = speakers
        found = evaluate(query, len(ids), text_engine, facts)
        return self.rank(query, [ids[k] for k in found])

    def hit_counts(self, query: Query, ids: Sequence[str], budget: int = 400_000,
                   rowids: dict[int, str] | None = None) -> dict[str, int] | None:
        """Matches per article, from the index's positions (no article is read), for the
        default body scope: the number of snippets `snippets_for` would give. None when
        the scope is another, or when the terms occur so often across the corpus (more
        than `budget` positions) that reading the matching articles is cheaper.
        `rowids` (row id -> id of `ids`, when the caller has them) saves their look-up."""
        terms = [t for t in query.text_terms() if t.terms]
        if query.scope != "body" or not ids:
            return None
        if not terms:
            return dict.fromkeys(ids, 0)
        with self._lock:
            db = self.db
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_rows "
                       "USING fts5vocab(main, fts, row)")
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_hits "
                       "USING fts5vocab(main, fts, instance)")

            def where(term: str, prefix: bool) -> tuple[str, tuple[str, ...]]:
                if prefix:
                    return "term >= ? AND term < ?", (term, term + "\U0010ffff")
                return "term = ?", (term,)

            total = 0
            for t in terms:
                for k, w in enumerate(t.terms):
                    cond, args = where(w, t.prefix and k == len(t.terms) - 1)
                    total += db.execute(f"SELECT coalesce(sum(cnt), 0) FROM temp.fts_rows "
                                        f"WHERE {cond}", args).fetchone()[0]
                    if total > budget:
                        return None
            wanted: dict[int, str] = dict(rowids or {})
            id_list = [] if rowids is not None else list(ids)
            for k in range(0, len(id_list), 900):
                chunk = id_list[k : k + 900]
                wanted.update(db.execute(
                    f"SELECT rowid, id FROM docs WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk))
            counts = dict.fromkeys(wanted, 0)
            for t in terms:
                positions: list[dict[int, set[int]]] = []
                for k, w in enumerate(t.terms):
                    cond, args = where(w, t.prefix and k == len(t.terms) - 1)
                    at: dict[int, set[int]] = {}
                    for doc, off in db.execute(
                        f"SELECT doc, offset FROM temp.fts_hits WHERE {cond} AND col = 'body'",
                        args,
                    ):
                        if doc in counts:
                            at.setdefault(doc, set()).add(off)
                    positions.append(at)
                first = positions[0]
                for doc, starts in first.items():
                    if len(positions) == 1:
                        counts[doc] += len(starts)
                        continue
                    rest = [positions[k].get(doc, set()) for k in range(1, len(positions))]
                    counts[doc] += sum(
                        1 for p in starts if all(p + k in at for k, at in enumerate(rest, 1)))
        return {wanted[r]: n for r, n in counts.items()}

    def titles(self, ids: Sequence[str]) -> dict[str, str]:
        """The list's title of each article (one query for many)."""
        out: dict[str, str] = {}
        id_list = list(ids)
        with self._lock:
            for k in range(0, len(id_list), 900):
                chunk = id_list[k : k + 900]
                out.update((i, t or "") for i, t in self.db.execute(
                    f"SELECT id, title FROM docs WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk))
        return out

    def doc(self, article_id: str) -> DocInfo | None:
        with self._lock:
            row = self.db.execute(
                "SELECT rowid, id, title, title_line, boiler FROM docs WHERE id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        return DocInfo(row[0], row[1], row[2] or "", row[3], _unranges(row[4] or ""))


def _digest(listed: Sequence[tuple[str, Any, int, int]], context: str) -> str:
    """One fingerprint of a corpus listing (ids, sizes, mtimes) and its evidence."""
    import marshal

    flat = [(i, s, m) for i, _, s, m in listed]
    return hashlib.sha1(marshal.dumps((context, flat))).hexdigest()


def _line_key(line: str) -> bytes:
    return hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=12).digest()


def _ranges(lines: Sequence[int]) -> str:
    """1,2,3,7,9,10 -> "1-3,7,9-10": boilerplate comes in runs; this keeps `docs` small."""
    out: list[str] = []
    run: list[int] = []
    for n in sorted(lines):
        if run and n == run[-1] + 1:
            run[-1] = n
            continue
        if run:
            out.append(f"{run[0]}-{run[1]}" if run[1] != run[0] else str(run[0]))
        run = [n, n]
    if run:
        out.append(f"{run[0]}-{run[1]}" if run[1] != run[0] else str(run[0]))
    return ",".join(out)


def _unranges(s: str) -> frozenset[int]:
    out: set[int] = set()
    for part in s.split(","):
        if not part:
            continue
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return frozenset(out)


# -- placing matches in the text -------------------------------------------------------


def scope_lines(text: str, scope: str, boiler: frozenset[int] | Iterable[int],
                title_line: int | None) -> list[tuple[int, int, str]]:
    """(line number, offset, line) of the lines a scope searches."""
    boiler = frozenset(boiler)
    out = []
    pos = 0
    for n, line in enumerate(text.split("\n"), 1):
        if scope == "all" or (scope == "body" and n not in boiler) or (
            scope == "title" and n == title_line
        ):
            out.append((n, pos, line))
        pos += len(line) + 1
    return out


def find_matches(
    text: str, terms: Sequence[Text], scope: str = "body",
    boiler: Iterable[int] = (), title_line: int | None = None,
) -> list[tuple[int, int, int]]:
    """(line, start, end) of every match of any of `terms` in the scope's lines of `text`,
    in text order (overlapping matches of different terms are all kept)."""
    terms = [t for t in terms if t.terms]
    if not terms:
        return []
    firsts = {t.terms[0] for t in terms}
    out: list[tuple[int, int, int]] = []
    for n, base, line in scope_lines(text, scope, boiler, title_line):
        if not line:
            continue
        low = line.lower() if line.isascii() else fold(line)
        if not any(f in low for f in firsts):  # cheap test before tokenizing
            continue
        spans = token_spans(line)
        for t in terms:
            for a, b in find_in_line(spans, t.terms, t.prefix):
                out.append((n, base + a, base + b))
    out.sort()
    return out


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """The line around text[start:end], cut to `context` characters either side."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    a = max(ls, start - context)
    b = min(le, end + context)
    s = " ".join(text[a:b].split())
    return ("…" if a > ls else "") + s + ("…" if b < le else "")


def snippets_for(text: str, query: Query, info: DocInfo | None) -> list[Snippet]:
    boiler = info.boiler_lines if info else frozenset()
    title_line = info.title_line if info else None
    return [
        Snippet(n, a, b, snippet(text, a, b))
        for n, a, b in find_matches(text, query.text_terms(), query.scope, boiler, title_line)
    ]
