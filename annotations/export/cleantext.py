"""The cleaned corpus for dataset curators: each article's body without boilerplate.

What counts as boilerplate is what the reader shows: the detectors' marks with the user's
corrections applied (`annotations.export.corrected`), including lines repeated across the
corpus, so that is computed over the whole corpus even when one article is exported; an
`--article` export then matches the same article in a full export.

Output is either one `.txt` per article in a folder mirroring the corpus (title, blank
line, body) or JSON Lines with `{"article", "title", "text"}` where `text` is the body
alone. Lines are `\\n`-terminated everywhere so a dataset hashes the same on every OS.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.export.corrected import corrected_marks
from annotations.export.data import StoreLike
from annotations.model import Correction
from annotations.tags import same_tag
from reader.corpus import DEFAULT_MAX_BYTES, Article, ArticleError, Corpus, read_article
from reader.errors import UserError

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]


@dataclass(slots=True)
class TextExportReport:
    written: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CleanArticle:
    article: str
    title: str
    text: str


def _kind(k: Any) -> str:
    return str(getattr(k, "value", k))


def clean(text: str, marks: Any) -> tuple[str, str]:
    """(title, body) of an article: title from the title line, body from body lines.

    Runs of blank lines (often left where boilerplate was cut) collapse to one.
    """
    lines = text.split("\n")
    kinds = [_kind(k) for k in marks.line_kinds]
    title_line = getattr(marks, "title_line", None)
    title = lines[title_line - 1].strip() if title_line and 0 < title_line <= len(lines) else ""
    body: list[str] = []
    for ln, kind in zip(lines, kinds, strict=False):
        if kind == "body":
            body.append(ln.rstrip())
        elif kind == "blank" and body and body[-1] != "":
            body.append("")
    while body and body[-1] == "":
        body.pop()
    return title, "\n".join(body)


def select(corpus: Corpus, store: StoreLike, article: str | None, tag: str | None) -> list[Article]:
    if article is not None:
        return [corpus.article(article)]
    if tag is None:
        return list(corpus.articles)
    tagged = {s.article for s in store.article_states()
              if any(same_tag(tag, t) for t in s.tags)}
    return [a for a in corpus.articles if a.id in tagged]


def _read(a: Article) -> str:
    return read_article(a, max(DEFAULT_MAX_BYTES, a.size)).text


def repeated_for(corpus: Corpus, progress: Progress | None = None, *, cluster: Any = None
                 ) -> frozenset[str] | None:
    """Lines repeated across the corpus, as the app computes them; None without detectors.
    With `cluster` (a Dask client) the workers read the corpus (`reader.distributed`)."""
    try:
        from reader.marks.repeated import DEFAULT_MIN_DOCS, repeated_lines
    except ImportError:
        return None
    if len(corpus.articles) < DEFAULT_MIN_DOCS:
        return frozenset()
    if cluster is not None:
        from reader.corpus import locator
        from reader.distributed import repeated_on

        return repeated_on(cluster, [locator(a) for a in corpus.articles], DEFAULT_MIN_DOCS)
    total = len(corpus.articles)

    def texts() -> Iterable[str]:
        for i, a in enumerate(corpus.articles, 1):
            with contextlib.suppress(ArticleError):
                yield _read(a)
            if progress:
                progress(i, total)

    return repeated_lines(texts())


def clean_articles(
    corpus: Corpus,
    store: StoreLike,
    *,
    article: str | None = None,
    tag: str | None = None,
    analyze: Any = None,
    repeated: frozenset[str] | None = None,
    progress: Progress | None = None,
    report: TextExportReport | None = None,
    cluster: Any = None,
) -> Iterable[tuple[Article, CleanArticle]]:
    """Yield each selected article cleaned; unreadable ones are listed in `report.skipped`.
    With `cluster` (a Dask client) workers do the reading and cleaning, in corpus order."""
    chosen = select(corpus, store, article, tag)
    # every correction: line corrections elsewhere teach each article (one pipeline with
    # the app, `reader.pipeline`; `annotations.learning`)
    corrections: list[Correction] = list(store.corrections())
    if cluster is not None:
        yield from _clean_on_cluster(cluster, chosen, corrections, repeated, progress, report)
        return
    for i, a in enumerate(chosen, 1):
        try:
            text = _read(a)
        except ArticleError as exc:
            if report is not None:
                report.skipped.append(f"{a.id}: {exc}")
            continue
        finally:
            if progress:
                progress(i, len(chosen))
        marks = corrected_marks(
            text, corrections, repeated=repeated, analyze=analyze, article=a.id
        )
        title, body = clean(text, marks)
        yield a, CleanArticle(a.id, title or a.title or "", body)


def _clean_on_cluster(
    cluster: Any,
    chosen: list[Article],
    corrections: list[Correction],
    repeated: frozenset[str] | None,
    progress: Progress | None,
    report: TextExportReport | None,
) -> Iterable[tuple[Article, CleanArticle]]:
    from reader.corpus import locator
    from reader.distributed import clean_on

    items = [(a.id, locator(a)) for a in chosen]
    results = clean_on(cluster, items, repeated, corrections)
    for i, (a, (_, result, error)) in enumerate(zip(chosen, results, strict=True), 1):
        if progress:
            progress(i, len(chosen))
        if result is None:
            if report is not None:
                report.skipped.append(f"{a.id}: {error}")
            continue
        title, body = result
        yield a, CleanArticle(a.id, title or a.title or "", body)


def check_destination(corpus: Corpus, out: Path, jsonl: bool) -> None:
    """Refuse destinations that would overwrite or grow the corpus itself."""
    target = out.expanduser().resolve()
    if jsonl:
        if target.is_dir():
            raise UserError(f"{out} is a folder; --jsonl writes one file")
        return
    if target.exists() and not target.is_dir():
        raise UserError(f"{out} is a file; the text export writes a folder (or use --jsonl)")
    if corpus.single_file is not None:
        if target / corpus.single_file.name == corpus.single_file:
            raise UserError(f"writing to {out} would overwrite the corpus file itself")
        return
    if target == corpus.root or corpus.root in target.parents:
        raise UserError(f"{out} is inside the corpus; the cleaned files would be read as articles")


def write_text_export(
    corpus: Corpus,
    store: StoreLike,
    out: Path,
    *,
    jsonl: bool = False,
    article: str | None = None,
    tag: str | None = None,
    analyze: Any = None,
    repeated: frozenset[str] | None = None,
    progress: Progress | None = None,
    cluster: Any = None,
) -> TextExportReport:
    """Write the cleaned corpus to a folder (one .txt per article) or a JSONL file."""
    check_destination(corpus, out, jsonl)
    report = TextExportReport()
    cleaned = clean_articles(
        corpus,
        store,
        article=article,
        tag=tag,
        analyze=analyze,
        repeated=repeated,
        progress=progress,
        report=report,
        cluster=cluster,
    )
    if jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            for a, c in cleaned:
                record = {"article": c.article, "title": c.title, "text": c.text}
                record |= {k: v for k, v in (("url", a.url), ("date", a.date),
                                             ("source", a.source)) if v}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                report.written += 1
        return report
    out.mkdir(parents=True, exist_ok=True)
    for _, c in cleaned:
        dest = out / _relative(c.article)
        dest.parent.mkdir(parents=True, exist_ok=True)
        content = f"{c.title}\n\n{c.text}\n" if c.title else c.text + "\n"
        dest.write_text(content, encoding="utf-8", newline="\n")
        report.written += 1
    return report


def _relative(article_id: str) -> Path:
    """Where an article goes under the output folder; ids are corpus-relative `/` paths."""
    if "#" in article_id and not article_id.lower().endswith(".txt"):  # FILE.jsonl#ID
        name, key = article_id.rsplit("#", 1)
        article_id = name + "/" + "".join(c if c.isalnum() or c in "-_." else "_"
                                          for c in key) + ".txt"
    parts: Sequence[str] = [p for p in article_id.split("/") if p not in ("", ".", "..")]
    return Path(*parts) if parts else Path("article.txt")
