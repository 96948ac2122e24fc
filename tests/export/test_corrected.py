"""The corrections adapter: line corrections become forced_*, quote corrections apply by span."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from annotations.export.corrected import (
    apply_quote_corrections,
    corrected_marks,
    forced_arguments,
    locate_line,
)
from annotations.model import Correction

from .helpers import Quote, fake_analyze

TEXT = "Menu\n\nHeadline of the story\n\nBody “one” and “two”.\nShare this\nMore body."


def corr(kind: str, **kw: object) -> Correction:
    return Correction(id=f"c-{kind}-{kw.get('line', kw.get('start'))}", kind=kind, **kw)  # type: ignore[arg-type]


def test_line_correction_follows_its_text() -> None:
    lines = ["a", "Share this", "b", "Share this"]
    assert locate_line(lines, corr("line_body", line=2, text="Share this")) == 2
    moved = corr("line_body", line=3, text="Share   THIS")  # normalised comparison
    assert locate_line(lines, moved) == 2  # nearest, earlier on a tie
    assert locate_line(lines, corr("line_body", line=1, text="gone")) is None
    assert locate_line(lines, corr("line_body", line=9)) is None
    assert locate_line(lines, corr("line_body", line=4)) == 4


def test_forced_arguments_latest_wins() -> None:
    cs = [
        Correction("1", "line_boilerplate", "a", line=6, text="Share this", created="1"),
        Correction("2", "line_body", "a", line=6, text="Share this", created="2"),
        Correction("3", "line_boilerplate", "a", line=1, text="Menu", created="1"),
        Correction("4", "text_boilerplate", None, text="  More BODY. ", created="1"),
        Correction("5", "quote_reject", "a", start=1, end=2, created="1"),
    ]
    body, boiler, texts = forced_arguments(TEXT, cs)
    assert body == {6} and boiler == {1} and texts == {"more body."}


def test_quote_corrections_by_span() -> None:
    quotes = [Quote(10, 15, "direct", None), Quote(20, 25, "direct", "X"), Quote(30, 35, "d", None)]
    cs = [
        Correction("1", "quote_reject", "a", start=10, end=15),
        Correction("2", "quote_speaker", "a", start=20, end=25, value="Kim"),
        Correction("3", "quote_kind", "a", start=20, end=25, value="scare"),
        Correction("4", "quote_speaker", "a", start=30, end=36, value="no match"),
    ]
    out = apply_quote_corrections(quotes, cs)
    assert out == (Quote(20, 25, "scare", "Kim"), Quote(30, 35, "d", None))


class Kind(enum.StrEnum):
    DIRECT = "direct"
    SCARE = "scare"


@dataclass(frozen=True)
class DQuote:
    start: int
    end: int
    kind: Kind
    speaker: str | None


def test_dataclass_quotes_and_enum_kinds() -> None:
    out = apply_quote_corrections(
        [DQuote(1, 2, Kind.DIRECT, None)],
        [Correction("1", "quote_kind", "a", start=1, end=2, value="scare")],
    )
    assert out == (DQuote(1, 2, Kind.SCARE, None),)
    assert isinstance(out[0].kind, Kind)


def test_corrected_marks_feeds_analyze() -> None:
    cs = [
        Correction("1", "line_body", "a", line=1, text="Menu"),
        Correction(
            "2", "quote_reject", "a", start=TEXT.index("“one”"), end=TEXT.index("“one”") + 5
        ),
    ]
    plain = fake_analyze(TEXT)
    assert plain.line_kinds[0] == "boilerplate" and len(plain.quotes) == 2
    marks = corrected_marks(TEXT, cs, analyze=fake_analyze)
    assert marks.line_kinds[0] == "title"
    assert [TEXT[q.start : q.end] for q in marks.quotes] == ["“two”"]


def test_real_detector_takes_the_corrections() -> None:
    """The adapter's contract with reader.marks.analyze: numbering, texts, quote spans."""
    lines = TEXT.split("\n")
    plain = corrected_marks(TEXT, [])
    assert len(plain.line_kinds) == len(lines)
    one = TEXT.index("\u201cone\u201d")
    cs = [
        Correction("1", "line_boilerplate", "a", line=7, text=lines[6]),
        Correction("2", "text_boilerplate", None, text="SHARE  this"),
        Correction("3", "quote_reject", "a", start=one, end=one + 5),
    ]
    marks = corrected_marks(TEXT, cs)
    assert {6, 7} <= set(marks.boilerplate_lines)
    assert all(TEXT[q.start : q.end] != "\u201cone\u201d" for q in marks.quotes)
