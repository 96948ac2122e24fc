"""Sentence, paragraph and word motions over article text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader import motion

TEXT = (
    "Headline here\n\n"
    "The sporadic romance between U.S. President Donald Trump and Kim is on again. "
    "Mr. Bolton did not attend. “Really?” he asked. Then 3 more.\n\n"
    "Second paragraph."
)


def sentence_at(word: str) -> str:
    a, b = motion.sentence_bounds(TEXT, TEXT.index(word))
    return TEXT[a:b]


def test_sentences_skip_initialisms_and_titles() -> None:
    assert sentence_at("Donald") == (
        "The sporadic romance between U.S. President Donald Trump and Kim is on again."
    )
    assert sentence_at("Bolton") == "Mr. Bolton did not attend."
    assert sentence_at("asked") == "“Really?” he asked."
    assert sentence_at("3 more") == "Then 3 more."


def test_next_and_previous_sentence() -> None:
    first = TEXT.index("The sporadic")
    second = motion.next_sentence(TEXT, first)
    assert TEXT[second:].startswith("Mr. Bolton")
    assert motion.prev_sentence(TEXT, second) == first
    last = motion.next_sentence(TEXT, TEXT.index("Then 3"))
    assert TEXT[last:].startswith("Second paragraph")


def test_paragraph_motions_skip_blank_lines() -> None:
    start = motion.next_paragraph(TEXT, 0)
    assert TEXT[start:].startswith("The sporadic")
    assert motion.prev_paragraph(TEXT, start) == 0
    a, b = motion.paragraph_bounds(TEXT, start + 5)
    assert TEXT[a:b].endswith("Then 3 more.")


def test_words() -> None:
    at = TEXT.index("sporadic")
    assert TEXT[motion.next_word(TEXT, at) :].startswith("romance")
    assert TEXT[motion.prev_word(TEXT, at) :].startswith("The")
    assert TEXT[: motion.word_end(TEXT, at)].endswith("sporadic")


@given(st.text(), st.integers(min_value=0, max_value=200))
def test_motions_stay_in_bounds(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    for fn in (motion.next_sentence, motion.prev_sentence, motion.next_paragraph,
               motion.prev_paragraph, motion.next_word, motion.prev_word, motion.word_end):
        assert 0 <= fn(text, offset) <= len(text)
    a, b = motion.sentence_bounds(text, offset)
    assert 0 <= a <= b <= len(text)


def test_punctuation_rides_with_its_word() -> None:
    text = "Yersinia pestis, the bacteria."
    end = 0
    for _ in range(3):
        end = motion.word_end(text, end)
    assert text[:end] == "Yersinia pestis, the"
    assert text[motion.next_word(text, 0) :].startswith("pestis,")


def test_a_middle_initial_does_not_end_the_sentence() -> None:
    # "Noah A. Smith" is one name: highlighting the sentence took it from "Smith" on
    text = "Researchers led by Noah A. Smith showed this summer that it leaks. Then J. Doe spoke."
    a, b = motion.sentence_bounds(text, text.index("summer"))
    assert text[a:b] == "Researchers led by Noah A. Smith showed this summer that it leaks."
    a, b = motion.sentence_bounds(text, text.index("Doe"))
    assert text[a:b] == "Then J. Doe spoke."


def test_line_sentences_are_the_sentences_the_motion_visits() -> None:
    from reader.motion import line_sentences, next_sentence, paragraph_bounds, sentence_bounds

    text = (
        "Mr. Smith went to Washington. He said \u201cNo.\u201d Then he left!\n"
        "The U.S. economy grew 2.5 percent. Prices rose. \n"
        "\n"
        "A last line without a full stop"
    )
    visited = []
    pos = 0
    while True:
        visited.append(sentence_bounds(text, pos))
        nxt = next_sentence(text, pos)
        if nxt == pos:
            break
        pos = nxt
    spans = []
    start = 0
    while start <= len(text):
        p_start, p_end = paragraph_bounds(text, start)
        spans.extend(line_sentences(text, p_start, p_end))
        start = p_end + 1
    assert spans == [s for s in visited if s[0] < s[1]]
    assert [text[s:e] for s, e in spans][:3] == [
        "Mr. Smith went to Washington.", "He said \u201cNo.\u201d", "Then he left!"
    ]
