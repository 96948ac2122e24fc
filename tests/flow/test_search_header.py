"""After a search, the header above the article names the row the list cursor is on.

A user read one article, went back, searched, pressed enter to move into the results: the
list cursor sat on the first hit while the header still showed the article read before
(not among the hits), until the cursor was moved. The header follows the list's cursor
whenever the list has focus, so it must also when the focus arrives from the search box.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_TITLES
from tests.tui.helpers import make_app, press, settle


def _header(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(app.query_one("#article-header").render()).split())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_header_names_the_first_hit_once_the_list_has_focus(
    seeds_copy: Path, size: tuple[int, int]
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # read the first article
        assert SEED_TITLES[0][:25] in _header(app)
        await press(pilot, "h", "slash")
        for ch in "flawed":  # only the second article's title has it
            await press(pilot, ch)
        await settle(app, pilot)
        await press(pilot, "enter")  # into the results
        article_list = app.query_one(ArticleList)
        assert article_list.has_focus
        assert article_list.current == 1
        header = _header(app)
        assert SEED_TITLES[1][:25] in header
        assert SEED_TITLES[0][:25] not in header
