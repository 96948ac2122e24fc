"""The `/` filter language: free text plus `tag:NAME`, `is:done`, `is:todo`, `is:skipped`.

Kept apart from the UI so the same query can drive the list, the CLI and tests, and so a
100,000-article filter is a tight loop over plain strings rather than widget lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotations.tags import normalize_tag

STATUSES = ("done", "todo", "skipped")


def tag_key(tag: str) -> str:
    """How the filter compares tags: the store's one spelling, without case."""
    return normalize_tag(tag).lower()


@dataclass(frozen=True, slots=True)
class Query:
    text: tuple[str, ...] = ()  # lower-cased words that must all occur in the title or id
    tags: tuple[str, ...] = ()  # every one required
    status: str | None = None
    negated_tags: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.text or self.tags or self.status or self.negated_tags)


def parse(query: str) -> Query:
    words: list[str] = []
    tags: list[str] = []
    negated: list[str] = []
    status: str | None = None
    for token in query.split():
        low = token.lower()
        if low.startswith("tag:") and len(token) > 4:
            tags.append(token[4:])
        elif low.startswith("-tag:") and len(token) > 5:
            negated.append(token[5:])
        elif low.startswith("is:") and low[3:] in STATUSES:
            status = low[3:]
        else:
            words.append(low)
    return Query(tuple(words), tuple(tags), status, tuple(negated))


def filter_indices(
    query: Query,
    titles_lower: Sequence[str],
    tags_of: Callable[[int], Sequence[str]],
    status_of: Callable[[int], str],
    annotated: Callable[[], Iterable[tuple[int, str, Sequence[str]]]] | None = None,
) -> list[int]:
    """Indices of the entries that match, in order; `titles_lower` holds 'title id' lower-cased.

    `tags_of` and `status_of` answer per entry. When `annotated` is given it yields
    (index, status, tags) for just the entries that have a status or tags (everything else
    is "todo" with no tags), and tag and status clauses are answered from sets built from
    it: a 100,000-article corpus with a few hundred annotated articles then filters by
    `is:done` or `tag:x` without 100,000 store look-ups.
    """
    n = len(titles_lower)
    if query.empty:
        return list(range(n))
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
    need = {tag_key(t) for t in query.tags}
    avoid = {tag_key(t) for t in query.negated_tags}
    if annotated is not None:
        return _filter_annotated(query.status, need, avoid, candidates, n, annotated())
    if candidates is None:
        candidates = list(range(n))
    if query.status:
        candidates = [i for i in candidates if status_of(i) == query.status]
    if need or avoid:
        kept = []
        for i in candidates:
            have = {tag_key(t) for t in tags_of(i)}
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
        have = {tag_key(t) for t in tags}
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
