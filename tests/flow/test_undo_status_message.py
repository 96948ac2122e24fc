"""Undoing `d` or a tag says which article, by its title, and how its status went.

The notice read "undone: 000_4f563db4c078cd2b.txt root: done": the file id, the coder's
name glued to it, and "done" after "undone", which a coder took to mean the article was
still done. It now names the article as the list does and the status as it changed.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_TITLES
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


async def test_undoing_done_and_a_tag_names_the_title_and_the_change(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy, coder="ann")
    said: list[str] = []
    real = app.notify
    app.notify = lambda message, *a, **k: (said.append(str(message)), real(message, *a, **k))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "d")  # done, and on to the next article
        assert app.store.status(FIRST) == "done"
        await press(pilot, "u")
        assert app.store.status(FIRST) == "todo"
        undone = [m for m in said if m.startswith("undone: ")][-1]
        assert SEED_TITLES[0][:20] in undone, undone
        assert FIRST not in undone and "ann" not in undone, undone
        assert "todo → done" in undone, undone
        await press(pilot, "ctrl+r")
        redone = [m for m in said if m.startswith("redone: ")][-1]
        assert SEED_TITLES[0][:20] in redone and "todo → done" in redone, redone

        await press(pilot, "h", "k", "t")
        for ch in "urgent":
            await press(pilot, ch)
        await press(pilot, "enter", "u")
        undone = [m for m in said if m.startswith("undone: ")][-1]
        assert "#urgent" in undone and SEED_TITLES[0][:20] in undone, undone
        assert FIRST not in undone, undone


async def test_undoing_done_goes_back_to_the_article(seeds_copy: Path, isolated_home: Path) -> None:
    """`d` (meant as `D`, delete the highlight) marks the article done and opens the next;
    `u` put the status back but left the coder on the next article, to find the first
    again. Undoing (and redoing) a status change now opens the article it changed."""
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        first = app.current
        await press(pilot, "d")
        assert app.current != first  # moved on to the next to do
        await press(pilot, "u")
        await settle(app, pilot)
        assert app.store.status(FIRST) == "todo"
        assert app.current == first, "undo brings the article back"
        from reader.tui.widgets.article_list import ArticleList

        assert app.query_one(ArticleList).current == first  # the list's cursor too
