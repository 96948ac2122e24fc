"""The quotation and speaker cases a new user's trial found (issue 16): each is a tiny
article with every line forced to be body (unless the case is about boilerplate)."""

from __future__ import annotations

from reader.marks import Quote, analyze


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    assert m.error is None
    return [(text[q.start : q.end], q.kind, q.speaker) for q in m.quotes]


def speaker_of(text: str, quoted: str) -> str | None:
    return next(s for t, _, s in quotes(text) if quoted in t)


def test_html_and_embed_code_yield_no_quotations() -> None:
    assert quotes(
        '<iframe src="https://www.youtube.com/embed/x1" width="560" height="315" '
        'frameborder="0" allowfullscreen></iframe>'
    ) == []
    assert quotes('<img alt="A man waves" class="wp-image" src="/a.jpg">') == []
    text = 'The mayor spoke. <a href="/x">Link</a> “We will rebuild the bridge,” she said.'
    assert [t for t, _, _ in quotes(text)] == ["“We will rebuild the bridge,”"]


def test_a_term_never_has_a_speaker() -> None:
    text = (
        "Steenburgen called Buckley’s performance “stunning,” she said.\n\n"
        "Gwynne Shotwell, the company's president, described the test as a “milestone”, "
        "she said on Tuesday."
    )
    got = quotes(text)
    assert got and all(s is None for _, k, s in got if k == "term")


def test_k_to_term_clears_the_speaker_and_back_restores_it() -> None:
    from annotations.export.corrected import apply_quote_corrections
    from annotations.model import Correction, CorrectionKind

    q = Quote(0, 20, "speech", "Jane Doe")

    def kind(value: str, t: str) -> Correction:
        return Correction(id=value + t, kind=CorrectionKind.QUOTE_KIND.value, article="a",
                          start=0, end=20, value=value, created=t)

    (as_term,) = apply_quote_corrections([q], [kind("term", "1")])
    assert (as_term.kind, as_term.speaker) == ("term", None)
    (back,) = apply_quote_corrections([q], [kind("term", "1"), kind("speech", "2")])
    assert (back.kind, back.speaker) == ("speech", "Jane Doe")


def test_governments_and_organisations_can_be_speakers() -> None:
    text = "The North Korean government said, “The talks are over and will not resume.”"
    assert speaker_of(text, "talks are over") == "The North Korean government"
    text = ("The Justice Department said in a statement: “The investigation is closed and no "
            "charges will be filed.”")
    assert speaker_of(text, "investigation") == "The Justice Department"  # not "Department"


def test_the_reporter_is_not_the_speaker() -> None:
    text = (
        "By Jane Reporter\n\n"
        "Jane Reporter spent a week in the capital. The minister was asked about the vote.\n\n"
        "“We will not resign over this,” the minister said."
    )
    assert speaker_of(text, "resign") not in ("Jane Reporter", "Reporter")


def test_a_capitalised_sentence_opener_is_not_a_name() -> None:
    text = (
        "“Consider the cost of doing nothing,” Mayor Ana Lopez said at the meeting.\n\n"
        "Consider what she said next: “We cannot wait any longer for the state to act.”"
    )
    assert speaker_of(text, "cannot wait") == "Ana Lopez"
    for opener in ("Nobody", "Having", "Want", "Consider"):
        text = f"{opener} knew it then. “We will keep going until the end,” he said."
        assert speaker_of(text, "keep going") is None  # nobody is named


def test_no_garbled_prefix_before_a_name() -> None:
    text = ("Deputy Director of Public Prosecution Eva-Marie Persson took the decision.\n\n"
            "“I would like to emphasise that the injured party has submitted a credible "
            "account,” she said.")
    assert speaker_of(text, "emphasise") == "Eva-Marie Persson"


def test_quotations_in_boilerplate_lines_are_not_the_article_s() -> None:
    body = "“We will rebuild the bridge by spring,” the mayor said on Monday morning."
    teaser = "Read more: “Flooded town waits for help”"
    text = f"{body}\n\n{teaser}"
    m = analyze(text, forced_body=frozenset({1}), forced_boilerplate=frozenset({3}))
    assert len(m.quotes) == 2  # both found (the screen can show both)
    assert [text[q.start : q.end] for q in m.article_quotes] == [body[: body.index(" the mayor")]]


def test_transcript_turns_are_speech_by_their_speaker() -> None:
    text = (
        "ROSIE CURTS: If vouchers pass, it would take money away from our public schools.\n\n"
        "MARTINEZ-BELTRAN: Curts is getting help from her friend, Travis Cantwell.\n\n"
        "TRAVIS CANTWELL: Teachers don't get the respect they deserve.\n\n"
        "CANTWELL: They keep telling us “wait until next year” and we are tired of it."
    )
    m = analyze(text, forced_body=frozenset(range(1, 8)))
    turns = [(text[q.start : q.end][:14], q.kind, q.speaker) for q in m.quotes if q.turn]
    assert turns == [
        ("If vouchers pa", "speech", "Rosie Curts"),
        ("Curts is getti", "speech", "Martinez-Beltran"),
        ("Teachers don't", "speech", "Travis Cantwell"),
        ("They keep tell", "speech", "Travis Cantwell"),
    ]
    quoted = next(q for q in m.quotes if not q.turn)
    assert quoted.speaker == "Travis Cantwell"
    # the benchmark's quotations are text in quotation marks: `reader analyze` prints only
    # those
    assert [q["start"] for q in m.to_json("x")["quotes"]] == [quoted.start]


def test_a_dateline_is_not_a_transcript() -> None:
    text = "NEW DELHI: Nearly 150 Indians returned home on Wednesday after being deported."
    m = analyze(text, forced_body=frozenset({1}))
    assert not [q for q in m.quotes if q.turn]
