"""Attribution forms of news English that depend on the words around a name, one
synthetic case each.

Issue 16's seventh speaker round, written as grammar of news copy: a capitalised word
between an article and its noun ("the Trump administration", "a Google engineer") and a
name after a preposition ("through Central and South America") are nobody a later "he
said" points at, while an organisation before a role noun ("the Acme product manager")
still stands for that person; a capitalised word the article also writes in lower case
("Math gave her ...", "Send nothing before ...") is no speaker unless it is the surname of
a full name met before; a speaker starts a word ("faster than you can say" holds no
"an you can"); initials and generational suffixes keep their points
("Thomas W. Malone", "John Roe Jr.") and a suffix is never taken for the surname. Cases
marked "was:" failed before the change (the old answer in the comment); the others
protect forms that already worked.
"""

from __future__ import annotations

import pytest

from reader.marks import analyze

Q = "\u201cWe will rebuild the bridge by spring,\u201d"
L, R = "\u201c", "\u201d"


def speakers(text: str) -> list[str | None]:
    """The speaker of every quotation of `text`, all lines body."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [q.speaker for q in m.quotes]


FORMS = {
    # -- an article before a capitalised modifier: no person
    # was: "Acme North America"
    "the X division ... he said": (
        "John Roe is the chief executive of Acme North America. Next year the North America "
        f"division will grow.\n\n{Q} he said.", ["John Roe"]),
    # was: "Trump"
    "the X administration ... he said": (
        "John Roe is a senator. He spoke after the Trump administration announced cuts.\n\n"
        f"{Q} he said.", ["John Roe"]),
    # was: "Google"
    "a X engineer ... she said": (
        f"Jane Doe runs the lab. Last year a Google engineer joined it.\n\n{Q} she said.",
        ["Jane Doe"]),
    "the Rev. NAME said": (f"{Q} the Rev. Jane Doe said.", ["Jane Doe"]),
    "the ORG role ... they said": (
        "Jane Doe runs the port. We asked the Acme product manager about the bridge.\n\n"
        f"They said, {L}We will rebuild the bridge by spring.{R}", ["Acme"]),
    "The ORG ... it said": (
        "The Springfield Port Authority dropped the plan on Monday.\n\n"
        f"{L}The costs have risen too far,{R} it said.", ["Springfield Port Authority"]),
    # -- a name governed by a preposition is nobody's referent
    # was: "Central"
    "through PLACE ... he said": (
        "John Roe leads the company. It will grow through Central and South America.\n\n"
        f"{Q} he said.", ["John Roe"]),
    # was: "Northern Ireland"
    "across PLACE ... she said": (
        "Jane Doe runs the charity. Its shops are spread across Northern Ireland.\n\n"
        f"{Q} she said.", ["Jane Doe"]),
    # -- clauses around the attribution (all worked before)
    "NAME urged NAME, saying": (
        "Jane Doe urged Gov. John Roe to act as soon as possible, saying "
        f"{L}time is running out for the port.{R}", ["Jane Doe"]),
    "pronoun told NAME that": (
        "Jane Doe called the governor on Monday. She told John Roe that "
        f"{L}the port cannot wait another year.{R}", ["Jane Doe"]),
    "called X and warned that": (
        f"John Roe called the plan {L}bold{R} and warned that {L}the money will run out by "
        f"spring.{R}", [None, "John Roe"]),
    "praised X, adding": (
        "Jane Doe met the engineers at Acme University in Boston. She praised the design as "
        f"{L}elegant,{R} adding {L}we have never built anything like it in this city.{R}",
        [None, "Jane Doe"]),
    # -- a capitalised word the article also writes in lower case is an ordinary word
    # (a sentence opener, a heading's or a button's label), not a speaker
    # was: "Math"
    "common word opening a sentence": (
        "The Math Olympiad opens today. Most people study math at school.\n\n"
        f"Math gave her the escape she needed, {L}a world of ideas that I can explore on my "
        f"own.{R}", [None]),
    # was: "Send"
    "imperative opening a sentence": (
        "Press the Send button only when ready. Never send in anger.\n\nSend nothing before "
        f"you ask yourself, {L}Would I say this to the person face to face?{R}", [None]),
    "surname that is also a common word": (
        "Tim Cook met analysts on Monday. Critics said Cook had to cook the books.\n\n"
        f"Cook said {L}we will keep building the phone in the same way.{R}", ["Tim Cook"]),
    # -- a speaker starts a word: the determiners and pronouns the attribution patterns
    # look for are not found inside other words
    # was: "an you can" ("th|an you can say")
    "than you can say": (
        f"A slow site drives visitors away faster than you can say {L}refresh the page and "
        f"try again now, please.{R}", [None]),
    # was: "a protesters" ("Indian|a protesters")
    "PLACE protesters chanted": (
        f"While some Indiana protesters chanted, {L}Red for Ed, we want more for our "
        f"schools,{R} lawmakers met.", ["protesters"]),
    # -- name forms: initials and suffixes as written
    # was: "Thomas W Malone"
    "said Org office NAME with an initial": (
        f"{Q} said MIT Sloan professor Thomas W. Malone.", ["Thomas W. Malone"]),
    # was: "John Roe Jr"
    "NAME Jr. said": (f"{Q} John Roe Jr. said.", ["John Roe Jr."]),
    # was: "John Roe" (the suffix was taken for the surname)
    "surname after NAME Jr.": (f"John Roe Jr. met the press on Monday.\n\n{Q} Roe said.",
                               ["John Roe Jr."]),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_form(name: str) -> None:
    text, want = FORMS[name]
    assert speakers(text) == want
