"""What the index stores of one article: its title, body and boilerplate lines, speakers.

Runs in worker processes (pure Python, no Textual, no SQLite): one detection pass per
article, with the user's corrections, splits its lines into the body (the title line
included) and the boilerplate, exactly as `reader analyze` marks them. Body lines are
joined with `LINE_MARK` (a private-use character the tokenizer keeps as a word of its
own), so a phrase can never match across two lines, and a match always has one line to be
shown on; boilerplate lines are kept one by one (the index stores each distinct one once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.search.text import LINE_MARK

JOIN = f" {LINE_MARK} "


@dataclass(frozen=True, slots=True)
class Extract:
    id: str
    size: int
    mtime_ns: int
    stamp: str  # the corrections it was made with
    title: str
    title_line: int | None  # 1-based
    body: str  # body lines joined with JOIN
    boiler: tuple[str, ...]  # the distinct boilerplate lines (with words)
    boiler_lines: tuple[int, ...]  # 1-based: boilerplate and blank lines (in runs)
    speakers: tuple[str, ...]
    error: str | None = None


def title_text(title: str, article_id: str) -> str:
    """The title column: the list's title and the article id (so an id can be found)."""
    return f"{title}{JOIN}{article_id}"


def split_lines(
    text: str, corrections: Sequence[Any]
) -> tuple[str, int | None, list[int], tuple[str, ...]]:
    """(title, title line, boilerplate line numbers, speakers) of a text, as corrected."""
    from reader.corpus import first_line_title

    if corrections:
        from annotations.export.corrected import corrected_marks

        marks = corrected_marks(text, corrections)
    else:
        from reader.marks import analyze

        marks = analyze(text)
    lines = text.split("\n")
    title = ""
    if marks.title_line is not None and 0 < marks.title_line <= len(lines):
        title = " ".join(lines[marks.title_line - 1].split())[:300]
    speakers = tuple(sorted({q.speaker for q in marks.quotes if q.speaker}))
    return title or first_line_title(text), marks.title_line, marks.boilerplate_lines, speakers


def extract_text(
    article_id: str, text: str, size: int, mtime_ns: int, stamp: str,
    corrections: Sequence[Any] = (),
) -> Extract:
    title, title_line, boiler, speakers = split_lines(text, corrections)
    lines = text.split("\n")
    bp = set(boiler)
    body = JOIN.join(line for n, line in enumerate(lines, 1) if n not in bp and line.strip())
    rest = tuple(dict.fromkeys(lines[n - 1] for n in boiler
                               if 0 < n <= len(lines) and lines[n - 1].strip()))
    # blank lines hold no words: counted with the boilerplate, the runs are longer and
    # the stored list shorter ("41-52" rather than "41-42,44,46-47,...")
    skipped = sorted(bp.union(n for n, line in enumerate(lines, 1) if not line.strip()))
    return Extract(article_id, size, mtime_ns, stamp, title, title_line, body, rest,
                   tuple(skipped), speakers)


def extract_batch(
    items: Sequence[tuple[str, str, int, int, str]],
    corrections: Sequence[Any],
    max_bytes: int,
) -> list[Extract]:
    """Extracts for (id, path, size, mtime_ns, stamp) items; a worker process runs this.

    Only the corrections that concern an article (or every article) are applied to it."""
    from reader.corpus import ArticleError, read_located

    out: list[Extract] = []
    for article_id, path, size, mtime_ns, stamp in items:
        try:
            text = read_located(path, max_bytes).text  # a path, or a JSON Lines record
        except ArticleError as exc:
            out.append(Extract(article_id, size, mtime_ns, stamp, "", None, "", (), (), (),
                               str(exc)))
            continue
        mine = [c for c in corrections if getattr(c, "article", None) in (None, "", article_id)]
        out.append(extract_text(article_id, text, size, mtime_ns, stamp, mine))
    return out
