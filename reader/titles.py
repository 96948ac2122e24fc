"""What the list shows for an article: the detected headline, else the first non-blank line.

Titles and the boilerplate share come from one detection pass, so the background indexer
reads and analyses each article once.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.corpus import first_line_title


@dataclass(frozen=True, slots=True)
class TextSummary:
    title: str
    words: int
    share: float | None  # share of characters on boilerplate lines


def summarize_text(text: str) -> TextSummary:
    from reader.marks import analyze

    marks = analyze(text)
    lines = text.split("\n")
    title = ""
    if marks.title_line is not None and 0 < marks.title_line <= len(lines):
        title = " ".join(lines[marks.title_line - 1].split())[:300]
    total = sum(len(line) for line in lines)
    bp = sum(len(lines[n - 1]) for n in marks.boilerplate_lines)
    return TextSummary(
        title or first_line_title(text), len(text.split()), bp / total if total else None
    )


def title_of(text: str) -> str:
    return summarize_text(text).title
