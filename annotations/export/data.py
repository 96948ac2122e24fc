"""What an export contains, gathered once so every format renders the same selection.

The renderers are pure functions of `ExportData`: they never touch the store or the disk, so
golden tests can pin their output and the app can render in a worker without locking.
Reading article text happens here, once per exported article, because the Markdown link
needs a line number and `--quotes` needs the detected quotations.

Coders: an article appears once per coder who worked on it (tags, status, highlights or a
memo), each entry holding that coder's work and naming them, so no exporter ever mixes two
coders' decisions. Corrections are shared by all coders and go with an article's first
entry. `coders` selects whose work is exported (default: everyone's).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotations.model import (
    AnchorStatus,
    ArticleState,
    ArticleStatus,
    Codebook,
    Correction,
    Highlight,
    Memo,
    SessionRecord,
    now_iso,
)
from annotations.tags import normalize_tag, same_tag
from reader.corpus import DEFAULT_MAX_BYTES, Article, ArticleError, Corpus, read_article


class StoreLike(Protocol):
    """The read side of `annotations.store.AnnotationStore` that exporting needs
    (`coder=None` is `annotations.store.ALL`: every coder's work)."""

    def article_states(self, coder: str | None = ...) -> list[ArticleState]: ...

    def highlights(
        self, article: str | None = None, coder: str | None = ...
    ) -> list[Highlight]: ...

    def memos(self, article: str | None = None, coder: str | None = ...) -> list[Memo]: ...

    def corrections(self, article: str | None = None) -> list[Correction]: ...

    def codebook(self) -> Codebook | None: ...

    def sessions(self) -> list[SessionRecord]: ...


class EmptyStore:
    """Stands in when no annotation file exists, so exporting never creates one."""

    def article_states(self, coder: str | None = None) -> list[ArticleState]:
        return []

    def highlights(self, article: str | None = None, coder: str | None = None) -> list[Highlight]:
        return []

    def memos(self, article: str | None = None, coder: str | None = None) -> list[Memo]:
        return []

    def corrections(self, article: str | None = None) -> list[Correction]:
        return []

    def codebook(self) -> Codebook | None:
        return None

    def sessions(self) -> list[SessionRecord]:
        return []


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A detected (and user-corrected) quotation, with the text it covers."""

    start: int
    end: int
    kind: str
    speaker: str | None
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class HighlightView:
    """A highlight plus the line it starts on in the current text (None when it is stale).

    `missing` marks a highlight whose article file is gone: it is shown as orphaned, as
    `reader annotations` does, whatever status the store last recorded.
    """

    highlight: Highlight
    line: int | None
    missing: bool = False
    # the quotation the highlight lies in, as the coder saw it (after corrections)
    speaker: str | None = None
    quote_kind: str | None = None

    @property
    def orphaned(self) -> bool:
        return self.missing or self.highlight.status == AnchorStatus.ORPHANED.value

    @property
    def anchor(self) -> str:
        return AnchorStatus.ORPHANED.value if self.missing else self.highlight.status


@dataclass(slots=True)
class ArticleExport:
    """One article as exported: corpus facts (title, path) joined to the store's records.

    `file` is None when the store knows an article the corpus no longer has; such articles
    are still exported (their work is not lost), flagged by `in_corpus`.
    """

    id: str
    title: str | None
    path: str
    file: Path | None
    tags: list[str] = field(default_factory=list)
    status: str = ArticleStatus.TODO.value
    updated: str | None = None
    highlights: list[HighlightView] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    quotes: list[QuoteView] | None = None
    unreadable: str | None = None
    coder: str = ""  # whose tags, status, highlights and memo these are ("" for nobody's)
    memo: Memo | None = None
    # metadata from a JSON Lines record or a `.txt` sidecar (`reader.metadata`)
    url: str | None = None
    date: str | None = None
    source: str | None = None
    _src: Article | None = field(default=None, repr=False)

    @property
    def metadata(self) -> dict[str, str]:
        """The metadata fields present, in a fixed order (empty for plain `.txt`)."""
        return {k: v for k, v in (("url", self.url), ("date", self.date),
                                  ("source", self.source)) if v}

    @property
    def in_corpus(self) -> bool:
        return self.file is not None

    @property
    def display_title(self) -> str:
        return self.title or self.id

    @property
    def annotated(self) -> bool:
        return bool(self.highlights or self.tags or self.memo
                    or self.status != ArticleStatus.TODO.value)


@dataclass(slots=True)
class ExportData:
    """Everything one export writes; `link_base` is the folder Markdown links are relative to.

    `link_base` None means links are relative to the corpus root (the article ids), which
    is what a file saved at the corpus root needs and what keeps golden files portable.
    """

    corpus_name: str
    corpus_root: Path
    exported: str
    articles: list[ArticleExport]
    codebook: Codebook | None = None
    corpus_corrections: list[Correction] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    link_base: Path | None = None
    with_quotes: bool = False
    project_memos: list[Memo] = field(default_factory=list)  # one per coder
    coders: list[str] = field(default_factory=list)  # the coders whose work is exported

    @property
    def article_count(self) -> int:
        """Distinct articles (an article coded by two coders has two entries)."""
        return len({a.id for a in self.articles})

    @property
    def highlight_count(self) -> int:
        return sum(len(a.highlights) for a in self.articles)

    @property
    def orphaned_count(self) -> int:
        return sum(1 for a in self.articles for h in a.highlights if h.orphaned)

    def tags(self) -> list[str]:
        """Every tag used by an exported article, in first-use order."""
        seen: dict[str, None] = {}
        for a in self.articles:
            for t in a.tags:
                seen.setdefault(t, None)
        return list(seen)

    def link_to(self, article: ArticleExport) -> str:
        """Path of the article file as seen from `link_base`, with `/` separators."""
        if self.link_base is None or article.file is None:
            return article.path
        try:
            rel = os.path.relpath(article.file, self.link_base)
        except ValueError:  # another drive on Windows: no relative path exists
            return article.file.as_uri()
        return rel.replace(os.sep, "/")


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, max(0, min(offset, len(text)))) + 1


def _state_map(states: Iterable[ArticleState]) -> dict[tuple[str, str], ArticleState]:
    return {(s.article, s.coder): s for s in states}


def _relative_path(corpus: Corpus, article_id: str) -> str:
    if corpus.single_file is not None:
        return corpus.single_file.name
    return article_id


def collect(
    corpus: Corpus,
    store: StoreLike,
    *,
    article: str | None = None,
    tag: str | None = None,
    label: str | None = None,
    quotes: bool = False,
    everything_stored: bool = False,
    link_base: Path | None = None,
    now: str | None = None,
    analyze: Any = None,
    coders: Sequence[str] | None = None,
) -> ExportData:
    """Join corpus and store into the export's selection, applying the filters.

    Articles come in corpus order (then store-only ones by id). By default only articles
    a coder worked on are kept (a highlight, a tag, a status other than todo, a memo): an
    export is someone's notes, and a thousand untouched sections would bury them.
    `everything_stored` (the JSON backup) also keeps articles that only have corrections.
    `analyze` overrides the detector for `quotes` and for the quotation a highlight lies
    in (tests pass a fake; None imports `reader.marks` lazily). `coders` None exports
    every coder's work, else only these coders'.
    """
    if article is not None and corpus.get(article) is None and not _store_knows(store, article):
        raise corpus.not_found(article)
    chosen = set(coders) if coders else None

    def picked(coder: str) -> bool:
        return chosen is None or coder in chosen

    states = _state_map(s for s in store.article_states(coder=None) if picked(s.coder))
    highlights_by_article: dict[str, list[Highlight]] = {}
    for h in store.highlights(article, coder=None):
        if picked(h.coder):
            highlights_by_article.setdefault(h.article, []).append(h)
    memos: dict[tuple[str, str], Memo] = {
        (m.article, m.coder): m for m in store.memos(coder=None) if picked(m.coder)
    }
    coders_of: dict[str, set[str]] = {}
    for a, c in [*states, *memos]:
        coders_of.setdefault(a, set()).add(c)
    for a, hs in highlights_by_article.items():
        coders_of.setdefault(a, set()).update(h.coder for h in hs)
    all_corrections = store.corrections()
    corrections_by_article: dict[str, list[Correction]] = {}
    corpus_corrections: list[Correction] = []
    for c in all_corrections:
        if c.article is None:
            corpus_corrections.append(c)
        else:
            corrections_by_article.setdefault(c.article, []).append(c)

    ids: list[str] = [a.id for a in corpus.articles]
    known = set(ids)
    stored_ids = {*coders_of, *corrections_by_article} - {""}  # "" is the project memo
    ids.extend(sorted(stored_ids - known))
    if article is not None:
        ids = [article]

    out: list[ArticleExport] = []
    for aid in ids:
        src = corpus.get(aid)
        text: str | None = None
        unreadable: str | None = None
        read = False
        seen_quotes: list[QuoteView] | None = None  # as the coder saw them, once per article
        corrections = list(corrections_by_article.get(aid, []))
        for coder in sorted(coders_of.get(aid, ())) or [""]:
            state = states.get((aid, coder))
            memo = memos.get((aid, coder))
            tags = normalize_tags(state.tags) if state else []
            if tag is not None and not any(same_tag(tag, t) for t in tags):
                continue
            hls = [h for h in highlights_by_article.get(aid, []) if h.coder == coder]
            hls.sort(key=lambda h: (h.start, h.end, h.id))
            if label is not None:
                hls = [h for h in hls if h.label == label]
                if not hls:
                    continue
            entry = ArticleExport(
                id=aid,
                title=(src.headline or src.title) if src else None,
                path=_relative_path(corpus, aid) if src else aid,
                file=src.path if src else None,
                tags=tags,
                status=state.status if state else ArticleStatus.TODO.value,
                updated=state.updated if state else None,
                corrections=corrections,
                coder=coder,
                memo=memo,
                url=src.url if src else None,
                date=src.date if src else None,
                source=src.source if src else None,
                _src=src,
            )
            stored = state is not None or bool(corrections)
            # what a coder did to an article is exported even without a highlight: its
            # tags, a status other than "todo", a memo
            worked = bool(hls or tags or memo) or entry.status != ArticleStatus.TODO.value
            wanted = article is not None or worked or (everything_stored and stored)
            if not wanted:
                continue
            corrections = []  # shared by all coders: exported once, with the first entry
            if not read:
                text = _read(entry, src.size if src else 0) if src else None
                unreadable, read = entry.unreadable, True
            entry.unreadable = unreadable
            if text is not None and entry.title is None:
                entry.title = _title(text, aid, all_corrections)
            if text is not None and (quotes or hls) and seen_quotes is None:
                seen_quotes = _quotes_or_none(
                    text, list(corrections_by_article.get(aid, [])) + corpus_corrections,
                    analyze)
            entry.highlights = [_view(h, text, src is None, seen_quotes or []) for h in hls]
            if quotes and text is not None:
                entry.quotes = seen_quotes
            out.append(entry)

    filters = {k: v for k, v in (("article", article), ("tag", tag), ("label", label)) if v}
    return ExportData(
        corpus_name=(corpus.single_file or corpus.root).name,
        corpus_root=corpus.single_file or corpus.root,
        exported=now or now_iso(),
        articles=out,
        codebook=store.codebook(),
        corpus_corrections=corpus_corrections,
        sessions=list(store.sessions()),
        filters=filters,
        link_base=link_base,
        with_quotes=quotes,
        project_memos=[m for (a, _), m in sorted(memos.items()) if a == ""],
        coders=sorted(chosen) if chosen is not None else _all_coders(store),
    )


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """The tags in their one spelling (`annotations.tags`), first spelling kept, no repeats."""
    out: list[str] = []
    for t in tags:
        n = normalize_tag(t)
        if n and not any(same_tag(n, o) for o in out):
            out.append(n)
    return out


def _view(h: Highlight, text: str | None, missing: bool,
          quotes: Sequence[QuoteView]) -> HighlightView:
    """The highlight with its line and the quotation it lies in (most overlap, >= half)."""
    line = _line(text, h)
    best: QuoteView | None = None
    if line is not None:
        most = 0
        for q in quotes:
            overlap = min(h.end, q.end) - max(h.start, q.start)
            shorter = max(1, min(h.end - h.start, q.end - q.start))
            if overlap * 2 >= shorter and overlap > most:
                best, most = q, overlap
    if best is None:
        return HighlightView(h, line, missing=missing)
    return HighlightView(h, line, missing=missing, speaker=best.speaker,
                         quote_kind=best.kind)


def _title(text: str, article: str, corrections: Sequence[Correction]) -> str:
    """The headline as the app shows it: detection with the coders' corrections (a
    headline chosen with `z`, a line marked furniture), not detection alone."""
    from reader.titles import title_of

    if not corrections:
        return title_of(text)
    try:
        from reader.pipeline import article_marks, summary_of
    except ImportError:
        return title_of(text)
    return summary_of(text, article_marks(text, article, repeated=None,
                                          corrections=corrections))[0]


def _quotes_or_none(text: str, corrections: Sequence[Correction],
                    analyze: Any) -> list[QuoteView]:
    """`_quotes`, or none when the detectors cannot be imported (the export still works)."""
    try:
        return _quotes(text, corrections, analyze)
    except ImportError:
        return []


def _all_coders(store: StoreLike) -> list[str]:
    coders = getattr(store, "coders", None)
    return list(coders()) if callable(coders) else []


def _store_knows(store: StoreLike, article_id: str) -> bool:
    if any(s.article == article_id for s in store.article_states(coder=None)):
        return True
    return bool(store.highlights(article_id, coder=None) or store.memos(article_id, coder=None))


def _read(entry: ArticleExport, size: int) -> str | None:
    """The article's text; an unreadable file is noted on the entry rather than raised."""
    try:
        src = entry._src
        assert src is not None
        return read_article(src, max(DEFAULT_MAX_BYTES, size)).text
    except ArticleError as exc:
        entry.unreadable = str(exc)
        return None


def _line(text: str | None, h: Highlight) -> int | None:
    """The start line, only when the stored offsets still point at the stored quote."""
    if text is None or h.status == AnchorStatus.ORPHANED.value:
        return None
    if text[h.start : h.end] != h.exact:
        return None
    return line_of(text, h.start)


def _quotes(text: str, corrections: Sequence[Correction], analyze: Any) -> list[QuoteView]:
    """The article's quotations, as the user corrected them.

    Quotes on boilerplate lines (teasers for other stories, "most read" lists) are left
    out: they are not this article's quotations, and the reader does not show them as such.
    """
    from annotations.export.corrected import corrected_marks

    marks = corrected_marks(text, corrections, analyze=analyze)
    kinds = [str(getattr(k, "value", k)) for k in marks.line_kinds]
    views = []
    for q in marks.quotes:
        line = line_of(text, q.start)
        if 0 < line <= len(kinds) and kinds[line - 1] == "boilerplate":
            continue
        kind = str(getattr(q.kind, "value", q.kind))
        views.append(QuoteView(q.start, q.end, kind, q.speaker, text[q.start : q.end], line))
    return views
