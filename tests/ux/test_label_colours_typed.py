"""A label colour the app cannot draw never stops the app; one it does not know is refused.

`a` in the codebook with `weird, #zzzzzz, …` (or `#abc`, the short hex form a web page
uses) was saved, and the first highlight with that label stopped the app with a traceback
from the terminal library's colour parser. `tone, chartreuse, …` was saved too and drew
forest green without a word. Now short hex works, a broken one falls back to the label
key's colour, and adding a label with an unknown colour says which colours there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.codebook_ops import add_label
from annotations.errors import AnnotationInputError
from annotations.model import Codebook
from reader.palette import PALETTE, label_colour
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle


def test_short_hex_is_drawn_and_broken_hex_falls_back() -> None:
    assert label_colour("#abc", "3") == "#AABBCC"
    assert label_colour("#zzzzzz", "3") == PALETTE[2][1]
    assert label_colour("#12345", "1") == PALETTE[0][1]


def test_adding_a_label_with_an_unknown_colour_is_refused() -> None:
    with pytest.raises(AnnotationInputError, match="unknown colour 'chartreuse': use yellow"):
        add_label(Codebook.default(), "tone", "chartreuse")
    for ok in ("blue", "Forest", "#aa00ff", "#a0f", ""):
        assert any(lab.name == "tone" for lab in add_label(Codebook.default(), "tone", ok).labels)


async def test_a_hand_written_bad_hex_does_not_stop_the_app(seeds_copy: Path) -> None:
    (seeds_copy / "codebook.toml").write_text(
        '[[labels]]\nname = "claim"\nkey = "1"\ncolour = "#zzzzzz"\n\n'
        '[[labels]]\nname = "short"\nkey = "2"\ncolour = "#abc"\n', encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "s", "1", "j", "j", "s", "2")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert {h.colour for h in view.highlight_spans} == {PALETTE[0][1], "#AABBCC"}
        for y in range(view.size.height):
            view.render_line(y)  # drawn without an error
