"""The error classes of `bench/bp_errors.py`, whose table is in bench/README_marks.md
(seventh boilerplate round): a line is put where a reader would put it."""

from __future__ import annotations

from tests.marks.test_trees import _load

be = _load("bp_errors")


def test_furniture_kept_as_body_is_classed_by_what_it_says_and_where_it_is() -> None:
    assert be.kept_class("Great post, thanks!", 90, 10, 50, in_comments=True) == "comment thread"
    assert be.kept_class("Jane Smith is a freelance writer living in Ohio.", 60, 10, 50,
                         False) == "bio"
    assert be.kept_class("Sign up for our newsletter", 5, 10, 50, False).startswith(
        "newsletter")
    assert be.kept_class("© 2024 Example Media. All rights reserved.", 99, 10, 50,
                         False).startswith("legal")
    teaser = ("Officials said on Monday that the new bridge would open next spring after "
              "years of delays and rising costs.")
    assert be.kept_class(teaser, 70, 10, 50, False).startswith("long line below")
    assert be.kept_class(teaser, 30, 10, 50, False) == "other, long, inside the article"
    assert be.kept_class("Most read", 5, 10, 50, False) == "other, short, above the article"


def test_body_dropped_is_classed_by_its_place_and_shape() -> None:
    body = [10, 12, 14, 16, 18]
    assert be.dropped_class("The lede.", 10, body, set()) == "first body line"
    assert be.dropped_class("The end.", 18, body, set()) == "last two body lines"
    assert be.dropped_class("3 eggs", 12, body, {12}) == "list item"
    assert be.dropped_class("\u201cWe will win,\u201d she said.", 14, body, set()) == "quotation"
    assert be.dropped_class("What comes next", 14, body, set()) == "sub-heading / label"
    assert be.dropped_class("x" * 90 + ".", 14, body, set()) == "paragraph"
