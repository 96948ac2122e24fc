"""The one ranking of search hits, shared by every path that answers a query.

Three paths answer queries over the index, each shaped by what it must be fast at:
`SearchIndex.search` (article ids; the reference), `reader search`'s `hits.word_hits`
(ids, titles and file stamps from one joined pass) and the app's `live.LiveSearch`
(article indices from rowids, as the user types). They must list the same articles in
the same order, so what decides the order lives here, once:

- which words rank (`ranked_terms`: the query's words and phrases outside negations),
- the FTS5 expressions scored and the one that says "a title hit" (`scope_expr`,
  `title_expr`), and the SQL that scores them (`scored_sql`, `MATCHING`),
- the order (`best_first`): title hits first, then BM25 (lower is better in SQLite),
  then the caller's own order (corpus order, or ids), by two stable sorts on C-level
  keys: a common word's 100,000 hits are ordered without a tuple per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import filterfalse
from typing import TypeVar

from reader.filtering import Query, Text

K = TypeVar("K")

MATCHING = "SELECT rowid FROM fts WHERE fts MATCH ?"  # the rows an expression matches
COLUMNS = {"body": "{title body}", "all": "{title body}", "title": "{title}"}  # per scope


def fts_phrase(term: Text) -> str:
    """A text term in FTS5 query syntax: its tokens as one quoted phrase."""
    return '"' + " ".join(term.terms) + '"' + (" *" if term.prefix else "")


def scored_sql(docs_columns: str = "") -> str:
    """SQL giving `rowid, bm25` of the rows matching an FTS5 expression (`?`), followed
    by the `docs` columns named (as `d.id, d.title`, ...) when a caller needs them."""
    if not docs_columns:
        return "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?"
    return (f"SELECT fts.rowid, bm25(fts), {docs_columns} FROM fts "
            "JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?")


def ranked_terms(query: Query) -> list[Text]:
    """The words and phrases that rank the hits (negated ones do not: they are absent)."""
    return [t for t in query.text_terms() if t.terms]


def scope_expr(scope: str, terms: Sequence[Text], op: str = "OR") -> str:
    """The FTS5 expression scored: the terms, joined by `op`, in the scope's columns.
    (BM25 sums over the phrases: a row holding every term scores the same under AND as
    under OR, which lets a query of words alone be matched and scored in one pass.)"""
    return f"{COLUMNS[scope]} : ({f' {op} '.join(fts_phrase(t) for t in terms)})"


def title_expr(terms: Sequence[Text]) -> str:
    """The FTS5 expression of the hits whose title holds one of the terms."""
    return f"{{title}} : ({' OR '.join(fts_phrase(t) for t in terms)})"


def best_first(items: Iterable[K], score: Callable[[K], float],
               in_title: Callable[[K], bool]) -> list[K]:
    """`items` (in the caller's order, which breaks ties) by title hit first, then BM25."""
    ordered = sorted(items, key=score)  # stable
    first = list(filter(in_title, ordered))
    return first + list(filterfalse(in_title, ordered)) if first else ordered
