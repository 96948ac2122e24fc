"""Quotation kind (speech / term) on pages unlike the news the model was fitted on (issue
16, item 5, seventh round): a short phrase in an essay that reports nobody is a term more
readily than the same phrase in a news report, and a single lower-case word is a term
whatever the model's score."""

from __future__ import annotations

from operator import mul

from reader.marks import LineKind, _find_quotes, _kind_weights, analyze
from reader.marks.kind_page import bare_fragment, page_features
from reader.marks.speakers import KIND_FEATURES

# an essay of some 700 words that reports nobody (varied lines, as an essay's are)
ESSAY = "".join(
    f"In my {n}th year of writing software I kept notes on what worked for me, what broke "
    f"in production, and which of {n + 2} habits I would keep for the next project I start.\n\n"
    for n in range(4, 30)
)
NEWS = (
    "The council voted to close the bridge, officials said on Tuesday.\n\n"
    "The mayor said the repairs were urgent, and engineers told the council the deck was "
    "cracked.\n\n"
    "Residents said they were worried, according to a survey the city published, and one "
    "added that traffic was bad.\n\n"
)
PHRASE = "The new rules make the old permits “basically worthless” for most owners."


def _scores(text: str, weights: tuple[float, ...]) -> list[float]:
    """The kind model's score (>= 0: speech) of each quotation of `text`, all lines body."""
    lines = text.split("\n")
    kinds = [LineKind.BODY if ln.strip() else LineKind.BLANK for ln in lines]
    rows: list = []
    _find_quotes(lines, kinds, weights, rows)
    return [sum(map(mul, weights, feats)) for _, _, feats in rows]


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    assert m.error is None
    return [(text[q.start : q.end], q.kind, q.speaker) for q in m.quotes]


def test_a_news_report_reads_as_reporting_and_an_essay_does_not() -> None:
    (news,) = page_features(NEWS)
    (essay,) = page_features(ESSAY)
    assert news > 0.5 > essay
    # a page gives evidence by its length: a few lines without a reporting verb are not
    # yet an essay, and nothing at all is what the model knew before (a news report)
    (short,) = page_features(ESSAY.split("\n\n")[0])
    assert essay < short
    assert page_features("") == (1.0,)


def test_the_same_phrase_leans_to_term_on_a_page_that_reports_nobody() -> None:
    w = _kind_weights.WEIGHTS
    (on_news,) = _scores(NEWS + PHRASE, w)
    (on_essay,) = _scores(ESSAY + PHRASE, w)
    assert on_essay < on_news
    # and the committed model calls it so: speech amid reported speech, a term in the essay
    assert _quotes(NEWS + PHRASE)[0][1] == "speech"
    assert _quotes(ESSAY + PHRASE)[0][1] == "term"


def test_an_unattributed_short_phrase_is_marked_bare() -> None:
    assert bare_fragment(3, direct=False, sentence_verb=False) == 1.0
    assert bare_fragment(3, direct=True, sentence_verb=False) == 0.0  # "…,” she said
    assert bare_fragment(3, direct=False, sentence_verb=True) == 0.0  # woven after a verb
    assert bare_fragment(1, direct=False, sentence_verb=False) == 0.0  # one word: a rule
    assert bare_fragment(12, direct=False, sentence_verb=False) == 0.0  # a sentence


def test_one_lower_case_word_is_a_term_whatever_the_model_says() -> None:
    # a model that calls every quotation speech still leaves a single lower-case word a
    # term (the labelling rule: every single quoted word inside a sentence, even when
    # attributed), while a one-word whole reply stays speech
    speech_always = (5.0,) + (0.0,) * (len(KIND_FEATURES) - 1)
    text = (
        "Jane Doe called the result “historic,” and left the hall.\n\n"
        "Asked whether she would run again, Doe answered: “Never.”"
    )
    lines = text.split("\n")
    kinds = [LineKind.BODY if ln.strip() else LineKind.BLANK for ln in lines]
    got = {text[q.start : q.end]: (q.kind, q.speaker)
           for q in _find_quotes(lines, kinds, speech_always)}
    assert got["“historic,”"] == ("term", None)
    assert got["“Never.”"][0] == "speech"


def test_a_phrase_a_named_subject_says_stays_speech_on_a_page_that_reports_nobody() -> None:
    # issue 16, eighth round: the page's lean made an attributed phrase of a long essay or
    # review a term, so its speaker was lost (both were terms before the round)
    said = (
        "It has been very well received – Strange Horizons have described it as “a clever, "
        "delightful book”, and it sold well.\n\n"
        "The documents told workers to “de-energize the main power supply” without encoding "
        "the decisions.\n\n"
    )
    got = _quotes(ESSAY * 3 + said)
    assert got[0][1:] == ("speech", "Strange Horizons")
    assert got[1][1:] == ("speech", "The documents")


def test_the_writers_advice_a_name_or_a_title_stays_a_term_on_an_essay() -> None:
    # the rule above wants a named subject and a verb that reports words: "we suggest",
    # "maintains a detailed “…”", "what she calls the “…”" are an essay's own terms
    terms = (
        "Instead of rushing, we suggest you “climb the ladder” of race distances.\n\n"
        "Google maintains a detailed “Product data specification” for every feed.\n\n"
        "Her work on financing and what she calls the “space laser dilemma” goes deeper.\n\n"
    )
    got = _quotes(ESSAY * 3 + terms)
    assert [k for _, k, _ in got] == ["term", "term", "term"]
