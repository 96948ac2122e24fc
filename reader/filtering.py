"""The `/` filter language: free text plus `tag:NAME`, `is:done`, `is:todo`, `is:skipped`,
`site:NAME` (the source or the URL's host contains NAME) and `date:FROM..TO` (ISO date
prefixes, either end optional: `date:2020-01..2020-06`, `date:2020`, `date:..2019-12-31`).

Kept apart from the UI so the same query can drive the list, the CLI and tests, and so a
100,000-article filter is a tight loop over plain strings rather than widget lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

STATUSES = ("done", "todo", "skipped")


@dataclass(frozen=True, slots=True)
class Query:
    text: tuple[str, ...] = ()  # lower-cased words that must all occur in the title or id
    tags: tuple[str, ...] = ()  # every one required
    status: str | None = None
    negated_tags: tuple[str, ...] = field(default=())
    sites: tuple[str, ...] = ()  # lower-cased; any one matching will do
    dates: tuple[tuple[str, str], ...] = ()  # (from, to) ISO prefixes, "" = open

    @property
    def empty(self) -> bool:
        return not (self.text or self.tags or self.status or self.negated_tags or self.meta)

    @property
    def meta(self) -> bool:
        return bool(self.sites or self.dates)


def date_range(value: str) -> tuple[str, str] | None:
    """`2020-01..2020-06` → ("2020-01", "2020-06"); `2020` → ("2020", "2020")."""
    lo, sep, hi = value.partition("..")
    if not sep:
        hi = lo
    ok = all(not part or (part[:4].isdigit() and all(c.isdigit() or c == "-" for c in part))
             for part in (lo, hi))
    return (lo, hi) if ok and (lo or hi) else None


def meta_matches(query: Query, source: str | None, date: str | None) -> bool:
    """`site:` and `date:` clauses for one article (source: lower-cased source and URL)."""
    if query.sites and not (source and any(s in source for s in query.sites)):
        return False
    for lo, hi in query.dates:
        if not date or (lo and date[: len(lo)] < lo) or (hi and date[: len(hi)] > hi):
            return False
    return True


def parse(query: str) -> Query:
    words: list[str] = []
    tags: list[str] = []
    negated: list[str] = []
    status: str | None = None
    sites: list[str] = []
    dates: list[tuple[str, str]] = []
    for token in query.split():
        low = token.lower()
        if low.startswith("site:") and len(token) > 5:
            sites.append(low[5:])
        elif low.startswith("date:") and date_range(low[5:]) is not None:
            dates.append(date_range(low[5:]))  # type: ignore[arg-type]
        elif low.startswith("tag:") and len(token) > 4:
            tags.append(token[4:])
        elif low.startswith("-tag:") and len(token) > 5:
            negated.append(token[5:])
        elif low.startswith("is:") and low[3:] in STATUSES:
            status = low[3:]
        else:
            words.append(low)
    return Query(tuple(words), tuple(tags), status, tuple(negated), tuple(sites), tuple(dates))


def filter_indices(
    query: Query,
    titles_lower: Sequence[str],
    tags_of: Callable[[int], Sequence[str]],
    status_of: Callable[[int], str],
    annotated: Callable[[], Iterable[tuple[int, str, Sequence[str]]]] | None = None,
    meta_of: Callable[[int], tuple[str | None, str | None]] | None = None,
) -> list[int]:
    """Indices of the entries that match, in order; `titles_lower` holds 'title id' lower-cased.

    `tags_of` and `status_of` answer per entry. When `annotated` is given it yields
    (index, status, tags) for just the entries that have a status or tags (everything else
    is "todo" with no tags), and tag and status clauses are answered from sets built from
    it: a 100,000-article corpus with a few hundred annotated articles then filters by
    `is:done` or `tag:x` without 100,000 store look-ups. `meta_of` answers `site:` and
    `date:` clauses: (lower-cased source and URL, ISO date) per entry.
    """
    n = len(titles_lower)
    if query.empty:
        return list(range(n))
    if query.meta:
        ok = [i for i in range(n) if meta_of is not None and meta_matches(query, *meta_of(i))]
        narrowed = Query(query.text, query.tags, query.status, query.negated_tags)
        if narrowed.empty:
            return ok
        keep = set(ok)
        return [i for i in filter_indices(narrowed, titles_lower, tags_of, status_of,
                                          annotated) if i in keep]
    candidates: list[int] | None = None
    for w in query.text:  # narrow word by word: the first word usually cuts the most
        if candidates is None:
            candidates = [i for i, t in enumerate(titles_lower) if w in t]
        else:
            candidates = [i for i in candidates if w in titles_lower[i]]
        if not candidates:
            return []
    if not (query.status or query.tags or query.negated_tags):
        return candidates if candidates is not None else list(range(n))
    need = {t.lower() for t in query.tags}
    avoid = {t.lower() for t in query.negated_tags}
    if annotated is not None:
        return _filter_annotated(query.status, need, avoid, candidates, n, annotated())
    if candidates is None:
        candidates = list(range(n))
    if query.status:
        candidates = [i for i in candidates if status_of(i) == query.status]
    if need or avoid:
        kept = []
        for i in candidates:
            have = {t.lower() for t in tags_of(i)}
            if need <= have and not (avoid & have):
                kept.append(i)
        candidates = kept
    return candidates


def _filter_annotated(
    status: str | None,
    need: set[str],
    avoid: set[str],
    candidates: list[int] | None,
    n: int,
    rows: Iterable[tuple[int, str, Sequence[str]]],
) -> list[int]:
    """Tag and status clauses from the annotated entries alone (see filter_indices)."""
    match: set[int] = set()  # annotated entries that pass every clause
    fail: set[int] = set()  # annotated entries that fail one
    for i, st, tags in rows:
        have = {t.lower() for t in tags}
        ok = (status is None or st == status) and need <= have and not (avoid & have)
        (match if ok else fail).add(i)
    # an entry with no state is "todo" with no tags
    plain_ok = (status is None or status == "todo") and not need
    if candidates is None:
        if not plain_ok:
            return sorted(i for i in match if 0 <= i < n)
        candidates = list(range(n))
    if plain_ok:
        return [i for i in candidates if i not in fail]
    return [i for i in candidates if i in match]
