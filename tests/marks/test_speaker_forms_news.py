"""More attribution forms of English news writing, one synthetic case each (fifth round).

Written from the grammar of wire and newspaper copy, like `test_speaker_forms.py`, not from
any labelled page: "who" and "whose" clauses, a name with its organisation ("Jane Doe of
Acme Corp. said"), "according to" a document and its author, abbreviated ranks and offices
that take "of" ("Secretary of State Jane Doe"), a description standing for a person the
article named ("the Democrat said", "the 45-year-old said"), several people as one subject,
organisations as "it", pronouns after two people, headlines and deks, short whole replies,
and titles of works in running text. The speaker is what a reader would give, normalised
the way the quotation benchmark's labels are (titles dropped, several speakers joined as
written). Cases marked "was:" failed on the round's start (the old answer in the comment);
the others protect forms that already worked.
"""

from __future__ import annotations

import pytest

from reader.marks import LineKind, _find_quotes, analyze

Q = "\u201cWe will rebuild the bridge by spring,\u201d"
Q2 = "\u201cWe will rebuild the bridge by spring.\u201d"
B = "\u201cIt will take time.\u201d"
C = "Jane Doe has run the city for ten years. John Roe runs the port.\n\n"
FORMS = {
    # -- "who" clauses, "whose", wire-style appositives
    "NAME, who ..., said:": (f"Jane Doe, who has led the city since 2010, said: {Q2}", "Jane Doe"),
    "NAME, who ..., told X": (
        f"{Q} Jane Doe, who has led the city since 2010, told reporters.",
        "Jane Doe"),
    "said NAME, who ...": (f"{Q} said Jane Doe, who has led the city since 2010.", "Jane Doe"),
    "NAME, whose ..., said": (f"{Q} Jane Doe, whose office oversees the bridge, said.", "Jane Doe"),
    "said NAME, whose ...": (f"{Q} said John Roe, whose company built it.", "John Roe"),
    "NAME, who asked that ...": (
        f"{Q} Jane Doe, who asked that her last name not be used, said.",
        "Jane Doe"),
    "NAME, 45, a teacher, said": (f"{Q} Jane Doe, 45, a teacher, said.", "Jane Doe"),
    "NAME, the mayor, said": (f"{Q} Jane Doe, the mayor, said.", "Jane Doe"),
    "the mayor, NAME, said:": (f"The mayor, Jane Doe, said: {Q2}", "Jane Doe"),
    "said NAME, the Place Democrat": (f"{Q} said Jane Doe, the Illinois Democrat.", "Jane Doe"),
    # was: 'one resident'
    "said one resident, NAME": (f"{Q} said one resident, Jane Doe.", "Jane Doe"),
    "said resident NAME": (f"{Q} said resident Jane Doe.", "Jane Doe"),
    "her husband, NAME, said": (f"{C}{Q} her husband, John Roe, said.", "John Roe"),
    "said Surname's husband, NAME": (f"{C}{Q} said Doe\u2019s husband, Max Poe.", "Max Poe"),
    "Surname's spokesman, NAME, said": (f"{C}{Q} Doe's spokesman, Max Poe, said.", "Max Poe"),
    # -- a name and its organisation
    # was: 'Acme Corp'
    "NAME of Org said": (f"{Q} Jane Doe of Acme Corp. said.", "Jane Doe"),
    # was: 'Springfield University'
    "NAME at University said": (f"{Q} Jane Doe at Springfield University said.", "Jane Doe"),
    "said NAME of Org": (f"{Q} said Jane Doe of Acme Corp.", "Jane Doe"),
    "said NAME with Org": (f"{Q} said Jane Doe with the Sierra Club.", "Jane Doe"),
    "NAME of Org said:": (f"Jane Doe of Acme Corp. said: {Q2}", "Jane Doe"),
    "Org spokesperson NAME said": (f"{Q} Acme Corp. spokesperson Jane Doe said.", "Jane Doe"),
    "Kremlin spokesman NAME said": (f"{Q} Kremlin spokesman Dmitry Peskov said.", "Dmitry Peskov"),
    "a spokesperson for Org said": (
        f"{Q} a spokesperson for Acme Corp. said.",
        "a spokesperson for Acme Corp"),
    # -- according to
    "..., according to NAME.": (f"{Q} according to Jane Doe.", "Jane Doe"),
    "according to NAME, role,": (
        f"According to Jane Doe, a spokeswoman for the city, {Q2}",
        "Jane Doe"),
    "according to Dr. NAME": (f"According to Dr. Jane Doe, {Q2}", "Jane Doe"),
    "according to the mayor": (
        f"Jane Doe is the mayor of Springfield.\n\nAccording to the mayor, {Q2}",
        "Jane Doe"),
    # was: 'a statement'
    "according to a statement from Org": (
        f"According to a statement from the city council, {Q2}",
        "the city council"),
    # was: 'a 2018'
    "according to a survey by NAME": (
        "According to a 2018 survey by Jane Doe of Springfield University, the city will "
        "\u201crebuild the bridge by spring.\u201d",
        "Jane Doe"),
    "As NAME put it,": (f"As Jane Doe put it, {Q2}", "Jane Doe"),
    # -- titles, ranks and offices
    "Dr. NAME said": (f"{Q} Dr. Jane Doe said.", "Jane Doe"),
    "said Dr. NAME": (f"{Q} said Dr. Jane Doe.", "Jane Doe"),
    "Sen. NAME said": (f"{Q} Sen. Jane Doe said.", "Jane Doe"),
    "Lt. Col. NAME said": (f"{Q} Lt. Col. Jane Doe said.", "Jane Doe"),
    "said Lt. Col. NAME": (f"{Q} said Lt. Col. Jane Doe.", "Jane Doe"),
    "Gov. NAME said:": (f"Gov. Jane Doe said: {Q2}", "Jane Doe"),
    "the Rev. NAME said": (f"{Q} the Rev. Jane Doe said.", "Jane Doe"),
    "Sgt. NAME said": (f"{Q} Sgt. John Roe said.", "John Roe"),
    # was: "speech", no speaker
    "Det. NAME said": (f"{Q} Det. John Roe said.", "John Roe"),
    # was: 'Supt'
    "said Supt. NAME": (f"{Q} said Supt. John Roe.", "John Roe"),
    # was: "speech", no speaker
    "Cmdr. NAME said": (f"{Q} Cmdr. John Roe said.", "John Roe"),
    "Attorney General NAME said": (f"{Q} Attorney General Jane Doe said.", "Jane Doe"),
    # was: 'State Jane Doe'
    "Secretary of State NAME said": (f"{Q} Secretary of State Jane Doe said.", "Jane Doe"),
    # was: 'Finance Jane Doe'
    "Minister of Finance NAME said": (f"{Q} Minister of Finance Jane Doe said.", "Jane Doe"),
    # was: 'Staff Jane Doe'
    "Chief of Staff NAME said": (f"{Q} White House Chief of Staff Jane Doe said.", "Jane Doe"),
    # was: 'Director'
    "said Director of X NAME": (f"{Q} said Director of Public Health Jane Doe.", "Jane Doe"),
    # was: 'N Secretary-General Jane Doe'
    "U.N. Secretary-General NAME said": (f"{Q} U.N. Secretary-General Jane Doe said.", "Jane Doe"),
    "House Speaker NAME said": (f"{Q} House Speaker Jane Doe said.", "Jane Doe"),
    "Police Chief NAME said": (f"{Q} Police Chief Jane Doe said.", "Jane Doe"),
    "White House press secretary NAME said": (
        f"{Q} White House press secretary Jane Doe said.",
        "Jane Doe"),
    "Sir NAME said": (f"{Q} Sir John Roe said.", "John Roe"),
    "NAME Jr. said": (f"{Q} John Roe Jr. said.", "John Roe Jr."),
    "NAME, Ph.D., said": (f"{Q} Jane Doe, Ph.D., said.", "Jane Doe"),
    # -- a description for a person the article named
    "the senator said": (f"Sen. Jane Doe spoke on Tuesday.\n\n{Q} the senator said.", "Jane Doe"),
    "the governor said": (f"Gov. Jane Doe spoke on Tuesday.\n\n{Q} the governor said.", "Jane Doe"),
    # was: 'CEO'
    "the CEO said": (f"Acme CEO Jane Doe spoke on Tuesday.\n\n{Q} the CEO said.", "Jane Doe"),
    # was: 'Democrat'
    "the Democrat said": (
        f"Rep. Jane Doe, D-Ill., spoke on Tuesday.\n\n{Q} the Democrat said.",
        "Jane Doe"),
    # was: 'the 45-year-old'
    "the 45-year-old said": (f"Jane Doe runs the clinic.\n\n{Q} the 45-year-old said.", "Jane Doe"),
    # was: 'the 45-year-old'
    "said the 45-year-old": (f"Jane Doe runs the clinic.\n\n{Q} said the 45-year-old.", "Jane Doe"),
    "the former mayor said": (
        f"Jane Doe, a former mayor of Springfield, spoke on Tuesday.\n\n{Q} the former mayor said.",
        "Jane Doe"),
    "Dr. Surname said later": (f"Dr. Jane Doe runs the clinic.\n\n{Q} Dr. Doe said.", "Jane Doe"),
    "Mrs. Surname said later": (f"Jane Doe runs the clinic.\n\n{Q} Mrs. Doe said.", "Jane Doe"),
    # -- several people as one subject (joined as written)
    # was: 'John Roe'
    "NAME and NAME said": (f"{Q} Jane Doe and John Roe said.", "Jane Doe and John Roe"),
    # was: 'John Roe'
    "NAME and NAME wrote in the letter": (
        f"{Q} Jane Doe and John Roe wrote in the letter.",
        "Jane Doe and John Roe"),
    # was: 'Jane Doe'
    "NAME and NAME said:": (
        f"Jane Doe and John Roe said in a statement: {Q2}",
        "Jane Doe and John Roe"),
    # -- more reporting forms
    # was: "speech", no speaker
    "NAME was quoted as saying": (f"{Q} Jane Doe was quoted as saying.", "Jane Doe"),
    "NAME said, according to a transcript": (
        f"{Q} Jane Doe said, according to a transcript.",
        "Jane Doe"),
    "NAME said in a video posted": (
        f"{Q} Jane Doe said in a video posted on Instagram.",
        "Jane Doe"),
    "NAME told X in an interview": (
        f"{Q} Jane Doe told The Washington Post in an interview.",
        "Jane Doe"),
    "NAME said at a news conference": (
        f"{Q} Jane Doe said at a news conference in Springfield.",
        "Jane Doe"),
    "NAME said, adding:": (f"Jane Doe said the work would start soon, adding: {Q2}", "Jane Doe"),
    "Asked about X, NAME said:": (f"Asked about the cost, Jane Doe said: {Q2}", "Jane Doe"),
    "Asked whether, NAME replied:": (
        f"Asked whether the bridge would open, Jane Doe replied: {Q2}",
        "Jane Doe"),
    "Speaking to X, NAME said": (f"Speaking to reporters, Jane Doe said {Q2}", "Jane Doe"),
    "In a statement, NAME said:": (f"In a statement, Jane Doe said: {Q2}", "Jane Doe"),
    "NAME, however, said:": (f"Jane Doe, however, said: {Q2}", "Jane Doe"),
    "NAME's response:": (f"Jane Doe\u2019s response: {Q2}", "Jane Doe"),
    "In NAME's words,": (f"In Jane Doe\u2019s words, {Q2}", "Jane Doe"),
    "Surname was blunt:": (f"{C}Roe was blunt: {Q2}", "John Roe"),
    "Surname disagreed:": (f"{C}Doe said the work would start. Roe disagreed: {Q2}", "John Roe"),
    "the letter reads:": (f"The letter reads: {Q2}", "The letter"),
    "reads the statement": (f"{Q} reads the statement.", "the statement"),
    "the report said": (f"{Q} the report said.", "the report"),
    # -- organisations
    "the company said": (f"{Q} the company said.", "the company"),
    "Org said in a statement:": (f"Acme Corp. said in a statement: {Q2}", "Acme Corp"),
    "the ministry said": (f"{Q} the ministry said in a statement.", "the ministry"),
    # was: "speech", no speaker
    "Org ... it said": (f"Acme Corp. makes bridges.\n\n{Q} it said in a statement.", "Acme Corp"),
    # -- pronouns and continuations
    "he said, subject over object": (
        f"John Roe hired Max Poe in 2010.\n\n{Q} he said.",
        "John Roe"),
    "he said after a place": (
        f"John Roe moved to Springfield in 2010.\n\n{Q} he said.",
        "John Roe"),
    "she said across a paragraph about her firm": (
        f"Jane Doe runs Acme Corp.\n\nThe company makes bridges for the city.\n\n{Q} she said.",
        "Jane Doe"),
    "she said, title earlier": (
        "Dr. Jane Doe treats patients in Springfield.\n\n\u201cMost patients recover,\u201d she "
        "said.",
        "Jane Doe"),
    "she told me": (f"I met Jane Doe in May.\n\n{Q} she told me.", "Jane Doe"),
    "carry from indirect speech": (
        f"Jane Doe, the mayor, said the bridge would reopen in May.\n\n{B}",
        "Jane Doe"),
    "fragment: Surname says she is": (
        "Jane Doe says she is \u201cconfident the bridge will open by spring.\u201d",
        "Jane Doe"),
    "fragment: described as": (
        "Jane Doe described the bridge as \u201cold and unsafe for children.\u201d",
        "Jane Doe"),
    # -- a headline's speaker
    "headline NAME: quote": (
        "Jane Doe: \u2018We will rebuild the bridge\u2019\n\nThe mayor spoke on Tuesday.",
        "Jane Doe"),
    # was: 'Doe'
    "headline quote, says Surname": (
        "\u2018We will rebuild the bridge,\u2019 says Doe\n\nMayor Jane Doe spoke on Tuesday.",
        "Jane Doe"),
    "headline quote - NAME": (
        "\u2018We will rebuild the bridge\u2019 \u2013 Jane Doe\n\nThe mayor spoke on Tuesday.",
        "Jane Doe"),
    # -- a short quotation that is a whole reply is speech
    # was: "term", no speaker
    "one-word reply, NAME said": ("\u201cNo,\u201d Jane Doe said.", "Jane Doe"),
    # was: "term", no speaker
    "one-word reply after a sentence": (f"{C}\u201cNo,\u201d she said.", "Jane Doe"),
    # was: "term", no speaker
    "X answered, one word": (
        "Jane Doe took the question. She answered, \u201cCorrect.\u201d",
        "Jane Doe"),
    "two-word exclamation": ("\u201cNever again!\u201d Jane Doe shouted.", "Jane Doe"),
}
# several quotations: the speaker of each
SEQUENCES = {
    # was: None, 'Jane Doe' ("John Roe" after "and" was taken for a preposition's object)
    "he said, she said after two people": (
        "Jane Doe and John Roe met on Tuesday.\n\n\u201cIt will open,\u201d he said. "
        "\u201cNo, it will not,\u201d she said.", ["John Roe", "Jane Doe"]),
    # was: 'Jane Doe', 'John Roe', term
    "she after two quoted people": (
        f"{Q} Jane Doe said. \u201cIt will cost a lot,\u201d John Roe said. \u201cNo,\u201d she "
        f"said.",
        ["Jane Doe", "John Roe", "Jane Doe"]),
    "a second person introduced, then an unattributed quote": (
        f"{Q} said Jane Doe.\n\nJohn Roe, a teacher, disagreed.\n\n{B}", ["Jane Doe", "John Roe"]),
    "carry over narration": (
        f"{Q} said Jane Doe.\n\nThe bridge was built in 1920.\n\n{B}",
        ["Jane Doe", "Jane Doe"]),
    "she added, next paragraph": (
        f"{Q} said Jane Doe.\n\n\u201cIt will take time,\u201d she added.",
        ["Jane Doe", "Jane Doe"]),
    "Surname continued, next paragraph": (
        f"{Q} said Jane Doe.\n\n\u201cIt will take time,\u201d Doe continued.",
        ["Jane Doe", "Jane Doe"]),
    "a reporter asked, NAME replied": (
        f"\u201cWhen will it open?\u201d a reporter asked. {Q} Jane Doe replied.",
        ["a reporter", "Jane Doe"]),
    "wife and husband": (
        f"Jane Doe and her husband, John Roe, run the farm.\n\n{Q} she said. \u201cIt will cost "
        f"a lot,\u201d he added.",
        ["Jane Doe", "John Roe"]),
    "split: said NAME, role,": (
        "\u201cWe will rebuild,\u201d said Jane Doe, the mayor, \u201cand we will do it by "
        "spring.\u201d",
        ["Jane Doe", "Jane Doe"]),
    "split: she said. sentence": (
        f"{C}\u201cWe will rebuild,\u201d she said. \u201cWe will do it by spring.\u201d",
        ["Jane Doe", "Jane Doe"]),
}
# a quotation that is a name, a title or a scare-quoted word: a term, without a speaker
TERMS = {
    # was: 'Jane Doe'
    "book title after wrote": "Jane Doe wrote \u201cThe Long Bridge\u201d in 2010 and sold it.",
    # was: "speech", no speaker
    "song title after sang": "She sang \u201cHappy Birthday\u201d to the crowd on Tuesday.",
    # was: 'James Roe'
    "show title": "James Roe has been eliminated from \u201cDancing with the Stars.\u201d",
    "film title": "The film \u201cThe Long Bridge\u201d opens on Friday.",
    "scare quotes": "The so-called \u201cexperts\u201d were wrong again.",
    "nickname": "John \u201cBig Bridge\u201d Roe ran the port.",
    "named": "The plan, dubbed \u201cOperation Bridge,\u201d starts in May.",
    "word as word": "The word \u201cbridge\u201d appears twice.",
    "one word woven": "Critics called it a \u201cboondoggle.\u201d",
    "titled report": "A report titled \u201cBridges at Risk\u201d came out Tuesday.",
    "show with appeared on": "Doe appeared on \u201cMeet the Press\u201d on Sunday.",
}


def speech(text: str) -> list[tuple[str, str | None]]:
    """(kind, speaker) of every quotation of `text`, all lines body."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [(q.kind, q.speaker) for q in m.quotes]


@pytest.mark.parametrize("name", list(FORMS))
def test_attribution_form(name: str) -> None:
    text, want = FORMS[name]
    got = speech(text)
    assert got[:1] == [("speech", want)], got


@pytest.mark.parametrize("name", list(SEQUENCES))
def test_each_quotation_of_a_passage_has_its_speaker(name: str) -> None:
    text, want = SEQUENCES[name]
    assert speech(text) == [("speech", w) for w in want]


@pytest.mark.parametrize("name", list(TERMS))
def test_a_title_name_or_scare_quote_is_a_term(name: str) -> None:
    assert speech(TERMS[name])[:1] == [("term", None)]


@pytest.mark.parametrize("headline", [
    # was: None (a bare office after a colon)
    "\u2018We will rebuild the bridge\u2019: mayor",
    # was: "Mayor" (the office before "vows to")
    "Mayor vows to \u2018rebuild the bridge by spring\u2019",
    "\u2018We will rebuild the bridge,\u2019 says mayor",
])
def test_a_headlines_office_is_the_person_the_body_names_with_it(headline: str) -> None:
    lines = [headline, "", "Mayor Jane Doe spoke to residents on Tuesday about the bridge."]
    t, n, b = LineKind.TITLE, LineKind.BLANK, LineKind.BODY
    assert [q.speaker for q in _find_quotes(lines, [t, n, b])] == ["Jane Doe"]


@pytest.mark.parametrize("text", [
    # was: None (the speaker after the colon of a headline or dek)
    "\u2018We will rebuild the bridge\u2019: Jane Doe on the city\u2019s plan",
    "Jane Doe on the bridge: \u2018We will rebuild\u2019",
    # was: "Mayor Jane Doe" (a dash signature kept its title)
    "\u201cWe will rebuild the bridge\u201d \u2014 Mayor Jane Doe",
])
def test_a_headline_or_dek_names_its_speaker_around_a_colon_or_dash(text: str) -> None:
    assert speech(text) == [("speech", "Jane Doe")]


def test_an_organisation_in_a_phrase_is_no_referent_for_he() -> None:
    """"Acme Corp." is remembered for "it said", never for "he said"."""
    text = ("John Roe founded the firm in 2001.\n\nAcme Corp. makes bridges.\n\n"
            "\u201cWe will rebuild the bridge,\u201d he said.")
    assert speech(text) == [("speech", "John Roe")]


def test_a_given_name_inside_a_name_keeps_the_name_whole() -> None:
    """"Carrie Ann Inaba": a first name the lists lack before one they hold is no office."""
    text = "\u201cWe will rebuild the bridge,\u201d said Carrie Ann Inaba."
    assert speech(text) == [("speech", "Carrie Ann Inaba")]

# more wire forms around a second person named in the same sentence (who must not take the
# quotation: "said of Roe", "told Roe", "Roe, like Doe, said") and long trailing clauses
NEAR = [
    (f"{Q} said Jane Doe, 45.", "Jane Doe"),
    (f"{Q} Jane Doe, a Democrat from Springfield, said in an interview Tuesday.", "Jane Doe"),
    (f"{Q} said Jane Doe, a spokeswoman for Acme Corp., in an email.", "Jane Doe"),
    (f"{Q} said Jane Doe in an interview with The Associated Press.", "Jane Doe"),
    (f"Jane Doe, speaking at a rally in Springfield on Tuesday, said: {Q2}", "Jane Doe"),
    (f"{Q} Jane Doe wrote in an op-ed for The Washington Post.", "Jane Doe"),
    (f"{C}{Q} Doe said of Roe.", "Jane Doe"),
    (f"{C}{Q} Doe said about Roe\u2019s plan.", "Jane Doe"),
    (f"{C}{Q} Doe told Roe.", "Jane Doe"),
    (f"{C}Roe asked Doe: {Q2}", "John Roe"),
    (f"{C}{Q} Doe told reporters, referring to Roe.", "Jane Doe"),
    # was: "Jane Doe"
    (f"{C}Doe\u2019s lawyer, Max Poe, said: {Q2}", "Max Poe"),
    (
        f"{Q} said Jane Doe, who spoke on condition of anonymity because she was not authorized to "
        "speak publicly.",
        "Jane Doe"),
    (
        f"{Q} a senior administration official said, speaking on condition of anonymity.",
        "a senior administration official"),
    (f"{C}Doe had said earlier: {Q2}", "Jane Doe"),
    (f"Jane Doe wrote on Facebook that {Q2}", "Jane Doe"),
    (f"{Q} Jane Doe said in a Facebook post.", "Jane Doe"),
    (f"{Q} tweeted Jane Doe.", "Jane Doe"),
    (f"{Q} Jane Doe, 45, told CNN.", "Jane Doe"),
    (f"{C}{Q} Roe said, echoing Doe.", "John Roe"),
    (f"{C}Roe, like Doe, said: {Q2}", "John Roe"),
    (f"{C}Unlike Doe, Roe said: {Q2}", "John Roe"),
    (f"{C}After meeting Doe, Roe said: {Q2}", "John Roe"),
    (f"{C}In response to Doe, Roe said: {Q2}", "John Roe"),
    (f"{C}{Q} Roe said after meeting Doe.", "John Roe"),
    (f"{C}Roe responded to Doe: {Q2}", "John Roe"),
    (f"{C}Roe, Doe\u2019s rival, said: {Q2}", "John Roe"),
    (f"{C}{Q} Roe, Doe\u2019s rival, said.", "John Roe"),
    (f"{C}Speaking after Doe, Roe said: {Q2}", "John Roe"),
    (f"{C}{Q} said Roe, who replaced Doe in May.", "John Roe"),
    (f"{C}Doe thanked Roe. {Q} she said.", "Jane Doe"),
    (f"{C}Doe thanked Roe. {Q} he said.", "John Roe"),
    (f"Jane Doe, 45, and her son John Roe, 12, fled the fire.\n\n{Q} she said.", "Jane Doe"),
]


@pytest.mark.parametrize(("text", "want"), NEAR)
def test_the_speaker_among_two_people_or_behind_a_long_clause(text: str, want: str) -> None:
    assert speech(text)[:1] == [("speech", want)]


QA = ("We spoke with Jane Doe, the mayor, about the bridge. Doe took office in 2019.\n\n"
      "Q: When will the bridge open?\n\nA: By spring, we hope.\n\n"
      "Q: And what will it cost?\n\nA: Ten million, and \u201cevery cent of it is needed.\u201d")


def test_a_question_and_answer_interview_gives_the_answers_to_the_person_interviewed() -> None:
    """was: no turns, and the answer's quotation without a speaker."""
    assert speech(QA) == [("speech", None), ("speech", "Jane Doe"), ("speech", None),
                          ("speech", "Jane Doe"), ("speech", "Jane Doe")]


def test_an_interviews_turns_are_left_out_of_the_articles_quotation_marks() -> None:
    """Turns are shown and counted as speech, but `reader analyze` reports only text in
    quotation marks (`Marks.quotes` holds both; turns are flagged)."""
    n = QA.count("\n") + 1
    m = analyze(QA, forced_body=frozenset(range(1, n + 1)))
    assert [q.turn for q in m.quotes] == [True, True, True, True, False]


@pytest.mark.parametrize("text", [
    # one question is a FAQ line, not an interview
    "Jane Doe runs the city.\n\nQ: When will the bridge open?\n\nA: By spring.",
    # nobody named to answer
    "The bridge closed.\n\nQ: When will it open?\n\nA: By spring.\n\nQ: Cost?\n\nA: Much.",
])
def test_no_interview_without_several_answers_and_a_person(text: str) -> None:
    assert speech(text) == []


FAR = ("Mayor Jane Doe opened the meeting on Tuesday.\n\nThe bridge closed in May. Traffic "
       "has doubled since. Shops lost money. Buses were rerouted.\n\n")


@pytest.mark.parametrize("attribution", [
    # was: "the mayor" (the holder named more than three sentences back)
    f"{Q} the mayor said.",
    # was: "The mayor of Springfield"
    f"The mayor of Springfield said: {Q2}",
    # was: "the mayor"
    f"{Q} said the mayor, a Democrat.",
])
def test_a_described_office_is_the_one_person_the_article_names_with_it(
    attribution: str,
) -> None:
    assert speech(FAR + attribution) == [("speech", "Jane Doe")]


def test_an_office_two_people_hold_stays_a_description() -> None:
    text = (FAR + "Mayor John Roe of Shelbyville disagreed.\n\nThe bridge closed in May. "
            f"Traffic has doubled since. Shops lost money.\n\n{Q} the mayor said.")
    assert speech(text) == [("speech", "the mayor")]


@pytest.mark.parametrize(("text", "want"), [
    # was: [None, "Roe"] (the nickname cut the name in two)
    (f"John \u201cBig Bridge\u201d Roe said, {Q2}", [("term", None), ("speech", "John Roe")]),
    # was: [("speech", "John"), ("term", None)]
    (f"{Q} said John \u201cBig Bridge\u201d Roe.", [("speech", "John Roe"), ("term", None)]),
    # was: "Johnson"
    (f"Dwayne \u201cThe Rock\u201d Johnson told reporters: {Q2}",
     [("term", None), ("speech", "Dwayne Johnson")]),
    # was: the show's title speech, "Jane Doe" (names and days around it made the line
    # look like a headline)
    (f"{Q} Jane Doe told \u201cGood Morning America\u201d on Tuesday.",
     [("speech", "Jane Doe"), ("term", None)]),
])
def test_a_nickname_or_a_shows_title_next_to_the_speaker(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert speech(text) == want


@pytest.mark.parametrize("text", [
    "Hundreds of protesters chanted \u201cBlack Lives Matter\u201d outside the courthouse.",
    "The crowd shouted \u201cLock Her Up\u201d as the senator spoke.",
])
def test_a_chanted_slogan_in_title_case_is_speech(text: str) -> None:
    """The title rule leaves words a verb of uttering takes as its object to the kind
    model: chanted, shouted or said, they are speech (the labels' rule)."""
    assert [k for k, _ in speech(text)] == ["speech"]


def test_a_surname_with_its_particles_is_the_full_name_met_before() -> None:
    """was: "de la Cruz" (only a one-word surname was completed)."""
    text = ("Maria de la Cruz runs the port.\n\n\u201cWe will rebuild the bridge by spring,"
            "\u201d de la Cruz said.")
    assert speech(text) == [("speech", "Maria de la Cruz")]


@pytest.mark.parametrize(("text", "want"), [
    # was: "Jane Doe" (the subject of the sentence)
    ("Jane Doe was accused by John Roe of \u201clying to the city about the bridge.\u201d",
     "John Roe"),
    # was: "The plan"
    ("The plan was described by John Roe as \u201ca waste of money and time.\u201d", "John Roe"),
    # was: "The plan"
    ("The plan was described as \u201ca waste of money and time.\u201d", None),
    # was: "Residents"
    ("Residents were told the bridge would \u201creopen by spring at the latest.\u201d", None),
    (f"{Q} Jane Doe was quoted as saying.", "Jane Doe"),
])
def test_the_subject_of_a_passive_speech_verb_is_who_heard_it(
    text: str, want: str | None
) -> None:
    assert speech(text) == [("speech", want)]


def test_a_situational_description_is_not_the_person_named_before() -> None:
    """"the victim" is rarely the man the police arrested: relational and situational
    descriptions keep their words (only offices, parties, ages and trades resolve)."""
    text = "Police arrested John Roe on Tuesday.\n\n\u201cHe hit me twice,\u201d the victim said."
    assert speech(text) == [("speech", "the victim")]
