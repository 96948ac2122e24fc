"""`h` then `/` typed in one burst from the article: the search box keeps the focus and
the letters typed next (the list's focus, arriving late, took them)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import settle


async def test_h_then_slash_in_one_burst(tmp_path: Path, isolated_home: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text("Harbour news\n\nThe storm flooded the harbour.\n")
    (root / "b.txt").write_text("Budget talks\n\nThe council met.\n")
    app = ReaderApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        # (as a terminal delivers "h/" in one read: the second key is handled before the
        # message the first one posted; Pilot's press waits between keys)
        app.query_one(ArticleView).action_back()
        app.action_focus_filter()
        await settle(app, pilot)
        await pilot.press("s", "t", "o", "r", "m")
        await settle(app, pilot)
        box = app.query_one("#filter", Input)
        assert box.value == "storm"
        assert box.has_focus
