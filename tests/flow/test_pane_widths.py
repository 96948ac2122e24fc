"""The list's width follows the focus: half the width while browsing (titles get the
room), a third while reading (the text gets it), at 120x40 and at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.conftest import SEED_TITLES
from tests.tui.helpers import make_app, press, settle


@pytest.mark.parametrize(("size", "reading"), [((120, 40), 76), ((80, 24), 48)])
async def test_reading_narrows_the_list_and_the_list_widens_again(
    seeds_copy: Path, size: tuple[int, int], reading: int
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        browsing = article_list.size.width
        assert browsing >= size[0] // 2 - 2  # titles get the room while browsing
        await press(pilot, "j", "enter")  # the article with the long title
        view = app.query_one(ArticleView)
        assert view.has_focus
        assert view.size.width >= reading > size[0] - browsing  # the text gets it now
        row = article_list.render_line(1).text
        assert SEED_TITLES[1][:20] in row  # the list still says where one is
        # the header's title rows were wrapped to the wider pane
        header = str(app.query_one("#article-header").render()).split("\n")
        assert len(header[0]) > size[0] - browsing - 2
        await press(pilot, "h")
        assert article_list.has_focus and article_list.size.width == browsing
        await press(pilot, "tab")
        assert view.has_focus and view.size.width >= reading
        await press(pilot, "slash")  # searching is browsing
        assert article_list.size.width == browsing


async def test_a_dialog_does_not_move_the_panes(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        width = view.size.width
        await press(pilot, "t")
        assert view.size.width == width
        await press(pilot, "escape")
        assert view.has_focus and view.size.width == width


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_progress_label_fits_the_list_at_either_width(
    seeds_copy: Path, size: tuple[int, int]
) -> None:
    from textual.widgets import Static

    app = make_app(seeds_copy)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        label = app.query_one("#progress-label", Static)

        def shown() -> str:
            return str(label.render()).rstrip()

        await press(pilot, "d")  # one done: the session has rates to show
        await press(pilot, "h")
        wide = shown()
        assert "done" in wide and len(wide) <= label.size.width
        await press(pilot, "l")
        await pilot.pause()
        narrow = shown()
        assert "done" in narrow and len(narrow) <= label.size.width, (narrow, label.size)
        await press(pilot, "h")
        await pilot.pause()
        assert shown() == wide
