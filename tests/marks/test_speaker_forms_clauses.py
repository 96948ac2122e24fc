"""Attribution forms of news English that depend on the clause, one synthetic case each.

Issue 16's seventh speaker round: written from the grammar of news copy, not from any
labelled page. A speech verb without a subject of its own ("…,” but cautions that “…”",
"but said Acme would …", "…, saying “…”") takes the sentence's subject; a pronoun subject
never points at a name it governs ("She urged John Roe to act, saying …" is not Roe's); a
capitalised word after an article and before its noun ("the Trump administration") and a
name after a preposition ("through Central and South America") are nobody a later "he
said" points at. Cases marked "was:" failed before the change (the old answer in the
comment); the others protect forms that already worked. Initials and generational
suffixes keep their points ("Thomas W. Malone", "John Roe Jr.").
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
    # -- a predicate without a subject of its own takes the sentence's
    # was: "Acme" (the reported clause's subject, after the verb)
    "but said ORG would": (
        "Jane Doe spoke on Monday. She did not give a date for the flights, but said Acme "
        f"would {L}fly the rocket many times before any crew goes up.{R}", "Jane Doe"),
    # was: "Acme Corp"
    "NAME ..., but said ORG will": (
        f"Jane Doe did not give a date, but said Acme Corp. will {L}rebuild the bridge by "
        f"spring.{R}", "Jane Doe"),
    # was: "Springfield"
    "pronoun ..., but said PLACE has": (
        "John Roe took questions. He declined to name a cost, but said Springfield has "
        f"{L}all the money it needs for the bridge.{R}", "John Roe"),
    # was: "Springfield" (a pronoun never points at the name it governs)
    "pronoun said PLACE would": (
        f"John Roe spoke to reporters. He said Springfield would {L}rebuild the bridge by "
        f"spring.{R}", "John Roe"),
    # was: "John Roe"
    "pronoun urged NAME, saying": (
        "Jane Doe wrote to the mayor. She urged John Roe to act as soon as possible, saying "
        f"{L}time is running out for the port.{R}", "Jane Doe"),
    "NAME urged NAME, saying": (
        "Jane Doe urged Gov. John Roe to act as soon as possible, saying "
        f"{L}time is running out for the port.{R}", "Jane Doe"),
    "pronoun told NAME that": (
        "Jane Doe called the governor on Monday. She told John Roe that "
        f"{L}the port cannot wait another year.{R}", "Jane Doe"),
    # was: "San Francisco" (the subject stands before the earlier quotation)
    "described as X, but cautions that": (
        "Jane Doe studies bridges at Acme University, San Francisco. She describes the plan "
        f"as {L}exciting,{R} but cautions that {L}we are still in the very early days{R} of "
        "it.", "Jane Doe"),
    "called X and warned that": (
        f"John Roe called the plan {L}bold{R} and warned that {L}the money will run out by "
        f"spring.{R}", "John Roe"),
    "praised X, adding": (
        "Jane Doe met the engineers at Acme University in Boston. She praised the design as "
        f"{L}elegant,{R} adding {L}we have never built anything like it in this city.{R}",
        "Jane Doe"),
    "called X, but also said": (
        "Jane Doe met the engineers at Acme University in Boston. She called the design "
        f"{L}elegant{R} but also said {L}it will cost far more than the city can pay.{R}",
        "Jane Doe"),
    # -- an article before a capitalised modifier: no person
    # was: "Acme North America"
    "the X division ... he said": (
        "John Roe is the chief executive of Acme North America. Next year the North America "
        f"division will grow.\n\n{Q} he said.", "John Roe"),
    # was: "Trump"
    "the X administration ... he said": (
        "John Roe is a senator. He spoke after the Trump administration announced cuts.\n\n"
        f"{Q} he said.", "John Roe"),
    # was: "Google"
    "a X engineer ... she said": (
        f"Jane Doe runs the lab. Last year a Google engineer joined it.\n\n{Q} she said.",
        "Jane Doe"),
    "the Rev. NAME said": (f"{Q} the Rev. Jane Doe said.", "Jane Doe"),
    "the ORG role ... they said": (
        "Jane Doe runs the port. We asked the Acme product manager about the bridge.\n\n"
        f"They said, {L}We will rebuild the bridge by spring.{R}", "Acme"),
    # -- a second predicate of one subject, a quoted sentence split by an aside
    # was: "Jane Doe" (the description opening the sentence is the subject)
    "DESC found ... and concluded that": (
        "Jane Doe, a professor, led the work. A review of 27 trials found large effects and "
        f"concluded that {L}fasting shows promise for the treatment of obesity.{R}",
        "A review"),
    # was: "John Roe" (carried from the paragraph before)
    "split quotation, attribution after the second part": (
        f"{L}The bridge will open by spring,{R} John Roe said.\n\n"
        f"{L}Caution is warranted for older drivers,{R} which is a real risk, {L}because the "
        f"ramps are steep,{R} Jane Doe says.", "Jane Doe"),
    # -- a name governed by a preposition is nobody's referent
    # was: "Central"
    "through PLACE ... he said": (
        "John Roe leads the company. It will grow through Central and South America.\n\n"
        f"{Q} he said.", "John Roe"),
    # was: "Northern Ireland"
    "across PLACE ... she said": (
        "Jane Doe runs the charity. Its shops are spread across Northern Ireland.\n\n"
        f"{Q} she said.", "Jane Doe"),
    # -- name forms: initials and suffixes as written
    # was: "Thomas W Malone" (in the quotation after the attribution: "MIT Sloan")
    "said Org office NAME. Continuation": (
        f"{Q} said MIT Sloan professor Thomas W. Malone, the founding director of the MIT "
        f"Center. {L}So that is why people use the terms almost as synonyms.{R}",
        "Thomas W. Malone"),
    # was: "John Roe Jr"
    "NAME Jr. said": (f"{Q} John Roe Jr. said.", "John Roe Jr."),
    # was: "John Roe" (the suffix was taken for the surname)
    "surname after NAME Jr.": (f"John Roe Jr. met the press on Monday.\n\n{Q} Roe said.",
                               "John Roe Jr."),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_clause_form(name: str) -> None:
    text, want = FORMS[name]
    assert speakers(text)[-1] == want


@pytest.mark.parametrize("headline", [
    # was: None (the office before its verb, and headlinese's clipped "exec")
    "\u2018We had some issues,\u2019 exec says on the launch glitches",
    "\u2018We will rebuild the bridge,\u2019 executive says",
])
def test_a_headlines_office_before_its_verb_is_the_person_the_body_names(headline: str) -> None:
    """"‘…,’ exec says on …": the one person the body names with that office; one named
    with another office built on it ("Chief Executive Bob Iger") is someone else."""
    from reader.marks import LineKind, _find_quotes

    lines = [headline, "",
             "Acme Corp. executive Jane Doe said demand and a glitch caused the problems.", "",
             "Chief Executive John Roe did not comment."]
    t, n, b = LineKind.TITLE, LineKind.BLANK, LineKind.BODY
    assert _find_quotes(lines, [t, n, b, n, b])[0].speaker == "Jane Doe"


def test_a_headlines_office_two_people_hold_stays_unattributed() -> None:
    from reader.marks import LineKind, _find_quotes

    lines = ["\u2018We had some issues,\u2019 exec says", "",
             "Acme Corp. executive Jane Doe said demand caused the problems.", "",
             "Another executive, John Roe, agreed. So did Bolt Inc. executive Ann Poe."]
    t, n, b = LineKind.TITLE, LineKind.BLANK, LineKind.BODY
    assert _find_quotes(lines, [t, n, b, n, b])[0].speaker is None
