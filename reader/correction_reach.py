"""Which articles a line correction can reach, told from the raw text in a few substring tests.

After `z` the app counts the lines the correction changed across the corpus
(`reader.pipeline.remark_changes`). Working out an article's line keys and learned verdicts
costs about a millisecond; most articles hold none of the lines the correction speaks
about, and that can be ruled out far more cheaply. Every rule of `annotations.learning`
needs some line's normalised key (`reader.marks.text.normalise_line`: NFKC, quotes and
dashes folded, whitespace collapsed, case folded) to equal a known key: the corrected
line's; on its site, its neighbours' too, or the line's shape with its digits set aside.
A key's whitespace-free pieces are then substrings of the whole text put through the same
steps but the whitespace collapsing (which changes nothing inside a piece). So an article
whose folded text lacks one of the pieces cannot be reached and is skipped unanalysed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from annotations.learning import LINE_KINDS, shape, site_of, template_of


def _pieces(key: str) -> list[str]:
    """The whitespace-free pieces of a normalised key."""
    return [p for p in key.split(" ") if p]


def _shape_pieces(masked: str) -> list[str]:
    """The pieces of a shape (digits read as "0") that every line of that shape holds."""
    return [p for chunk in _pieces(masked) for p in chunk.split("0") if p]


def _normalise(line: str) -> str:
    from reader.marks.text import normalise_line

    return normalise_line(line)


def folded(text: str) -> str:
    """The text as `normalise_line` sees each line, but for whitespace collapsing."""
    from reader.marks.text import _fold  # the quote and dash folding of normalise_line

    if text.isascii():
        return text.lower()
    if not unicodedata.is_normalized("NFKC", text):  # (most texts are: a quick check)
        # line by line, only the lines that need it: much faster than the whole text
        text = "\n".join([line if line.isascii() else unicodedata.normalize("NFKC", line)
                          for line in text.split("\n")])
    return _fold(text).casefold()


def might_reach(correction: Any) -> Callable[[str, str], bool]:
    """A test `(article id, text) -> False` only for articles `correction` cannot change.

    The correction's own article is always reached; a correction that is not a line
    correction reaches everything (no filtering), and so does a key with no piece.
    """
    if correction.kind not in LINE_KINDS or not correction.text:
        return lambda article_id, text: True
    key = _normalise(correction.text)
    same_text = _pieces(key)
    template = template_of(correction)
    # on the correction's site: lines of the same shape, and lines between its neighbours
    site_ways: list[list[str]] = []
    if template is not None:
        masked = shape(key)
        if masked is not None:
            site_ways.append(_shape_pieces(masked))
        site_ways.append(_pieces(template.above) + _pieces(template.below))

    def test(article_id: str, text: str) -> bool:
        if article_id == correction.article:
            return True
        hay = folded(text)
        if all(p in hay for p in same_text):
            return True
        if template is None or site_of(article_id) != template.site:
            return False
        return any(all(p in hay for p in pieces) for pieces in site_ways)

    return test
