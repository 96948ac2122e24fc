"""Small islands of body far below the article are furniture (`reader.marks.islands`): an
author box or a donation appeal under a stretch of share links and tags, not the article's
last paragraphs, and never what the user marked as body."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.marks import LineKind, analyze
from reader.marks.islands import ISLAND_GAP, islands_below
from reader.marks.repeated import repeated_lines
from tests.conftest import EVAL
from tests.marks.test_smoothing import PARAS

SIGN_OFF = "Thanks for reading, and see you next week."
FOOTER = ["Share this article", "Facebook", "Twitter", "Email", "Tags", "Budget", "Council",
          "Schools", "Related", "Most read"]


def _page(extra: list[str]) -> str:
    return "\n\n".join(["Home", "News", "Sport", "Council approves new city budget",
                        "By Jane Smith", *PARAS, *FOOTER, *extra,
                        "Privacy policy", "Terms of use"])


def test_an_island_far_below_the_article_is_furniture() -> None:
    body = [True] * 6 + [False] * (ISLAND_GAP + 1) + [True]
    chars = [300] * 6 + [10] * (ISLAND_GAP + 1) + [150]
    assert islands_below(body, chars) == [len(body) - 1]


def test_close_large_or_earlier_blocks_are_left_alone() -> None:
    # a gap the model left inside the article (an ad, a caption) joins the blocks
    near = [True] * 6 + [False] * ISLAND_GAP + [True]
    assert islands_below(near, [300] * len(near)) == []
    # a block as large as a fifth of the article is not an island
    big = [True] * 5 + [False] * (ISLAND_GAP + 1) + [True]
    assert islands_below(big, [300] * 5 + [10] * (ISLAND_GAP + 1) + [300]) == []
    # above the article (an intro over a long list) nothing is removed
    above = [True] + [False] * (ISLAND_GAP + 1) + [True] * 6
    assert islands_below(above, [150] + [10] * (ISLAND_GAP + 1) + [300] * 6) == []
    # nor where the user marked a line of the island as body
    body = [True] * 6 + [False] * (ISLAND_GAP + 1) + [True]
    assert islands_below(body, [300] * 6 + [10] * (ISLAND_GAP + 1) + [150],
                         protected={len(body) - 1}) == []


@pytest.mark.skipif(not (EVAL / "boilerplate" / "dev").is_dir(),
                    reason=f"no evaluation data at {EVAL} (set READER_EVAL)")
def test_the_first_reader_comment_under_a_post_is_boilerplate() -> None:
    # dev page 264: a blog post, its share bar and subscribe box, then a reader's two-line
    # comment that the model kept as the post's last paragraphs
    # (analysed as `reader analyze` analyses the dev corpus: with its repeated lines)
    pages = {p.name: p.read_text(encoding="utf-8")
             for p in sorted((EVAL / "boilerplate" / "dev").glob("*.txt"))}
    text = next(t for n, t in pages.items() if n.startswith("264_"))
    kinds = analyze(text, repeated=repeated_lines(pages.values())).line_kinds
    assert kinds[109] is LineKind.BOILERPLATE and kinds[111] is LineKind.BOILERPLATE
    assert text.split("\n")[109].startswith("This reminded me of")
    assert sum(k is LineKind.BODY for k in kinds) > 20


def test_the_users_body_correction_keeps_the_island() -> None:
    # the model marks the sign-off under the footer links boilerplate; the user says it is
    # body, which makes it an island the rule must not take back
    text = _page([SIGN_OFF])
    n = text.split("\n").index(SIGN_OFF) + 1
    assert analyze(text).line_kinds[n - 1] is LineKind.BOILERPLATE
    assert analyze(text, forced_body=frozenset({n})).line_kinds[n - 1] is LineKind.BODY


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 500)), max_size=60))
def test_islands_are_body_lines_below_the_largest_block(lines: list[tuple[bool, int]]) -> None:
    body = [b for b, _ in lines]
    chars = [c for _, c in lines]
    out = islands_below(body, chars)
    assert all(body[k] for k in out)
    assert len(set(out)) == len(out)
