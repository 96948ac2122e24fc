"""Speaker attribution that holds on pages nothing was tuned on (issue 16, item 5).

Each case failed before the change it tests: a quotation on a line the line model wrongly
calls boilerplate lost its speaker; and a menu or teaser line's names must still never
reach the article's pronouns."""

from __future__ import annotations

from reader.marks import LineKind, _find_quotes

B, N, P = LineKind.BODY, LineKind.BLANK, LineKind.BOILERPLATE


def _speakers(lines: list[str], kinds: list[LineKind]) -> list[str | None]:
    return [q.speaker for q in _find_quotes(lines, kinds)]


def test_a_paragraph_taken_for_boilerplate_keeps_its_speaker() -> None:
    lines = [
        "Burke Lennihan, a nurse who teaches meditation, has run classes for twenty years.",
        "",
        "Set aside a place to meditate. \u201cYou\u2019ll build up a special feeling there,"
        "\u201d Lennihan says. Surround the spot with candles.",
    ]
    assert _speakers(lines, [B, N, P]) == ["Burke Lennihan"]


def test_a_boilerplate_line_keeps_a_speaker_it_names_itself() -> None:
    lines = ["The council met on Tuesday to vote on the budget for next year.", "",
             "\u201cWe are not going to raise taxes,\u201d said Mayor Ellen Marsh."]
    assert _speakers(lines, [B, N, P]) == ["Ellen Marsh"]


def test_a_teaser_lends_no_name_to_the_article() -> None:
    lines = [
        "Maria Lopez has coached the team since 2010 and led it to three titles.",
        "",
        "\u201cA teaser quote,\u201d said Shop Man.",
        "",
        "\u201cWe play to win,\u201d she said.",
    ]
    quotes = _find_quotes(lines, [B, N, P, N, B])
    assert quotes[0].speaker == "Shop Man" and quotes[0].on_boilerplate
    assert quotes[1].speaker == "Maria Lopez" and not quotes[1].on_boilerplate


_PAGE = ("Headline\n\n\u201cWe play to win,\u201d said Maria Lopez.\n\n"
         "\u201cBuy now,\u201d says Shop Man.\n")


def test_a_teasers_speaker_is_not_one_of_the_corpus_speakers(monkeypatch) -> None:
    """A boilerplate line's quotation now has a speaker; the overview's speaker counts and
    the search index's `speaker:` still take only the article's quotations."""
    import reader.pipeline
    from reader.marks import Marks, Quote
    from reader.search.extract import split_lines

    text = _PAGE
    a = text.index("\u201cWe")
    b = text.index("\u201cBuy")
    marks = Marks(1, (), (Quote(a, a + 16, "speech", "Maria Lopez"),
                          Quote(b, b + 10, "speech", "Shop Man", True)))
    monkeypatch.setattr(reader.pipeline, "article_marks", lambda *args, **kw: marks)
    assert split_lines(text, (), article_id="a")[3] == ("Maria Lopez",)


def test_a_teasers_speaker_is_not_counted_in_the_overview(monkeypatch, tmp_path) -> None:
    """(the overview counts the speakers `summary_batch` finds)"""
    import reader.pipeline
    from reader.cache import summary_batch
    from reader.marks import LineKind, Marks, Quote

    text = _PAGE
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    a = text.index("\u201cWe")
    b = text.index("\u201cBuy")
    kinds = tuple(LineKind.BODY if ln.strip() else LineKind.BLANK for ln in text.split("\n"))
    marks = Marks(1, kinds, (Quote(a, a + 16, "speech", "Maria Lopez"),
                             Quote(b, b + 10, "speech", "Shop Man", True)))
    monkeypatch.setattr(reader.pipeline, "article_marks", lambda *args, **kw: marks)
    rows = summary_batch([("a", str(path))], [], 1 << 20)
    assert [q[2] for q in rows[0][5]] == ["Maria Lopez"]
