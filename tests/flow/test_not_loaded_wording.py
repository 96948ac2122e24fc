"""Files the app could not load are "not loaded", never "skipped" like articles.

`x` marks an article skipped (the status `is:skipped` finds, the overview counts); the
title bar also said "2 skipped (S)" for files it could not read, so a coder who had
skipped two articles read it as their own count and pressed `S` to find them.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Static

from reader.tui.screens import MessageScreen
from tests.tui.helpers import make_app, press, settle


async def test_unreadable_files_are_not_loaded_and_skipped_articles_are_skipped(
    seeds_copy: Path, isolated_home: Path
) -> None:
    (seeds_copy / "photo.txt").write_bytes(b"\x89PNG\x00\x00binary")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "x")  # skip an article: a status
        await settle(app, pilot)
        title = str(app.query_one("#title-bar", Static).render())
        assert "1 not loaded (S)" in title, title
        assert "skipped" not in title, title
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)
        heading = str(app.screen.query_one(Label).render())
        assert heading.startswith("Not loaded: 1 file"), heading


async def test_a_file_that_could_not_be_read_is_not_counted_as_an_article(
    seeds_copy: Path, isolated_home: Path
) -> None:
    """Two articles and a binary .txt: the title bar said "3 articles · 1 not loaded" and
    the progress "0/3 done", counting the unreadable file twice and as work to do."""
    (seeds_copy / "photo.txt").write_bytes(b"\x89PNG\x00\x00binary")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        title = str(app.query_one("#title-bar", Static).render())
        assert "2 articles · 1 not loaded (S)" in title, title
        progress = str(app.query_one("#progress-label", Static).render())
        assert "0/2 done" in progress, progress
