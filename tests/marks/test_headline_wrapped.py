"""A headline repeated inside a breadcrumb, behind a label or before the site's name
(issue 16, item 4, fifth round): the plain copy is the headline, whichever the ranker
scored higher."""

from __future__ import annotations

import pytest

from reader.marks import analyze
from reader.marks import headline as hl
from reader.marks.text import normalise_line
from tests.marks.test_headline_unseen import BODY, HEAD, _title  # one synthetic page for both


@pytest.mark.parametrize("wrapped", [
    HEAD + " | The Harbour Times",  # the <title> copy: headline, bar, site name
    HEAD + ":",  # a label made of the headline
])
def test_the_headline_with_a_site_name_or_a_colon_after_it_is_not_the_headline(
    wrapped: str,
) -> None:
    assert _title("Menu", wrapped, HEAD, "By Jane Smith") == HEAD


@pytest.mark.parametrize("outer", [
    "home » local news » city council votes",  # a breadcrumb path
    'home " local news " city council votes',  # the same as a line key ("»" folded)
    "home news local news city council votes",  # a path from "Home", no separators
    "home / news / city council votes",
    "homelocal newscity council votes",  # a path glued to the headline
    "news: city council votes",  # a label
    "city council votes | the harbour times",
    "city council votes!:",
])
def test_wrappers_of_a_headline(outer: str) -> None:
    assert hl.wraps(outer, "city council votes")


@pytest.mark.parametrize(("outer", "inner"), [
    # a headline that merely ends or starts with another line's text
    ("7 healthy air fryer recipes", "healthy air fryer recipes"),
    ("becoming a digital nomad: 25 useful tips", "becoming a digital nomad"),
    ("the year in mathematics", "mathematics"),  # one word: a section name
    ("home » news", "news"),
    ("city council votes", "city council votes"),
])
def test_not_wrappers(outer: str, inner: str) -> None:
    assert not hl.wraps(outer, inner)


def test_a_breadcrumb_with_guillemets_yields_to_the_headline_on_a_page() -> None:
    # line keys fold "»" into a quotation mark: the path is still recognised
    path = "Home » Local News » " + HEAD
    text = "\n\n".join(("Menu", path, HEAD, *BODY))
    lines = text.split("\n")
    m = analyze(text)
    assert lines[m.title_line - 1] == HEAD
    assert hl.wraps(normalise_line(path), normalise_line(HEAD))


def test_pick_line_takes_the_text_a_breadcrumb_wraps() -> None:
    # the ranker scores the breadcrumb ("Home » Guides » <headline>") above the plain
    # headline under it (it shares all the article's words and is longer): the plain copy
    # is chosen, unless the user ruled it out
    idx = [0, 2, 4, 6]
    keys = ["menu", "home » guides » how to fix a bridge", "how to fix a bridge", "lede"]
    cands = [0, 1, 2, 3]
    rows = [[0.0], [3.0], [2.0], [1.0]]
    assert hl.pick_line(idx, keys, cands, rows, [1.0]) == 5
    assert hl.pick_line(idx, keys, cands, rows, [1.0], lambda k: k == 2) == 3
