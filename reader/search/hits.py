"""`reader search`'s answer to a query of words: matches, ranks, titles and file stamps
from one pass over the index's `docs` table.

A query is cheap for FTS5 (the row ids matching "minister" in 100,000 articles: ~1 ms);
what costs is reading a row of `docs` for each hit (~8 µs each: a b-tree lookup and a
row decode). `SearchIndex.search` reads them for the ids, again for the BM25 scores, and
the CLI then for the titles, the file stamps it checks (`reader.search.freshness`) and
the hit counts: five passes, ~60 ms at 1,500 hits. Here the ids, stamps, titles and
scores come from one joined query; term sets and title hits are taken as row ids from
FTS5 alone. The order is `reader.search.ranking`'s, as for every path: title hits first,
then BM25, then id.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from reader.filtering import AnyOf, Query, Text


@dataclass(frozen=True, slots=True)
class Hit:
    rowid: int
    id: str
    size: int
    mtime_ns: int
    title: str


def only_words(query: Query) -> bool:
    """Every clause a word, phrase or prefix (or an OR of them), in the default or the
    title scope: no negation, no annotation term, no boilerplate lines to look up."""
    def word(t: Any) -> bool:
        return isinstance(t, Text) and bool(t.terms)

    return query.scope in ("body", "title") and bool(query.clauses) and all(
        all(word(t) for t in c.terms) if isinstance(c, AnyOf) else word(c)
        for c in query.clauses)


def word_hits(index: Any, query: Query) -> list[Hit]:
    """The live articles matching a query of words (`only_words`), best first."""
    from reader.search import ranking

    db = index.db
    with index._lock:
        def rowids(expr: str) -> set[int]:
            return {r for (r,) in db.execute(ranking.MATCHING, (expr,))}

        allowed: set[int] | None = None
        if len(query.clauses) > 1:
            for c in query.clauses:
                terms = c.terms if isinstance(c, AnyOf) else (c,)
                part = rowids(ranking.scope_expr(query.scope, terms))
                allowed = part if allowed is None else allowed & part
                if not allowed:
                    return []
        words = ranking.ranked_terms(query)
        rows = db.execute(ranking.scored_sql("d.id, d.size, d.mtime, d.title"),
                          (ranking.scope_expr(query.scope, words),)).fetchall()
        in_title = rowids(ranking.title_expr(words))
    if allowed is not None:
        rows = [r for r in rows if r[0] in allowed]
    rows.sort(key=itemgetter(2))  # ids: the order ties keep, as `SearchIndex.search`'s
    rows = ranking.best_first(rows, itemgetter(1), lambda r: r[0] in in_title)
    return [Hit(r[0], r[2], r[3], r[4], r[5] or "") for r in rows]
