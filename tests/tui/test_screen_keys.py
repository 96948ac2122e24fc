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
from tests.tui.helpers import demo_session, make_app, press, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus

A1 = "000_4f563db4c078cd2b.txt"


async def test_j_and_k_move_in_the_overview_and_passages(
    tmp_path: Path, isolated_home: Path
) -> None:
    async with demo_session(tmp_path, size=(80, 24)) as (app, pilot, corpus):
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
    async with demo_session(tmp_path, size=(80, 24)) as (app, pilot, corpus):
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
    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
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


async def test_the_help_scrolls_with_the_reading_keys(
    seeds_copy: Path, isolated_home: Path
) -> None:
    """At 80x24 the help is several pages; it scrolled only with the arrows."""
    from textual.containers import VerticalScroll

    from reader.tui.screens import HelpScreen

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > scroll.size.height  # more than a page to read
        await pilot.press("j", "j", "j")
        await pilot.pause(0.3)
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await pilot.pause(0.3)
        assert scroll.scroll_y == 2
        await pilot.press("space")
        await pilot.pause(0.3)
        assert scroll.scroll_y >= 2 + scroll.size.height - 2, "space pages down"
        await pilot.press("G")
        await pilot.pause(0.3)
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause(0.3)
        assert scroll.scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_palette_over_a_corpus_view_does_not_act_on_the_hidden_article(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The guard's other way in: ctrl+p, "Skip", enter, from the overview."""
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    said: list[str] = []
    real = app.notify
    app.notify = lambda message, *a, **k: (said.append(str(message)), real(message, *a, **k))[1]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        opened, status = app.current, app.store.status(A1)
        await press(pilot, "V", "ctrl+p")
        await pilot.pause()
        await press(pilot, *"mark the article skipped")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert app.current == opened and app.store.status(A1) == status
        assert any("esc" in m for m in said), said  # it says how to get back to the article


@pytest.mark.parametrize("via", [("V", "P"), ("P",)])
async def test_a_passage_opened_from_a_stack_of_views_lands_in_the_reader(
    tmp_path: Path, isolated_home: Path, via: tuple[str, ...]
) -> None:
    """Overview, then `P`, then enter on a passage: the article opened behind the
    overview, which stayed on screen; the coder saw the overview, not the passage."""
    from reader.tui.app import MainScreen

    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        for key in via:
            await press(pilot, key)
        assert isinstance(app.screen, PassagesScreen)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), type(app.screen).__name__
        assert app.corpus.articles[app.current].id == A1


async def test_a_filter_picked_in_the_overview_over_the_passages_lands_in_the_reader(
    tmp_path: Path, isolated_home: Path
) -> None:
    from reader.tui.app import MainScreen

    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        await press(pilot, "P", "V")
        assert isinstance(app.screen, OverviewScreen)
        await press(pilot, "enter")  # the first row: a status, "is:..." in the box
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), type(app.screen).__name__
        assert app.query_one("#filter").value.startswith("is:")


async def test_slash_in_a_corpus_view_goes_to_the_search_box(
    tmp_path: Path, isolated_home: Path
) -> None:
    from textual.widgets import Input

    from reader.tui.app import MainScreen

    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        await press(pilot, "V", "P", "slash")
        assert isinstance(app.screen, MainScreen)
        box = app.query_one("#filter", Input)
        assert box.has_focus
        await press(pilot, *"kim")
        assert box.value == "kim"
