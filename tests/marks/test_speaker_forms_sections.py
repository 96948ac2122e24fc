"""Attribution forms of news English around sentence and section boundaries, one
synthetic case each.

Issue 16's eighth speaker round, written as grammar of news and review copy, not from
labelled misses: a quotation that ends its own sentence after its attribution ("Jane Doe
said: “…”", "Doe said the plan was “…”") keeps that attribution, and the next sentence's
"John Roe added" belongs to the next quotation; a heading or a label with no verb
("2018 Theater Tradition Series Performance ‘…’", "Step #2: “…”") has no subject, while a
headline's person ("Grace Millane ‘…’", "Doe: “…”") still speaks; a heading line (a
product's or a section's name) ends the speaker an unattributed quotation below it would
continue; an indefinite description ("One tester said:") is written as one ("one
tester"), the way the labels write it, and is no name a later quotation is carried to;
"The Acme chief executive, John Roe, said" is Roe's; the antecedent of "NAME, who said"
speaks; two people named after the quotation ("said Jane Doe and John Roe", "Doe and
Roe said") are joined as written; a reversed attribution closing the sentence ("…, says
Mellor.") names the speaker of a fragment woven in before it; an institution named with
"of" is kept whole ("the Department of Transportation"). Cases marked "was:" failed on
the code before the round (the old answer in the comment); the others protect forms that
already worked.
"""

from __future__ import annotations

import pytest

from reader.marks import analyze

L, R = "\u201c", "\u201d"
LS, RS = "\u2018", "\u2019"


def speakers(text: str) -> list[str | None]:
    """The speaker of every quotation of `text`, every line body."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [q.speaker for q in m.quotes]


def speech_speakers(text: str) -> list[str | None]:
    """The speakers of the quotations called speech."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [q.speaker for q in m.quotes if q.kind == "speech"]


FORMS = {
    # -- a quotation that ends its sentence keeps its own attribution
    # was: ["John Roe", "John Roe"]
    "NAME said: “….” NAME2 added, “…”": (
        f"Jane Doe said: {L}The sensor helps.{R} John Roe added, {L}It is quiet.{R}",
        ["Jane Doe", "John Roe"]),
    # was: ["Jane Doe", "John Roe", "John Roe"]
    "NAME told reporters: “….” The X, NAME2, said": (
        f"{L}We take this seriously,{R} said Jane Doe, a spokeswoman. Doe told reporters: "
        f"{L}We will know more soon.{R} The Acme chief executive, John Roe, said the "
        f"company was {L}cooperating fully.{R}",
        ["Jane Doe", "Jane Doe", "John Roe"]),
    # was: ["another reviewer", "Jane Doe", "Jane Doe"] (then "Another reviewer")
    "One X said the Y was “….” Another X called it “….”": (
        f"One reviewer said the brush was {L}the best on the market.{R} Another reviewer "
        f"called it {L}a waste of money.{R} Jane Doe said, {L}It works.{R}",
        ["one reviewer", "another reviewer", "Jane Doe"]),
    # was: "The company" (the next sentence's subject)
    "NAME's experience was what he had hoped for: “….” The company …": (
        "Jane Roe tested the movers this spring. Roe's experience was just what she had hoped "
        f"for: {L}fast, easy, and cheap.{R} The company offered the lowest price.",
        ["Jane Roe"]),
    "“…,” NAME said. “…”": (
        f"{L}We will rebuild it,{R} Mayor Jane Doe said. {L}It will take time.{R}",
        ["Jane Doe", "Jane Doe"]),
    "“….” NAME said on Monday.": (
        f"The council met. {L}We will rebuild the bridge by spring,{R} Jane Doe said on "
        "Monday.", ["Jane Doe"]),
    # -- a heading or a label has no subject; a headline's person does
    # was: "Series Performance"
    "HEADING WORDS ‘…’": (
        f"2018 Jeongdong Theater Tradition Series Performance {LS}We Welcome You to the "
        f"Festival Tonight{RS}\n\nThe show was great.", [None]),
    "Step #N: “…”": (
        f"Let us begin.\n\nStep #2: {L}What exercises should I do to lose weight?{R}\n\n"
        f"Step #3: {L}How many sets should I do per exercise?{R}", [None, None]),
    "Myth N: “…”": (
        f"Common myths, debunked.\n\nMyth 1: {L}Website builders are not professional "
        f"enough.{R} Modern platforms rival custom code.", [None]),
    "GIVEN SURNAME ‘…’ (a headline)": (
        f"Grace Millane {LS}gave the man a list of her plans{RS}", ["Grace Millane"]),
    "Surname: “…” (a headline)": (
        f"Doe: {L}We will rebuild the bridge{R}\n\n"
        "Mayor Jane Doe spoke to residents on Tuesday about the bridge.", ["Jane Doe"]),
    # -- a heading ends a carried speaker; an indefinite description is no name
    # was: ["One tester", "One tester", "One tester"]
    "One tester said: “…” / PRODUCT / “…”": (
        f"Our testers tried twenty brushes.\n\nOne tester said: {L}The sensor helps a lot."
        f"{R}\n\n{L}It is also quiet,{R} she added.\n\nAcme Floss Pro\n\n"
        f"{L}This floss is the best I have used.{R}",
        ["one tester", "one tester", None]),
    # was: "Janny Wurts" (a blurb under a book's heading is not the reviewer's)
    "NAME praised it: “…” / About BOOK / “…”": (
        "Obsidian Revelation review: a dark and beautiful sequel\n\n"
        "My favorite author, the iconic Jane Doe, praised this book, and one quote from her "
        f"review sums it up: {L}Do not plan on taking breaks.{R} Stop reading my review here "
        "and go buy both books.\n\nRead our full review here.\n\nAbout Obsidian Awakening"
        f"\n\n{L}You will live with me in the Black Tower, as my prisoner, and you will bear "
        f"me a son.{R}",
        ["Jane Doe", None]),
    "“…,” NAME said. / “…” (a paragraph continues)": (
        f"{L}We will rebuild it,{R} Mayor Jane Doe said.\n\n{L}Nobody wants a closed "
        f"bridge for another winter.{R}", ["Jane Doe", "Jane Doe"]),
    "“…,” NAME said. / a caption without its stop / “…”": (
        f"{L}We will win,{R} Jane Doe said on Monday.\n\nSupporters cheer at the rally in "
        f"Springfield\n\n{L}Nobody can stop us now.{R}", ["Jane Doe", "Jane Doe"]),
    "NAME said … / Sub Heading. / “…” she said": (
        f"Jane Doe, the mayor, said the work would start soon.\n\nThe Samaya Bridge\n\n"
        f"{L}I did not want to wait another year for this,{R} she said.", ["Jane Doe"]),
    # -- relative clauses and appositives
    # was: None
    "from NAME, a X, who said it was “…”": (
        "The council met on Monday. The plan drew criticism from John Roe, a council "
        f"member, who said it was {L}a waste of money.{R}", ["John Roe"]),
    "NAME, who chairs X, told reporters …": (
        "The council met on Monday. Jane Doe, who chairs the committee, told reporters the "
        f"bridge would be {L}open by spring.{R}", ["Jane Doe"]),
    "by NAME, who said it was “…”": (
        "The council met on Monday. The move was welcomed by Jane Doe, who said it was "
        f"{L}a good start.{R}", ["Jane Doe"]),
    # -- a reversed attribution that closes the sentence a fragment is woven into
    # (right before by a carry of the name met before; None with the heading rule alone)
    "… “…” in X, says NAME.": (
        "Duane Mellor is a dietitian.\n\nBrain benefits\n\nMany people report sharper "
        f"thinking while fasting, but {L}clinical trials have not been able to show the same "
        f"benefits{R} in healthy people, says Mellor. Research does show other benefits.",
        ["Duane Mellor"]),
    # -- two people as one subject, after the quotation
    # was: "Jane Doe"
    "“…,” said NAME and NAME2.": (
        f"{L}We will rebuild the bridge by spring,{R} said Jane Doe and John Roe.",
        ["Jane Doe and John Roe"]),
    # was: "Roe"
    "“…,” SURNAME and SURNAME2 said": (
        f"Jane Doe and John Roe run the port. {L}We will rebuild the bridge by spring,{R} "
        "Doe and Roe said in a statement.", ["Jane Doe and John Roe"]),
    "“…,” said NAME, and NAME2 agreed.": (
        f"{L}We will rebuild the bridge by spring,{R} said Jane Doe, and John Roe agreed.",
        ["Jane Doe"]),
    # -- institutions named with "of"
    # was: "Transportation"
    "the Department of X said": (
        "The council met on Monday.\n\nIn a statement, the Department of Transportation "
        f"said the bridge was {L}structurally sound.{R}", ["the Department of Transportation"]),
    # was: "England"
    "“…,” the Bank of England said.": (
        f"{L}Rates will stay where they are for now,{R} the Bank of England said.",
        ["the Bank of England"]),
    "NAME of the University of X said": (
        "Jane Doe of the University of Chicago said the bridge was "
        f"{L}structurally sound.{R}", ["Jane Doe"]),
    "Secretary of State NAME said:": (
        f"Secretary of State Jane Doe said: {L}We are ready.{R}", ["Jane Doe"]),
    # -- organisations and the article's reporter (issue 16's trial cases)
    "By REPORTER / The CDC assured the public … “…”": (
        "By Jane Roe\n\nTwo people were diagnosed with plague, Roe reported. The CDC assured "
        "the public on Weibo, a Twitter-like social media site, that the risks of "
        f"transmission were {L}extremely low.{R}", ["CDC"]),
    "The X government said it would “…”": (
        f"The North Korean government said it would {L}never give up{R} its weapons.",
        ["The North Korean government"]),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_form(name: str) -> None:
    text, want = FORMS[name]
    got = speech_speakers(text) if name.startswith(("HEADING", "Step", "Myth")) else (
        speakers(text))
    assert got == want
