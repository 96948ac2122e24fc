"""The title shown for an article: the detected headline, else the first non-blank line."""

from __future__ import annotations

from reader.corpus import first_line_title


def title_of(text: str) -> str:
    try:
        from reader.marks import headline_text
    except ImportError:  # detection not available: fall back to the first line
        return first_line_title(text)
    title = headline_text(text)
    return title if title else first_line_title(text)
