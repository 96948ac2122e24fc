"""Quotation spans, kinds and speakers on the cases news copy throws at a regex."""

from __future__ import annotations

from reader.marks import analyze
from reader.marks.quotes import line_spans


def spans(s: str) -> list[str]:
    return [s[a:b] for a, b, _ in line_spans(s)]


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    m = analyze(text)
    return [(text[q.start : q.end], q.kind, q.speaker) for q in m.quotes]


def test_apostrophes_are_not_quotes() -> None:
    assert spans("It won’t matter to Davies’ fans in the ’90s, said Europe‘s own 6' man.") == []
    assert spans("Rock 'n' roll isn't dead and the 27\" iMac is fine") == []


def test_curly_straight_and_single_quotes() -> None:
    assert spans("He said “hi there,” and left.") == ["“hi there,”"]
    assert spans('He said "hi there," and left.') == ['"hi there,"']
    assert spans("A Man Develops 'Feather-Duvet Lung' After Switching") == ["'Feather-Duvet Lung'"]
    assert spans("doubles down on ‘Meth. We’re on it.’ They might be.") == ["‘Meth. We’re on it.’"]
    assert spans("« Bonjour », dit-il.") == ["« Bonjour »"]


def test_nested_quote_gives_outer_span_only() -> None:
    s = "“I told myself: ‘I’m going to sing it,’ and I did,” she said."
    assert spans(s) == ["“I told myself: ‘I’m going to sing it,’ and I did,”"]
    s2 = 'fraud that includes "...providing a "low-ball" estimate to lure customers."'
    assert spans(s2) == ['"...providing a "low-ball" estimate to lure customers."']


def test_misnested_title_closes_at_the_only_closer() -> None:
    s = "a sample called “Glasgow (“No Place Like Home”). “It grabbed me,” he said."
    assert spans(s) == ["“Glasgow (“No Place Like Home”", "“It grabbed me,”"]


def test_wrong_way_and_doubled_apostrophe_marks() -> None:
    assert spans("“It was an attempt to mislead voters,’’ Will Moy said.") == [
        "“It was an attempt to mislead voters,’’"
    ]
    assert spans("he called it ”a disaster“ twice") == ["”a disaster“"]


def test_paragraph_split_quote_gives_one_span_per_paragraph() -> None:
    text = "“The first part goes on\n\n“and the second part ends here,” she said."
    got = quotes(text)
    assert [g[0] for g in got] == ["“The first part goes on", "“and the second part ends here,”"]
    first = analyze(text).quotes[0]
    assert first.end == text.index("\n")


def test_speaker_after_quote_with_title_and_surname_expansion() -> None:
    text = (
        "The shop opened in May.\n\n"
        "“We sold out in an hour,” says general manager Gil Vallee.\n\n"
        "“We will open a second one next year,” Vallee said."
    )
    got = quotes(text)
    assert got[0][1:] == ("speech", "Gil Vallee")
    assert got[1][1:] == ("speech", "Gil Vallee")


def test_pronoun_and_continuation_speakers() -> None:
    text = (
        "Mary Steenburgen woke up after surgery feeling strange.\n\n"
        "“I felt strange as soon as the anesthesia wore off,” she said. "
        "“It felt like my brain was only music.”"
    )
    got = quotes(text)
    assert [g[2] for g in got] == ["Mary Steenburgen", "Mary Steenburgen"]
    assert all(g[1] == "speech" for g in got)


def test_speaker_before_quote() -> None:
    got = quotes("Nate Wheatley said, “They got me for about $8,000, maybe.”")
    assert got[0][1:] == ("speech", "Nate Wheatley")


def test_single_word_and_titles_are_terms() -> None:
    got = quotes(
        "Steenburgen called the performance “stunning,” and the film “Wild Rose” opened "
        "to a “seamless experience” for fans."
    )
    assert [g[1] for g in got] == ["term", "term", "term"]
    assert all(g[2] is None for g in got)


def test_quotes_are_sorted_and_inside_the_text() -> None:
    text = "“A,” he said. “B” and ‘c d’ and \"e f\".\n“open"
    m = analyze(text)
    last = 0
    for q in m.quotes:
        assert last <= q.start < q.end <= len(text)
        last = q.end
