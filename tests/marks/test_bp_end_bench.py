"""The end-boundary simulations of `bench/bp_end.py`, whose table is in bench/README_marks.md
(eighth boilerplate round): each variant changes only the verdicts it says it changes."""

from __future__ import annotations

import numpy as np

from reader.marks import article_end
from tests.marks.test_trees import _load

be = _load("bp_end")

PARA = ("The council voted on Tuesday to approve the budget after a long debate about "
        "schools, roads and the cost of the new library.")


def _page() -> tuple[dict, list[str]]:
    """Lines 1-based: 1 menu, 3 headline, 5-15 six paragraphs, 17 "Related", 19 a teaser's
    summary, 21 footer; the verdicts of a model that kept the summary."""
    texts = ["Home", "Council approves budget", *[PARA] * 6, "Related", "A teaser summary.",
             "Privacy policy"]
    lines = "\n\n".join(texts).split("\n")
    idx = [i for i, s in enumerate(lines) if s]
    p = [0.99, 0.5, *[0.01] * 6, 0.99, 0.3, 0.99]
    r = {"idx": idx, "p": p, "marked": [1, 17, 21], "title": 3, "certain": [],
         "rep": [False] * len(idx)}
    return r, lines


def test_the_header_rule_takes_the_summary_and_restores_its_settings() -> None:
    r, lines = _page()
    before = article_end.TAIL_SHARE, article_end.END_HEADER
    assert be.header_rule(r, lines, 0.1, article_end.END_HEADER) == {19}
    assert be.header_rule(r, lines, 0.1, be.SECTION_HEADERS) == {19}
    assert be.header_rule(r, lines, 0.0, article_end.END_HEADER) == set()
    assert before == (article_end.TAIL_SHARE, article_end.END_HEADER)


def test_above_the_headline_and_continuity_touch_only_their_lines() -> None:
    r, lines = _page()
    assert be.above_title(r, lines, 1.0) == set()  # the menu is already furniture
    r2 = dict(r, marked=[17, 21])
    assert be.above_title(r2, lines, 1.0) == {1}
    r3 = dict(r, marked=[1, 9, 17, 21])  # a paragraph the model dropped between two others
    assert be.continuity(r3, lines, 1, 0.99) == {9}
    assert be.continuity(r3, lines, 1, 0.005) == set()


def test_the_end_model_cuts_where_it_is_sure_and_within_the_share() -> None:
    r, lines = _page()
    rows = be.end_rows(r, lines)
    assert [ln for ln, _, _ in rows] == [19]
    x = np.array([f for _, f, _ in rows] * 4)
    model = be.fit(x, np.array([1.0, 1.0, 0.0, 1.0]), np.ones(4))
    assert be.cut(model, r, lines, 0.5, 0.1) == {19}
    assert be.cut(model, r, lines, 0.5, 0.0) == set()
    assert be.cut(model, r, lines, 0.99, 0.1) == set()
