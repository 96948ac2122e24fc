"""Lines that recur across the articles of a corpus.

A line printed on many pages of a corpus (a menu item, a footer, a newsletter prompt) is
almost never article text; this is the one piece of evidence a single page cannot give, so
it is an optional input to `analyze`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reader.marks.text import text_keys

DEFAULT_MIN_DOCS = 3


def count_lines(texts: Iterable[str]) -> Counter[str]:
    """Number of texts each normalised non-blank line occurs in (once per text)."""
    c: Counter[str] = Counter()
    for text in texts:
        c.update(text_keys(text))
    return c


def repeated_lines(texts: Iterable[str], min_docs: int = DEFAULT_MIN_DOCS) -> frozenset[str]:
    """Normalised lines found in at least `min_docs` of `texts`."""
    return frozenset(k for k, n in count_lines(texts).items() if n >= min_docs)
