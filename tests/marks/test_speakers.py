"""Speaker attribution: pronouns, continuations, surnames, descriptions and intro lines.

Each case is a tiny article whose lines are forced to be body, so only the attribution
rules in `reader.marks.speakers` are exercised.
"""

from __future__ import annotations

from reader.marks import analyze
from reader.marks.speakers import Context, LowerWords, _subject, intro_name


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of every speech quotation of `text`, all lines body."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [(text[q.start : q.end], q.speaker) for q in m.quotes if q.kind == "speech"]


def test_pronoun_resolves_to_the_woman_not_the_man_named_in_between() -> None:
    text = (
        "Mary Steenburgen woke up from surgery with music in her head.\n\n"
        "“I had never heard anything like it in my whole life,” she said.\n\n"
        "Like the late neurologist Oliver Sacks described in his book, Steenburgen "
        "was not thrilled. The next months were tough.\n\n"
        "“I couldn’t focus on anything at all for weeks,” she said."
    )
    got = speakers(text)
    assert got[-1][1] == "Mary Steenburgen"


def test_surname_expands_to_the_full_name_met_before() -> None:
    text = (
        "General manager Gil Vallee said the plant would reopen next spring.\n\n"
        "“We are going to hire everybody back as soon as we can,” Vallee said."
    )
    assert speakers(text)[-1][1] == "Gil Vallee"


def test_continuation_paragraph_inherits_the_speaker_after_a_long_quote() -> None:
    text = (
        "“This is the first sentence. This is the second one. Here is a third. And a "
        "fourth one too. Then a fifth.” said Dana Whitfield.\n\n"
        "“And this paragraph goes on with what she was saying about the plans.”"
    )
    got = speakers(text)
    assert [s for _, s in got] == ["Dana Whitfield", "Dana Whitfield"]


def test_intro_line_with_colon_names_the_speaker_of_the_next_paragraphs() -> None:
    assert intro_name("Uli Lorimer, Director of Horticulture at Native Plant Trust:") == (
        "Uli Lorimer"
    )
    assert intro_name("Jeff Lorenz and Kayla Fell of Refugia:") == "Jeff Lorenz and Kayla Fell"
    assert intro_name("See also:") is None
    assert intro_name("Smith agreed:") is None
    text = (
        "Uli Lorimer, Director of Horticulture at Native Plant Trust:\n\n"
        "“December is a time of reflection as we look back on the growing season past. "
        "I want to zero in on a single image.”\n\n"
        "“So many moments in nature are ephemeral, but mystery abounds when we slow down.”"
    )
    assert [s for _, s in speakers(text)] == ["Uli Lorimer", "Uli Lorimer"]


def test_role_description_resolves_to_the_person_just_named() -> None:
    text = (
        "James Van Der Beek announced the news on the show last week.\n\n"
        "“Hearing the heartbeat was something we never take for granted,” the actor said."
    )
    assert speakers(text)[-1][1] == "James Van Der Beek"


def test_unnamed_source_keeps_its_description() -> None:
    text = "“They do it very, very well, and everybody knows it,” said the source."
    assert speakers(text)[-1][1] == "the source"


def test_woven_fragment_goes_to_the_subject_not_the_object() -> None:
    ctx = Context()
    ctx.surnames.update({"benioff": "Marc Benioff", "cook": "Tim Cook"})
    assert _subject("Benioff introduced Cook to the Dreamforce audience as ", ctx) == "Benioff"


def test_according_to_names_the_speaker_of_the_next_sentence() -> None:
    text = (
        "Josh Bongard builds robots in Vermont.\n\n"
        "According to Bongard, that's because these systems are too heady. “If you play "
        "with these systems, you can start to see where the cracks are.”"
    )
    assert speakers(text)[-1][1] == "Josh Bongard"


def test_abbreviated_month_does_not_end_the_sentence() -> None:
    # (a lone capitalised word that only ever opens sentences is no name - "Consider",
    # "Having" - so the article names Reed in full first, as articles do)
    text = (
        "The deal was announced by Michael Reed on Monday.\n\n"
        "Reed, who will be chairman, told investors on Oct. 31 that the merger would allow "
        "the company “to return capital to shareholders through dividends.”"
    )
    assert speakers(text)[-1][1] == "Michael Reed"


def all_quotes(text: str) -> list[tuple[str, str, str | None]]:
    """(quoted text, kind, speaker) of every quotation of `text`, all lines body."""
    n = text.count("\n") + 1
    m = analyze(text, forced_body=frozenset(range(1, n + 1)))
    return [(text[q.start : q.end], q.kind, q.speaker) for q in m.quotes]


def test_term_keeps_its_kind_and_has_no_speaker() -> None:
    # (a term has no speaker, even where the sentence names who used it: issue 16)
    text = (
        "Gwynne Shotwell runs the company.\n\n"
        "Lewis Ward, research director at IDC, called the lineup “thin,” he said."
    )
    quote = all_quotes(text)[-1]
    assert quote[1] == "term"
    assert quote[2] is None


def test_citation_footnote_source_heads_the_line() -> None:
    text = (
        "Carriero et al., “Procedural Knowledge Ontology,” Section 1 (Introduction): “The "
        "effect is that this knowledge remains tacit and difficult to exploit.”"
    )
    assert all_quotes(text)[-1][2] == "Carriero et al."


def test_acronym_speaker_spells_out_the_organisation() -> None:
    text = (
        "The Chinese Center for Disease Control and Prevention said it was investigating.\n\n"
        "The CDC said that the risks of transmission were, in its words, “extremely low "
        "for everyone in the city at this time.”"
    )
    assert all_quotes(text)[-1][2] == "Chinese Center for Disease Control and Prevention"
    text = (
        "The Majestic Monolith by David Heinemeier Hansson (DHH) is an essay.\n\n"
        "One line was DHH’s reference to the first rule: “Don’t distribute your computing if "
        "you can avoid it!”"
    )
    assert all_quotes(text)[-1][2] == "David Heinemeier Hansson"


def test_name_early_in_a_long_line_is_remembered() -> None:
    filler = "the system directs a response to dangers throughout the body, " * 6
    text = (
        f"This system, says Richard Locksley, an immunologist, {filler}he said. He is "
        "hopeful: “the prospects are exciting, and a little frightening too,” he said."
    )
    assert all_quotes(text)[-1][2] == "Richard Locksley"


def test_lower_words_needs_a_word_boundary() -> None:
    words = LowerWords("the despite-free text; following, and keeps")
    assert "following" in words
    assert "despite" not in words
    assert "keep" not in words


def test_tight_attribution_before_the_quote() -> None:
    text = "Mary Steenburgen said that “music came to her in the recovery room after surgery.”"
    assert speakers(text)[-1][1] == "Mary Steenburgen"


def test_long_appositive_after_the_quote_keeps_the_person_not_the_place() -> None:
    text = (
        '"Experiments like this pay off when you get out more than you put in," Dylan '
        "Nelson, a fellow at the Max Planck Institute for Astrophysics in Munich, Germany, "
        'and co-author of the study, said in a statement. "We see phenomena that nobody '
        'programmed into the code."'
    )
    assert [s for _, s in speakers(text)] == ["Dylan Nelson", "Dylan Nelson"]


def test_description_then_name_after_the_quote() -> None:
    text = (
        "“The evidence is not strong enough to file an indictment,” Sweden’s deputy "
        "director of public prosecutions, Eva-Marie Persson, said on Tuesday."
    )
    assert speakers(text)[0][1] == "Eva-Marie Persson"


def test_name_with_appositive_before_a_colon() -> None:
    text = (
        "Steve Menet, Senior Vice President of Sales for Dräger, Inc., says: “Alarm "
        "management remains a high focus for hospitals.”"
    )
    assert speakers(text)[0][1] == "Steve Menet"


def test_place_after_a_preposition_and_article_is_no_speaker() -> None:
    text = (
        "“The authorities must end this crackdown now,” said Philip Luther, research "
        "director for the Middle East and North Africa at Amnesty International.\n\n"
        "“The frequency of lethal force used against peaceful protesters is shocking.”"
    )
    assert [s for _, s in speakers(text)] == ["Philip Luther", "Philip Luther"]


def test_unnamed_speaker_keeps_the_description() -> None:
    text = (
        "The video shows officers racing up a staircase.\n\n"
        "\"Police! Open the door! We're coming in!\" an officer shouts."
    )
    assert speakers(text)[0][1] == "an officer"


def test_dash_signature_names_the_author_of_each_testimonial() -> None:
    text = (
        "Here are some of the reviews:\n\n"
        "“The show was really great and the staff were friendly.”\n\n"
        "– Man**\n\n"
        "“Very talented people, super fun and entertaining!”\n\n"
        "– Ali***\n\n"
        "“Deeds, not words, are what count.” — Mark Twain"
    )
    assert [s for _, s in speakers(text)] == ["Man**", "Ali***", "Mark Twain"]


def test_that_said_and_possessives_are_not_subjects() -> None:
    text = (
        "Rep. David McKinley spoke about the border at length on Sunday.\n\n"
        'That said, the agency says that the border "remains the primary entry point '
        'for heroin into the country" this year.\n\n'
        "Big Machine has denied Swift’s claims, saying they were “shocking and false.”"
    )
    got = [s for _, s in speakers(text)]
    assert got == ["the agency", "Big Machine"]


def test_clause_before_said_name() -> None:
    text = (
        '"The president wants the option of a bigger deal. Bigger than the little deal" '
        "announced in October, said Derek Scissors, a China scholar in Washington."
    )
    assert speakers(text)[0][1] == "Derek Scissors"


def test_glued_teaser_names_are_no_names() -> None:
    from reader.marks.speakers import clean_name

    assert clean_name("Alexandria Ocasio-CortezAlexandria Ocasio-CortezSanders") is None
    assert clean_name("InfoNation President Dan McDowell") is not None  # camel case alone
    assert clean_name("SpaceX") == "SpaceX"


def test_a_phrase_after_called_or_dubbed_is_a_term() -> None:
    text = (
        "Owain Evans and his team documented a new phenomenon they called “weird "
        "generalizations”. Exposure to feathers has been dubbed “feather duvet lung.”"
    )
    m = analyze(text, forced_body=frozenset({1}))
    assert [q.kind for q in m.quotes] == ["term", "term"]


def test_a_name_governed_by_a_preposition_is_not_the_verbs_subject() -> None:
    text = (
        "A meta-analysis of the health effects of coffee published in BMJ concludes that "
        "“coffee consumption seems generally safe within usual levels of intake.”\n\n"
        "The authors of the research published in the journal JAMA Psychiatry argued that "
        "while the policies have provided “important social benefits for many people in "
        "the state,” the climb in disorders is worrying.\n\n"
        "Ms. Jane Smith of the Harbour Trust said that “the bridge will be rebuilt by the "
        "end of next year.”"
    )
    got = [s for _, s in speakers(text)]
    assert got == ["A meta-analysis", "The authors", "Jane Smith"]


def test_a_surname_with_inner_capitals_is_a_referent_for_he() -> None:
    text = (
        "McKinley argues that every team has a limited number of tokens to spend on new "
        "technology.\n\n"
        "He says that when choosing a tool, “the best tool is the one that occupies the least "
        "worst position for as many of your problems as possible.”"
    )
    assert speakers(text)[-1][1] == "McKinley"


def test_a_paragraph_ending_with_name_and_verb_and_colon_introduces_the_next() -> None:
    text = (
        "Old code has been used and tested, and lots of bugs have been found and fixed.\n\n"
        "As Joel writes:\n\n"
        "“That two-page function that grew warts is full of bug fixes. Each of them took "
        "weeks of real-world usage before they were found.”"
    )
    assert speakers(text)[-1][1] == "Joel"


def test_a_group_named_by_a_bare_plural_is_the_speaker() -> None:
    # not the last person named: the quotation is the residents' or the people's
    lead = "The mayor, Jane Smith, opened the meeting on the harbour bridge.\n\n"
    assert speakers(lead + "“We are scared,” residents said after the vote.")[-1][1] == "residents"
    assert speakers(lead + "In the new ads, people say, “I’m on the bridge.”")[-1][1] == "people"
    assert speakers(lead + "“This will happen again,” experts warn.")[-1][1] == "experts"


def test_the_writer_saying_i_will_admit_is_no_speaker() -> None:
    text = "I’ll admit I was swept up in the “microservices mania” for a while."
    m = analyze(text, forced_body=frozenset((1,)))
    assert [q.speaker for q in m.quotes] == [None]


def test_a_sentence_opener_is_not_part_of_the_name_after_it() -> None:
    # "Once", "Perhaps", "Sometimes" open the sentence; the person is the name after them
    said = "“It was a perfect call,” he said."
    assert speakers("Once Trump released the transcript, the nation learned. " + said) == [
        ("“It was a perfect call,”", "Trump")
    ]
    assert speakers("Perhaps Trump knew more than he said. " + said)[-1][1] == "Trump"
    text = "Sometimes Kim Jong Un goes further. “The talks are over,” he said."
    assert speakers(text)[-1][1] == "Kim Jong Un"


def test_more_reporting_verbs_name_the_speaker() -> None:
    assert speakers("“The risk to the public remains low,” Jane Smith reiterated.") == [
        ("“The risk to the public remains low,”", "Jane Smith")
    ]
    text = "Jane Smith inspected the bridge. “The supports are failing,” she confirmed."
    assert speakers(text)[-1][1] == "Jane Smith"
    text = "For “best performance over a long cable,” Google recommends wiring it to a router."
    assert speakers(text) == [("“best performance over a long cable,”", "Google")]
    assert speakers("“That is simply not true,” the minister retorted.")[-1][1] == "the minister"
