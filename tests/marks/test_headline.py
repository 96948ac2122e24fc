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


def _title(text: str) -> str | None:
    m = analyze(text)
    return None if m.title_line is None else text.split("\n")[m.title_line - 1]


HEAD = "City council votes to rebuild corroded harbour bridge"


def test_breadcrumb_ending_with_the_headline_is_not_the_headline() -> None:
    text = page("Home News City News " + HEAD, HEAD, "By Jane Smith")
    assert _title(text) == HEAD


def test_quotation_is_not_the_headline() -> None:
    text = page(
        "\u201cThe bridge could have collapsed at any moment this winter.\u201d",
        HEAD,
        "By Jane Smith",
    )
    assert _title(text) == HEAD


def test_short_headline_beats_the_dek_below_it() -> None:
    text = page(
        "Home",
        "Harbour bridge to be rebuilt",
        "Council approves a two-year plan after engineers find badly corroded steel supports",
        "By Jane Smith",
    )
    assert _title(text) == "Harbour bridge to be rebuilt"
