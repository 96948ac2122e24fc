"""Verdicts in blocks (`reader.marks.smoothing`): a line the model is unsure of goes with
its neighbours, a line it is sure of keeps its verdict."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.marks import LineKind, analyze
from reader.marks.smoothing import block_verdicts

PARAS = [
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "weeks of debate over how much to spend on roads and schools.",
    "Council members said the plan would raise spending on repairs by ten percent, while "
    "cutting costs elsewhere in the city's administration.",
    "The mayor, who had asked for a larger increase, said she would sign the budget but "
    "would keep pushing for more money for the schools.",
    "Residents who spoke at the meeting were divided, with some praising the plan and "
    "others saying it did too little for their neighbourhoods.",
]


def _kinds(lines: list[str]) -> dict[str, LineKind]:
    marks = analyze("\n\n".join(lines))
    text_lines = "\n\n".join(lines).split("\n")
    return {text_lines[i]: k for i, k in enumerate(marks.line_kinds) if text_lines[i]}


def test_an_unsure_teaser_among_sure_furniture_is_boilerplate() -> None:
    # a teaser title under the article that reuses the article's words: the model alone
    # kept it as body (p 0.78, under the 0.85 threshold), though it sits between a date
    # and an author's name in a block of share links, dates and footer links
    teasers = ["Share this article", "3 hours ago", "What the council budget means for schools",
               "Jane Smith", "2 hours ago", "Privacy policy", "Terms of use"]
    kinds = _kinds(["Home", "News", "Sport", "Council approves new city budget",
                    "By Jane Smith", *PARAS, *teasers])
    assert [kinds[t] for t in teasers] == [LineKind.BOILERPLATE] * len(teasers)
    assert [kinds[p] for p in PARAS] == [LineKind.BODY] * len(PARAS)


def test_a_sub_heading_between_paragraphs_stays_body() -> None:
    kinds = _kinds(["Home", "News", "Council approves new city budget", *PARAS[:2],
                    "What comes next", *PARAS[2:], "Share this article", "Privacy policy"])
    assert kinds["What comes next"] is LineKind.BODY
    assert [kinds[p] for p in PARAS] == [LineKind.BODY] * len(PARAS)
    assert kinds["Privacy policy"] is LineKind.BOILERPLATE


def test_an_unsure_short_line_goes_with_its_block() -> None:
    # a sub-heading just over the threshold between two paragraphs is body; a short line
    # just under it among menu items is boilerplate
    assert block_verdicts([0.05, 0.88, 0.05], [200, 20, 200], 0.85) == [False, False, False]
    assert block_verdicts([0.99, 0.80, 0.99], [10, 15, 10], 0.85) == [True, True, True]


def test_a_line_the_model_is_sure_of_keeps_its_verdict() -> None:
    # "Advertisement" between paragraphs, a paragraph between menu lines
    assert block_verdicts([0.05, 0.999, 0.05], [200, 13, 200], 0.85) == [False, True, False]
    assert block_verdicts([0.99, 0.02, 0.99], [10, 300, 10], 0.85) == [True, False, True]


def test_a_pattern_line_counts_as_sure_furniture() -> None:
    # an unsure line between a pattern-certain prompt and a menu line
    assert block_verdicts([0.5, 0.8, 0.97], [30, 12, 8], 0.85, {0}) == [True, True, True]
    assert block_verdicts([0.5, 0.8, 0.97], [30, 12, 8], 0.85) == [False, False, True]


@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 400)), max_size=40),
       st.floats(0.05, 0.95))
def test_verdicts_never_raise_and_match_the_lines(
    rows: list[tuple[float, int]], threshold: float
) -> None:
    p = [r[0] for r in rows]
    chars = [r[1] for r in rows]
    out = block_verdicts(p, chars, threshold)
    assert len(out) == len(rows)
    # lines the model is sure of by a wide margin keep the model's verdict
    for v, pk, c in zip(out, p, chars, strict=True):
        if c >= 80 and pk >= 0.999 and threshold <= 0.9:
            assert v
        if c >= 80 and pk <= 0.001 and threshold >= 0.1:
            assert not v
