"""Counts in messages, with the noun agreeing: `1 article`, `2 articles`.

Messages said "1 article(s), 0 highlight(s)", "1 import conflict(s)": a form a reader has
to decode, in the lines a coder reads most (what an export wrote, what is left to
adjudicate). Kept free of Textual so the commands and the app say it alike.
"""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 quotation`, `2 quotations`, `1,204 articles`: the count with its noun agreeing;
    `many` for a noun whose plural is not `word` + s (`journal entries`)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"
