"""Attribution patterns of ordinary news copy that the rules used to miss (issue 16,
item 5: speakers on unseen pages). Each case is a tiny article with every line forced to
be body; each failed before its rule was added."""

from __future__ import annotations

from reader.marks import analyze


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    assert m.error is None
    return [(text[q.start : q.end], q.kind, q.speaker) for q in m.quotes]


def of(text: str, quoted: str) -> tuple[str, str | None]:
    return next((k, s) for t, k, s in quotes(text) if quoted in t)


def test_a_surname_only_ever_written_after_an_abbreviated_title_is_a_name() -> None:
    # "Mr." ends no sentence: "Trump" is not a capitalised sentence opener
    text = ("Mr. Trump said the deal was close. “It’s going to happen,” Mr. Trump said.")
    assert of(text, "going to happen") == ("speech", "Trump")
    assert of("“The risk is small,” noted Dr. Hoge.", "risk is small")[1] == "Hoge"
    text = "Ms. Hoge agreed with the panel. “It is small,” she said."
    assert of(text, "It is small")[1] == "Hoge"


def test_a_senator_s_abbreviated_title_does_not_end_the_sentence() -> None:
    text = "“It is a tragedy,” said Sen. Elizabeth Warren, D-Mass."
    assert of(text, "tragedy")[1] == "Elizabeth Warren"


def test_according_to_opening_a_sentence_names_the_source() -> None:
    text = "According to the report, “the economy shrank for the third quarter in a row.”"
    assert of(text, "economy shrank") == ("speech", "the report")


def test_a_role_then_the_name_in_commas_is_the_named_person() -> None:
    text = "“It is over,” the company’s chief executive, Mary Barra, said on Monday."
    assert of(text, "It is over")[1] == "Mary Barra"


def test_it_said_is_the_organisation_never_a_person() -> None:
    text = ("The Swedish Prosecution Authority dropped the case against Julian Assange. "
            "“The evidence has weakened considerably,” it said.")
    assert of(text, "evidence")[1] == "Swedish Prosecution Authority"
    text = "Anna Keller spoke to the board on Monday. “It is fine by the rules,” it said."
    assert of(text, "fine by")[1] is None


def test_a_pronoun_points_at_the_latest_sentence_s_person_even_by_surname_alone() -> None:
    # "Omar" (never written in full) is named in the sentence right before "She added";
    # the full name two sentences back is farther away
    text = (
        "The threats against Omar began in March. Tom Baker chaired the hearing on Monday. "
        "Omar asked for compassion in a letter to the court. She added, “We must teach the "
        "defendant love.”"
    )
    assert of(text, "teach the")[1] == "Omar"
