"""Keys on the full-screen views (overview, coded passages, a speaker's quotations).

Two surprises a user met: `j`/`k`, the motion keys everywhere else, did nothing in these
lists; and the reader's keys still fired through them, on an article the user could not
see (`d` in the overview marked the open article done and opened the next one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.tui.overview_screen import OverviewScreen
from reader.tui.passages_screen import PassagesScreen
from tests.tui.helpers import make_app, press, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus

A1 = "000_4f563db4c078cd2b.txt"


async def test_j_and_k_move_in_the_overview_and_passages(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key, screen_type in (("V", OverviewScreen), ("P", PassagesScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            lst = app.screen.query_one(OptionList)
            start = lst.highlighted
            assert start is not None
            await pilot.press("j")
            await pilot.pause()
            moved = lst.highlighted
            assert moved is not None and moved > start, "j moves down a row"
            await pilot.press("k")
            await pilot.pause()
            assert lst.highlighted == start, "k moves back up"
            await pilot.press("G")
            await pilot.pause()
            last = lst.highlighted
            assert last is not None and last >= moved, "G goes to the last row"
            await pilot.press("g")
            await pilot.pause()
            assert lst.highlighted == start, "g goes back to the first row"
            await pilot.press("escape")
            await pilot.pause()


async def test_j_and_k_move_in_the_export_format_choice(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("E")
        await pilot.pause()
        lst = app.screen.query_one(OptionList)
        start = lst.highlighted
        await pilot.press("j")
        await pilot.pause()
        assert lst.highlighted == (start or 0) + 1


@pytest.mark.parametrize("screen_key", ["V", "P"])
@pytest.mark.parametrize("key", ["d", "x", "n", "b", "m", "F"])
async def test_reader_keys_do_not_act_through_a_corpus_view(
    tmp_path: Path, isolated_home: Path, screen_key: str, key: str
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # open the first article (done in the demo)
        opened = app.current
        status = app.store.status(A1)
        tags = sorted(app.store.tags(A1))
        hidden = app.hide_boilerplate
        await pilot.press(screen_key)
        await pilot.pause()
        view = type(app.screen)
        await press(pilot, key)
        await settle(app, pilot)
        assert isinstance(app.screen, view), f"{key} left the {view.__name__}"
        assert app.current == opened, f"{key} opened another article behind the view"
        assert app.store.status(A1) == status
        assert sorted(app.store.tags(A1)) == tags
        assert app.hide_boilerplate == hidden
