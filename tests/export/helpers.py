"""Fixtures for the export tests: a fixed set of annotations on the seeds, an in-memory
store with the AnnotationStore read/merge API, and a deterministic fake detector.

The golden files pin the exporters, not the detectors: titles come from the first line
and marks from `fake_analyze`, so improving headline or boilerplate detection elsewhere
does not churn these files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from annotations.merge import MergeReport, plan_merge
from annotations.model import (
    ArticleState,
    Codebook,
    Correction,
    Highlight,
    Memo,
    SessionRecord,
)
from annotations.schema import coder_key
from annotations.state import State
from reader.marks.text import normalise_line

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
A1 = "000_4f563db4c078cd2b.txt"
A2 = "004_598cb5278b402db9.txt"
GONE = "gone/missing article.txt"
T0 = "2024-03-01T10:00:00.000Z"
T1 = "2024-03-02T11:30:00.000Z"
NOW = "2024-03-05T09:00:00.000Z"
CODER = "ann"


class Quote(NamedTuple):
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass(frozen=True)
class Marks:
    line_kinds: tuple[str, ...]
    boilerplate_lines: list[int]
    quotes: tuple[Quote, ...]
    title_line: int | None


def fake_analyze(
    text: str,
    repeated: frozenset[str] | None = None,
    forced_body: frozenset[int] = frozenset(),
    forced_boilerplate: frozenset[int] = frozenset(),
    boilerplate_texts: frozenset[str] = frozenset(),
) -> Marks:
    """Lines under five words are boilerplate; the first other line is the title; “...”
    spans are direct quotations without speaker. Forced arguments win, as in the real one."""
    kinds: list[str] = []
    title = None
    for n, line in enumerate(text.split("\n"), 1):
        key = normalise_line(line)
        if not key:
            kinds.append("blank")
            continue
        boiler = len(line.split()) < 5 or key in boilerplate_texts or key in (repeated or ())
        if n in forced_body:
            boiler = False
        if n in forced_boilerplate:
            boiler = True
        if boiler:
            kinds.append("boilerplate")
        elif title is None:
            title = n
            kinds.append("title")
        else:
            kinds.append("body")
    quotes = tuple(
        Quote(m.start(), m.end(), "direct", None)
        for m in re.finditer("\u201c[^\u201d]*\u201d", text)
    )
    boiler_lines = [i for i, k in enumerate(kinds, 1) if k == "boilerplate"]
    return Marks(tuple(kinds), boiler_lines, quotes, title)


@dataclass
class MemoryStore:
    """The AnnotationStore API the exporters and the importer use, held in lists."""

    states: list[ArticleState] = field(default_factory=list)
    hls: list[Highlight] = field(default_factory=list)
    corr: list[Correction] = field(default_factory=list)
    book: Codebook | None = None
    sess: list[SessionRecord] = field(default_factory=list)
    notes: list[Memo] = field(default_factory=list)
    coder: str = CODER

    def article_states(self, coder: str | None = None) -> list[ArticleState]:
        return [s for s in self.states if coder is None or s.coder == coder]

    def article_state(self, article_id: str) -> ArticleState:
        return next((s for s in self.states if s.article == article_id), ArticleState(article_id))

    def highlights(self, article: str | None = None, coder: str | None = None) -> list[Highlight]:
        found = [
            h
            for h in self.hls
            if (article is None or h.article == article) and (coder is None or h.coder == coder)
        ]
        return sorted(found, key=lambda h: (h.article, h.start))

    def memos(self, article: str | None = None, coder: str | None = None) -> list[Memo]:
        found = [
            m
            for m in self.notes
            if (article is None or m.article == article) and (coder is None or m.coder == coder)
        ]
        return sorted(found, key=lambda m: (m.article, m.coder))

    def coders(self) -> list[str]:
        items = [*self.states, *self.hls, *self.notes, *self.corr]
        return sorted({x.coder for x in items if x.coder})

    def corrections(self, article: str | None = None) -> list[Correction]:
        return [c for c in self.corr if article is None or c.article == article]

    def codebook(self) -> Codebook | None:
        return self.book

    def sessions(self) -> list[SessionRecord]:
        return list(self.sess)

    def merge(
        self,
        highlights: list[Highlight],
        states: list[ArticleState],
        corrections: list[Correction],
        memos: list[Memo] = [],  # noqa: B006 - never mutated
    ) -> MergeReport:
        """The store's own merge rules (`annotations.merge`) over these lists."""
        state = State(
            {
                "highlights": {h.id: h.to_dict() for h in self.hls},
                "articles": {coder_key(s.article, s.coder): s.to_dict() for s in self.states},
                "corrections": {c.id: c.to_dict() for c in self.corr},
                "memos": {coder_key(m.article, m.coder): m.to_dict() for m in self.notes},
            }
        )
        ops, _, report = plan_merge(
            state, highlights, states, corrections, memos, coder=self.coder
        )
        state.apply(ops)
        self.hls = [Highlight.from_dict(d) for d in state.tables["highlights"].values()]
        self.states = [ArticleState.from_dict(d) for d in state.tables["articles"].values()]
        self.corr = [Correction.from_dict(d) for d in state.tables["corrections"].values()]
        self.notes = [Memo.from_dict(d) for d in state.tables["memos"].values()]
        return report

    def close(self) -> None:
        pass


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _hl(
    hid: str, article: str, text: str, passage: str, label: str, note: str, **kw: object
) -> Highlight:
    start = text.index(passage)
    h = Highlight.create(article, text, start, start + len(passage), label, note, CODER)
    h.id = hid
    h.created = T0
    h.updated = kw.pop("updated", T0)
    for k, v in kw.items():
        setattr(h, k, v)
    return h


def fixed_highlights() -> list[Highlight]:
    t1, t2 = seed_text(A1), seed_text(A2)
    para = t1.index("It marked the first time")
    para_end = t1.index("\n", t1.index("The significance of this"))
    multi = t1[para:para_end]
    orphan = Highlight(
        id="c3c3c3c3000000000000000000000003",
        article=A1,
        start=120,
        end=163,
        exact="a sentence the editors later cut from it",
        prefix="",
        suffix="",
        content_hash="0" * 16,
        label="question",
        note="",
        created=T0,
        updated=T0,
        status="orphaned",
        coder=CODER,
    )
    gone = Highlight(
        id="f6f6f6f6000000000000000000000006",
        article=GONE,
        start=0,
        end=12,
        exact="Lost article",
        prefix="",
        suffix="",
        content_hash="0" * 16,
        created=T0,
        updated=T0,
        status="orphaned",
        coder=CODER,
    )
    return [
        _hl(
            "a1a1a1a1000000000000000000000001",
            A1,
            t1,
            "The sporadic romance between U.S. President Donald Trump and North Korean "
            "dictator Kim Jong Un is on again.",
            "claim",
            "Check: is it *really* on again?",
        ),
        _hl(
            "b2b2b2b2000000000000000000000002",
            A1,
            t1,
            multi,
            "frame",
            "Two lines:\n- not a list\n# not a heading",
            updated=T1,
        ),
        orphan,
        _hl(
            "d4d4d4d4000000000000000000000004",
            A2,
            t2,
            "Pyongyang leaders have no intention of surrendering their nuclear weapons.",
            "evidence",
            "",
        ),
        _hl(
            "e5e5e5e5000000000000000000000005",
            A2,
            t2,
            "Kim and his people do care about economic growth.",
            "opinion",
            '=1+1, "quoted", and a comma',
            status="fuzzy",
            score=0.87,
        ),
        gone,
    ]


def fixed_corrections() -> list[Correction]:
    t1, t2 = seed_text(A1), seed_text(A2)
    q_reject = t1.index("\u201chell-bent")
    q_speaker = t2.index("\u201cprogressive and synchronous.\u201d")
    q_kind = t2.index("\u201cnuclear deterrence.\u201d")
    return [
        Correction(
            "0c000000000000000000000000000001",
            "line_boilerplate",
            article=A2,
            line=1,
            text="The Washington PostDemocracy Dies in Darkness",
            created=T0,
            coder=CODER,
        ),
        Correction(
            "0c000000000000000000000000000002",
            "text_boilerplate",
            text="Placeholder while article actions load",
            created=T0,
            coder=CODER,
        ),
        Correction(
            "0c000000000000000000000000000003",
            "quote_reject",
            article=A1,
            start=q_reject,
            end=q_reject + len("\u201chell-bent on hostile acts.\u201d"),
            created=T0,
            coder=CODER,
        ),
        Correction(
            "0c000000000000000000000000000004",
            "quote_speaker",
            article=A2,
            start=q_speaker,
            end=q_speaker + len("\u201cprogressive and synchronous.\u201d"),
            value="Kim Jong Un",
            created=T0,
            coder=CODER,
        ),
        Correction(
            "0c000000000000000000000000000005",
            "quote_kind",
            article=A2,
            start=q_kind,
            end=q_kind + len("\u201cnuclear deterrence.\u201d"),
            value="scare",
            created=T0,
            coder=CODER,
        ),
        Correction(
            "0c000000000000000000000000000006",
            "line_body",
            article=A2,
            line=34,
            text="Read more:",
            created=T1,
            coder=CODER,
        ),
    ]


def fixed_store() -> MemoryStore:
    return MemoryStore(
        states=[
            ArticleState(A1, ["relevant", "follow up"], "done", T1, CODER),
            ArticleState(A2, ["relevant", "North Korea/US"], "todo", T1, CODER),
            ArticleState(GONE, ["2024"], "skipped", T0, CODER),
        ],
        hls=fixed_highlights(),
        corr=fixed_corrections(),
        book=Codebook.default(),
        sess=[SessionRecord("5e000000000000000000000000000001", T0, T1, 2, 5, 5400.0)],
        notes=fixed_memos(),
    )


def fixed_memos() -> list[Memo]:
    return [
        Memo("3e000000000000000000000000000001", A1, "Romance as a frame:\n=check tone", CODER,
             T0, T1),
        Memo("3e000000000000000000000000000002", "", "Project: summit coverage 2019", CODER,
             T0, T0),
    ]
