"""The `/` filter language: free text plus `tag:NAME`, `is:done`, `is:todo`, `is:skipped`.

Kept apart from the UI so the same query can drive the list, the CLI and tests, and so a
100,000-article filter is a tight loop over plain strings rather than widget lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

STATUSES = ("done", "todo", "skipped")


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
) -> list[int]:
    """Indices of the entries that match; `titles_lower` holds 'title id' lower-cased."""
    n = len(titles_lower)
    if query.empty:
        return list(range(n))
    if query.text:
        words = query.text
        if len(words) == 1:
            w = words[0]
            candidates = [i for i, t in enumerate(titles_lower) if w in t]
        else:
            candidates = [i for i, t in enumerate(titles_lower) if all(w in t for w in words)]
    else:
        candidates = list(range(n))
    if query.status:
        candidates = [i for i in candidates if status_of(i) == query.status]
    if query.tags or query.negated_tags:
        need = {t.lower() for t in query.tags}
        avoid = {t.lower() for t in query.negated_tags}
        kept = []
        for i in candidates:
            have = {t.lower() for t in tags_of(i)}
            if need <= have and not (avoid & have):
                kept.append(i)
        candidates = kept
    return candidates
