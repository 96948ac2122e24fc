"""The answers `/` gives as the user types: the same results as `SearchIndex.search`, in
the order `reader.search.ranking` gives every path, cheap enough to draw with the keystroke
that asked for them.

What a keystroke costs at 100,000 articles, and what this module does about it:

- its own read connection to the index file (WAL: readers never wait for the writer
  that re-indexes an article just corrected, nor for the index's lock), whose queries
  ask every few thousand SQLite steps whether a newer keystroke has made them stale: a
  common word ("the": 99% of the articles, ~130 ms of BM25 in SQLite) typed on the way
  to a rarer one is abandoned, not finished;
- answers in the caller's article indices straight from FTS5 rowids (an array of
  rowid -> index read once, and again only when another connection changed the file):
  no join with `docs`, no article ids built and looked up per matching row;
- words and phrases alone (what typing asks most): the rows of one BM25 query are the
  answer, without a separate query for the matching set;
- BM25 ordering by two stable sorts on C-level keys instead of a tuple per row;
- the sets of the last few words and the last few answers are kept, so that
  backspacing, or adding a word, does not ask SQLite again for what it just said.

Nothing here knows the UI: `reader.tui.search` schedules it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from reader.filtering import AnyOf, Facts, Meta, Not, Query, Text, evaluate
from reader.search import ranking

if TYPE_CHECKING:
    from reader.search.index import DocInfo, SearchIndex

ANSWERS_KEPT = 16  # whole answers (text-only queries) kept, most recent first
TERMS_KEPT = 32  # one word's or phrase's matching set, per scope
CHECK_EVERY = 5000  # SQLite virtual-machine steps between two looks at `cancelled`


class Interrupted(Exception):
    """A newer keystroke asked for another answer: this one is abandoned."""


class LiveSearch:
    """`/`'s queries over one `SearchIndex`; `answer` may run in any thread (one at a
    time)."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        # (an in-memory index, in tests, is read through its own connection: its lock)
        self._lock: threading.Lock | threading.RLock = (
            threading.Lock() if index.path is not None else index._lock)
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file opened
        self._version: int | None = None
        self._where: array[int] = array("i")  # rowid -> article index (-1: none)
        self._where_of: tuple[int, int] | None = None  # (id(index_of), len) it was made for
        # (kept as arrays of C ints: 100,000 hits are 400 kB, not 3.6 MB of int objects)
        self._answers: OrderedDict[object, array[int]] = OrderedDict()
        self._terms: OrderedDict[tuple[Text, str], array[int]] = OrderedDict()

    # -- the connection --------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        path = self.index.path
        if path is None:  # an in-memory index (tests): share its connection
            return self.index.db
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                             isolation_level=None)
        db.execute("PRAGMA query_only=ON")
        self._file = _identity(path)
        return db

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._connect()
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None and self._db is not self.index._db:
                self._db.close()
            self._db = None

    def _sync(self, index_of: Mapping[str, int]) -> None:
        """Forget what was read when the index file changed (an article re-indexed) or
        the corpus did; read rowid -> article index again then. A file rebuilt from
        scratch (another version, too many tombstones) is another file: opened anew."""
        path = self.index.path
        if path is not None and self._db is not None:
            now = _identity(path)
            if now is not None and now != self._file:
                self._db.close()
                self._db, self._version = None, None
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        key = (id(index_of), len(index_of))
        if version == self._version and key == self._where_of and self.index.path:
            return  # (an in-memory index shares its connection: no version to go by)
        self._answers.clear()
        self._terms.clear()
        rows = self.db.execute("SELECT rowid, id FROM docs WHERE error IS NULL").fetchall()
        # (every FTS row was once a `docs` row: AUTOINCREMENT's counter bounds them all,
        # tombstones of deleted articles included, so rowids index the array unchecked)
        seq = self.db.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'docs'").fetchone()
        top = max(max((r for r, _ in rows), default=0), seq[0] if seq else 0)
        where = array("i", [-1]) * (top + 1)
        get = index_of.get
        for r, article_id in rows:
            k = get(article_id)
            if k is not None:
                where[r] = k
        self._where, self._where_of, self._version = where, key, version

    def _rows(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):  # the progress handler said stale
                raise Interrupted from None
            return []  # (an expression FTS5 cannot read matches nothing, as in index.py)

    def _watch(self, cancelled: Callable[[], bool] | None) -> None:
        """Abort this connection's statements when `cancelled()` (None: stop asking)."""
        if cancelled is None:
            self.db.set_progress_handler(None, 0)
        else:
            self.db.set_progress_handler(lambda: 1 if cancelled() else 0, CHECK_EVERY)

    # -- answering -------------------------------------------------------------------

    def answer(self, query: Query, index_of: Mapping[str, int], facts: Facts | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> list[int] | None:
        """Indices (into the corpus whose ids `index_of` maps) of the articles matching
        `query`, best first as `SearchIndex.rank` orders them; None when interrupted or
        `cancelled()` said so meanwhile."""
        with self._lock:
            shared = self.index.path is None
            if not shared:
                self._watch(cancelled)
            try:
                return self._answer(query, index_of, facts or Facts(), cancelled)
            except Interrupted:
                return None
            finally:
                if not shared:
                    self._watch(None)

    def _answer(self, query: Query, index_of: Mapping[str, int], facts: Facts,
                cancelled: Callable[[], bool]) -> list[int] | None:
        if cancelled():
            return None
        self._sync(index_of)
        n = len(index_of)
        key = (query.clauses, query.scope, n) if _text_only(query) else None
        if key is not None and key in self._answers:
            self._answers.move_to_end(key)
            return list(self._answers[key])
        words = _conjunction(query)
        if words is not None:  # words and phrases only: one BM25 query is the answer
            ranked = self._rank_conjunction(query, words)
        else:
            if facts.speakers is None:
                facts.speakers = self.index.engine(index_of)[1]
            found = evaluate(query, n, self._text_engine(cancelled), facts)
            if cancelled():
                return None
            ranked = self._rank(query, found)
        if key is not None:
            self._answers[key] = array("i", ranked)
            if len(self._answers) > ANSWERS_KEPT:
                self._answers.popitem(last=False)
        return ranked

    def _text_engine(self, cancelled: Callable[[], bool]) -> Callable[[Text, str], set[int]]:
        from reader.search.ranking import COLUMNS, fts_phrase

        def run(term: Text, scope: str) -> set[int]:
            if cancelled():
                raise Interrupted
            key = (term, scope)
            hit = self._terms.get(key)
            if hit is not None:
                self._terms.move_to_end(key)
                return set(hit)
            where = self._where
            rows = self._rows("SELECT rowid FROM fts WHERE fts MATCH ?",
                              (f"{COLUMNS[scope]} : {fts_phrase(term)}",))
            found = set(map(where.__getitem__, map(itemgetter(0), rows)))  # type: ignore[arg-type]
            if scope == "all":
                top = len(where)  # (boilerplate lists keep rows of deleted articles)
                found.update(where[r] for r in self._boiler_rows(term) if r < top)
            found.discard(-1)
            self._terms[key] = array("i", found)
            if len(self._terms) > TERMS_KEPT:
                self._terms.popitem(last=False)
            return found

        return run

    def _boiler_rows(self, term: Text) -> set[int]:
        """Rows with a boilerplate line holding the term (as `SearchIndex._boiler_rows`)."""
        from reader.search.ranking import fts_phrase

        lines = [r for (r,) in self._rows("SELECT rowid FROM bfts WHERE bfts MATCH ?",
                                          (fts_phrase(term),))]
        found: set[int] = set()
        for k in range(0, len(lines), 500):
            chunk = lines[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for (blob,) in self._rows(f"SELECT docs FROM blines WHERE id IN ({marks})",
                                      tuple(chunk)):
                found.update(array("i", blob))  # type: ignore[arg-type]
        return found

    def _rank(self, query: Query, found: list[int]) -> list[int]:
        """`found` (corpus order) as `SearchIndex.rank` orders it: title hits first, then
        BM25 over the query's words, then corpus order."""
        positive = ranking.ranked_terms(query)
        if not positive or len(found) < 2:
            return found
        score = dict.fromkeys(found, 0.0)  # (a hit the expression does not score: 0.0)
        score.update(self._scored(ranking.scope_expr(query.scope, positive)))
        return self._order(found, score, positive)

    def _rank_conjunction(self, query: Query, words: list[Text]) -> list[int]:
        """The answer to words and phrases that must all occur: the rows of one BM25
        query over them all (BM25 sums over the phrases of the expression: for a row
        holding every one it is the same with AND as with the OR `_rank` asks for)."""
        score = self._scored(ranking.scope_expr(query.scope, words, "AND"))
        found = sorted(score)
        if len(found) < 2:
            return found
        return self._order(found, score, words)

    def _scored(self, expr: str) -> dict[int, float]:
        """Article index -> BM25 of the live rows matching an FTS5 expression (in C-level
        loops: 100,000 rows are a common word's)."""
        rows = self._rows(ranking.scored_sql(), (expr,))
        if not rows:
            return {}
        found = map(self._where.__getitem__, map(itemgetter(0), rows))  # type: ignore[arg-type]
        out = dict(zip(found, map(itemgetter(1), rows), strict=True))
        out.pop(-1, None)  # (tombstones: rows of articles indexed again or gone)
        return out  # type: ignore[return-value]

    def _order(self, found: list[int], score: dict[int, float], terms: list[Text]
               ) -> list[int]:
        """`found` (corpus order) by (title hit first, BM25, corpus order)."""
        rows = self._rows(ranking.MATCHING, (ranking.title_expr(terms),))
        in_title = set(map(self._where.__getitem__, map(itemgetter(0), rows)))  # type: ignore[arg-type]
        return ranking.best_first(found, score.__getitem__, in_title.__contains__)

    def warm(self, index_of: Mapping[str, int]) -> None:
        """Read what the first keystroke would otherwise wait for (rowid -> index)."""
        with self._lock:
            try:
                self._sync(index_of)
            except sqlite3.Error:  # (a head start only: the keystroke reads it, or says why)
                self._version = None

    def doc(self, article_id: str) -> DocInfo | None:
        """An article's title line and boilerplate lines (for its keyword in context),
        from this connection: never waits for the index's writer."""
        from reader.search.index import DocInfo, _unranges

        with self._lock:
            try:
                row = self.db.execute(
                    "SELECT rowid, id, title, title_line, boiler FROM docs WHERE id = ?",
                    (article_id,)).fetchone()
            except sqlite3.Error:
                return None
        if row is None:
            return None
        return DocInfo(row[0], row[1], row[2] or "", row[3], _unranges(row[4] or ""))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:  # (between a rebuild's delete and its new file: keep the open one)
        return None
    return st.st_dev, st.st_ino


def _conjunction(query: Query) -> list[Text] | None:
    """The query's words and phrases when it is nothing else (each must occur, in the
    body or title scope); None for any other query."""
    if query.scope not in ("body", "title") or not query.clauses:
        return None
    words = []
    for c in query.clauses:
        if not isinstance(c, Text) or not c.terms:
            return None
        words.append(c)
    return words


def _text_only(query: Query) -> bool:
    """The answer depends on the index alone (no annotation or metadata terms)."""
    for c in query.clauses:
        for t in c.terms if isinstance(c, AnyOf) else (c,):
            t = t.term if isinstance(t, Not) else t
            if isinstance(t, Meta):
                return False
    return True


def first_match(text: str, query: Query, info: DocInfo | None) -> tuple[int, int] | None:
    """(start, end) of the query's first match in the article's scope, as the first of
    `snippets_for` (the keyword-in-context line of a listed hit), without finding the
    others: the lines after the first that holds one are not tokenized."""
    from reader.search.index import scope_lines
    from reader.search.text import find_in_line, fold, token_spans

    terms = [t for t in query.text_terms() if t.terms]
    if not terms:
        return None
    firsts = {t.terms[0] for t in terms}
    boiler = info.boiler_lines if info else frozenset()
    title_line = info.title_line if info else None
    for _, base, line in scope_lines(text, query.scope, boiler, title_line):
        if not line:
            continue
        low = line.lower() if line.isascii() else fold(line)
        if not any(f in low for f in firsts):
            continue
        spans = token_spans(line)
        found = [m for t in terms for m in find_in_line(spans, t.terms, t.prefix)]
        if found:
            a, b = min(found)
            return base + a, base + b
    return None
