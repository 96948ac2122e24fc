"""Narrow and wide terminals (issue 19, item 3): titles get the room, badges yield, `F`
hides the list, the highlighted row's full title is on screen, a start card at start,
and the key bar and status line fit at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from annotations.store import AnnotationStore
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.keybar import KeyBar
from tests.conftest import SEED_TITLES
from tests.tui.helpers import make_app, press, settle

SECOND = "004_598cb5278b402db9.txt"
LONG = SEED_TITLES[1]  # 74 characters


def _tag(corpus: Path) -> None:
    store = AnnotationStore.open(corpus / "annotations.json")
    store.add_tags(SECOND, ["north-korea", "opinion", "economy"])
    store.close()


def _shown_title(row: str) -> str:
    """The title part of a list row: after the status mark, before the badges."""
    text = row[2:].split(" #")[0].rstrip()
    return text.rstrip("…")


@pytest.mark.parametrize(("size", "least"), [((120, 40), 44), ((80, 24), 30)])
async def test_titles_get_room_first_and_badges_yield(
    seeds_copy: Path, size: tuple[int, int], least: int
) -> None:
    _tag(seeds_copy)
    app = make_app(seeds_copy)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        row = app.query_one(ArticleList).render_line(1).text
        shown = _shown_title(row)
        assert LONG.startswith(shown) and len(shown) >= least, row
        assert "#" in row  # the tags still say they are there


async def test_full_title_of_the_highlighted_row_and_a_start_card(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        card = app.query_one("#start-card", Static)
        assert card.display and "enter" in str(card.render())
        await press(pilot, "j")
        header = " ".join(str(app.query_one("#article-header").render()).split())
        assert LONG in header
        await press(pilot, "enter")
        assert not card.display and app.query_one(ArticleView).display


async def test_F_hides_the_list_for_full_width_reading(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        narrow = view.size.width
        await press(pilot, "F")
        assert not app.query_one("#left").display
        assert view.size.width >= 78 > narrow
        assert view.has_focus
        await press(pilot, "F")
        assert app.query_one("#left").display
        await press(pilot, "F", "h")  # back to the list brings it back
        assert app.query_one("#left").display and app.query_one(ArticleList).has_focus


async def test_key_bar_and_status_line_fit_at_80x24(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_square_bracket")  # into a quotation
        bar = app.query_one(KeyBar)
        keys = str(bar.render())
        assert len(keys) <= bar.size.width and not keys.endswith("…")
        assert "? Help" in keys and "palette" in keys
        status = app.query_one("#status", Static)
        text = str(status.render())
        assert text.startswith("line ") and "│" in text  # line number and the quotation
        assert len(text) <= status.size.width and status.size.width >= 78


async def test_header_shows_a_tag_added_from_the_list(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "j", "t", *"economy", "enter")
        assert "#economy" in str(app.query_one("#article-header").render())


async def test_full_width_header_rewraps_the_title(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "F")
        await pilot.pause()
        rows = str(app.query_one("#article-header").render()).split("\n")
        assert rows[0].startswith("Trump and Kim rekindle their long-distance romance")
