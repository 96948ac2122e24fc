"""Headline choice: one line, not the masthead, and one copy of a repeated headline."""

from __future__ import annotations

from reader.marks import LineKind, analyze

BODY = (
    "The city council voted on Tuesday to rebuild the old harbour bridge after engineers "
    "found that its steel supports had corroded far faster than expected, officials said.",
    "Repairs to the harbour bridge will take two years and cost the city about 40 million "
    "dollars, according to the engineers who inspected the corroded supports this autumn.",
    "Residents who cross the bridge every day said they were relieved that the council had "
    "finally agreed on a plan, although many worried about traffic during the rebuilding.",
)


def page(*top: str) -> str:
    return "\n\n".join((*top, *BODY))


def test_masthead_is_not_the_headline() -> None:
    text = page(
        "The Harbour TimesNews You Can Trust",
        "Home",
        "City council votes to rebuild corroded harbour bridge",
        "By Jane Smith",
    )
    m = analyze(text)
    lines = text.split("\n")
    assert m.title_line is not None
    assert lines[m.title_line - 1] == "City council votes to rebuild corroded harbour bridge"


def test_repeated_headline_is_one_title_line_and_its_copy_is_boilerplate() -> None:
    head = "City council votes to rebuild corroded harbour bridge"
    text = page("Home", head, "News", head, "By Jane Smith")
    m = analyze(text)
    titles = [i for i, k in enumerate(m.line_kinds) if k is LineKind.TITLE]
    copies = [i for i, ln in enumerate(text.split("\n")) if ln == head]
    assert len(titles) == 1 and titles[0] in copies
    other = next(i for i in copies if i != titles[0])
    assert m.line_kinds[other] is LineKind.BOILERPLATE
