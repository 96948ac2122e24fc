"""What the index stores of one article: its title, body and boilerplate lines, speakers.

Runs in worker processes (pure Python, no Textual, no SQLite): one pass of the one
pipeline (`reader.pipeline.article_marks`: the corpus's repeated lines and every
correction of the store, learned ones included) splits an article's lines into the body
(the title line included) and the boilerplate, exactly as `reader analyze` and the app
mark them. Body lines are
joined with `LINE_MARK` (a private-use character the tokenizer keeps as a word of its
own), so a phrase can never match across two lines, and a match always has one line to be
shown on; boilerplate lines are kept one by one (the index stores each distinct one once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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
    unchanged: bool = False  # a check found the stored extract still right: nothing to write


def title_text(title: str, article_id: str) -> str:
    """The title column: the list's title and the article id (so an id can be found)."""
    return f"{title}{JOIN}{article_id}"


def split_lines(
    text: str, corrections: Sequence[Any], *, article_id: str | None = None,
    repeated: frozenset[str] | None = None, line_keys: list[str] | None = None,
) -> tuple[str, int | None, list[int], tuple[str, ...]]:
    """(title, title line, boilerplate line numbers, speakers) of a text, as corrected.

    With `article_id`, `corrections` may be every correction of the store (others'
    line corrections teach this article); `repeated` is the corpus's repeated-line set."""
    from reader.corpus import first_line_title
    from reader.pipeline import article_marks

    if article_id is None:  # (only this article's corrections: none can be learned)
        article_id = next((c.article for c in corrections if getattr(c, "article", None)), "")
    marks = article_marks(text, article_id, repeated=repeated, corrections=corrections,
                          line_keys=line_keys)
    lines = text.split("\n")
    title = ""
    if marks.title_line is not None and 0 < marks.title_line <= len(lines):
        title = " ".join(lines[marks.title_line - 1].split())[:300]
    speakers = tuple(sorted({q.speaker for q in marks.article_quotes if q.speaker}))
    return title or first_line_title(text), marks.title_line, marks.boilerplate_lines, speakers


def evidence_stamp(
    text: str, article_id: str, repeated: frozenset[str] | None, corrections: Sequence[Any],
    keys: list[str] | None = None,
) -> str:
    """A fingerprint of everything from outside an article that shapes its split: the
    repeated lines that occur in it, its own corrections and the verdicts other articles'
    line corrections teach it. Far cheaper than detection, so that a new repeated set or
    a new correction re-extracts only the articles whose result could change."""
    import hashlib

    from annotations.learning import learned_verdicts
    from reader.marks.text import text_line_keys

    if keys is None:
        keys = text_line_keys(text)
    h = hashlib.sha1()
    if repeated is None:
        h.update(b"no evidence\0")
    else:
        for key in sorted(set(keys).intersection(repeated)):
            h.update(key.encode("utf-8", "surrogatepass") + b"\0")
        # (and the lines of it that its site's template made the headline:
        # `headline_slots.Evidence`)
        for key in sorted(set(keys).intersection(getattr(repeated, "titles", ()))):
            h.update(b"\2" + key.encode("utf-8", "surrogatepass"))
    h.update(b"\1")
    mine = [c for c in corrections if getattr(c, "article", None) in (None, "", article_id)]
    for c in sorted(mine, key=lambda c: getattr(c, "id", "")):
        h.update(repr(sorted(c.to_dict().items()) if hasattr(c, "to_dict") else c).encode())
    h.update(b"\1")
    learned = learned_verdicts(text, article_id, corrections, keys) if corrections else {}
    h.update(repr(sorted(learned.items())).encode())
    return h.hexdigest()[:16]


def extract_text(
    article_id: str, text: str, size: int, mtime_ns: int, stamp: str,
    corrections: Sequence[Any] = (), *, repeated: frozenset[str] | None = None,
    line_keys: list[str] | None = None,
) -> Extract:
    title, title_line, boiler, speakers = split_lines(
        text, corrections, article_id=article_id, repeated=repeated, line_keys=line_keys)
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
    items: Sequence[tuple[str, str, int, int, str | None]],
    corrections: Sequence[Any],
    max_bytes: int,
    repeated: frozenset[str] | None = None,
) -> list[Extract]:
    """Extracts for (id, path, size, mtime_ns, old stamp) items; a worker process runs this.

    Every correction of the store goes to each article (its own apply, others' teach it).
    An item with an old stamp (its file unchanged, the corpus evidence changed) is only
    checked: when its `evidence_stamp` is still that, it comes back `unchanged`."""
    from reader.corpus import ArticleError, read_located
    from reader.marks.text import text_line_keys

    out: list[Extract] = []
    for article_id, path, size, mtime_ns, old in items:
        try:
            text = read_located(path, max_bytes).text  # a path, or a JSON Lines record
        except ArticleError as exc:
            out.append(Extract(article_id, size, mtime_ns, "", "", None, "", (), (), (),
                               str(exc)))
            continue
        keys = text_line_keys(text)
        stamp = evidence_stamp(text, article_id, repeated, corrections, keys)
        if old is not None and old == stamp:
            out.append(Extract(article_id, size, mtime_ns, stamp, "", None, "", (), (), (),
                               unchanged=True))
            continue
        out.append(extract_text(article_id, text, size, mtime_ns, stamp, corrections,
                                repeated=repeated, line_keys=keys))
    return out


# what a very large article's extract runs in (`reader.apart`; a test slows it down)
EXTRACT_APART = "reader.search.extract:extract_batch"


def extracts_apart(
    items: Sequence[tuple[str, str, int, int, str | None]],
    corrections: Sequence[Any],
    max_bytes: int,
    repeated: frozenset[str] | None,
    cancelled: Callable[[], bool],
) -> Iterator[list[Extract]]:
    """`extract_batch` of each item in a process of its own, which stops (and is terminated)
    once `cancelled()`: a very large article's detection takes seconds, and in a thread or a
    pool's worker the app's exit waited for it. Where the process fails, the item is
    extracted in this thread (what was done before)."""
    from reader.apart import ApartError, run_apart

    corrections = list(corrections)
    for item in items:
        try:
            done, rows = run_apart(EXTRACT_APART, ([item], corrections, max_bytes, repeated),
                                   cancelled)
        except ApartError:
            done, rows = True, extract_batch([item], corrections, max_bytes, repeated)
        if not done:
            return
        yield rows
