"""What `Z` (this line is boilerplate in every article) would change, counted before asking.

A corpus-wide correction is the one key whose reach a coder cannot see from the article in
front of them, so the app counts first and asks: "N lines in M articles". Lines are
compared the way the correction will apply them (`annotations.export.corrected`), so the
count is what the correction does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.corpus import Article, ArticleError, read_article


@dataclass(frozen=True, slots=True)
class Reach:
    lines: int
    articles: int
    unreadable: int = 0


def _normalise(s: str) -> str:
    try:
        from reader.marks.text import normalise_line
    except ImportError:  # the detectors are optional here too
        return " ".join(s.split()).casefold()
    return normalise_line(s)


def count_everywhere(
    articles: Iterable[Article],
    line: str,
    max_bytes: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> Reach | None:
    """Lines equal to `line` (normalised) in every article; None when cancelled."""
    wanted = _normalise(line)
    lines = hits = unreadable = 0
    for article in articles:
        if cancelled():
            return None
        try:
            text = read_article(article, max_bytes).text  # a .txt or a JSON Lines record
        except ArticleError:
            unreadable += 1
            continue
        if line.strip() and line.strip() not in text and wanted not in text.casefold():
            continue  # the cheap test first: most articles do not hold the line at all
        n = sum(1 for raw in text.split("\n") if raw.strip() and _normalise(raw) == wanted)
        if n:
            lines += n
            hits += 1
    return Reach(lines, hits, unreadable)
