"""Screen titles say what they say in full at 80x24: nothing cut in the middle of a
phrase ("boilerplate 36% of" …)."""

from __future__ import annotations

import io
from pathlib import Path

from textual.widgets import Static

from tests.tui.helpers import press
from tests.tui.snapshot_apps import app_for, demo_corpus, wait_ready


async def test_overview_title_fits_80_columns(tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await press(pilot, "V")
        await wait_ready(pilot)
        title = app.screen.query_one("#overview-title", Static)
        text = str(title.render()).rstrip()
        assert "analysed" in text and "boilerplate 36%" in text
        assert len(text) <= title.size.width - 2  # its padding: nothing cut


def test_help_for_E_names_every_format_the_export_dialog_offers() -> None:
    from reader.tui.export_dialog import CHOICES
    from reader.tui.screens import HelpScreen

    help_of_e = next(text for _, keys, text in HelpScreen().help_rows() if keys == "E")
    for name in ("Markdown", "JSON", "JSON-LD", "CSV", "clean text", "REFI-QDA"):
        assert name in help_of_e
    assert any("REFI-QDA" in label for _, label, _, _ in CHOICES)


async def test_adjudication_rows_fit_80_columns_decision_first(
    tmp_path: Path, isolated_home: Path
) -> None:
    """At 80x24 each unit is one row, the coders' values and gold's first (they wrapped
    onto a second row, under the article's file name)."""
    from textual.widgets import OptionList

    from tests.tui.helpers import make_app
    from tests.tui.test_coding_screens import _adjudication_ready, _corpus

    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _adjudication_ready(app, pilot)
        options = screen.query_one(OptionList)
        width = options.scrollable_content_region.width
        assert screen.rows
        for i in range(options.option_count):
            row = options.get_option_at_index(i).prompt
            plain = row.plain if hasattr(row, "plain") else str(row)
            assert len(plain) <= width, plain
            assert plain.startswith("1:") and "gold:" in plain[:20]


async def test_help_keys_column_is_as_wide_as_the_keys_not_the_query_operators(
    seeds_copy: Path,
) -> None:
    """The operators of the query table (`is:done|todo|skipped`) no longer widen the keys'
    column: at 80 columns descriptions start right after the longest key."""
    from rich.console import Console

    from reader.tui.screens import HelpScreen
    from tests.tui.helpers import make_app, settle

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", Static)
        console = Console(width=body.size.width, record=True, file=io.StringIO())
        console.print(body.content)
        lines = console.export_text().splitlines()
        quit_row = next(line for line in lines if line.startswith("q "))
        longest_key = max(len(keys) for _, keys, _ in HelpScreen().help_rows())
        assert quit_row.index("Quit") <= longest_key + 2
        assert any(line.startswith("is:done|todo|skipped") for line in lines)


async def test_key_bar_at_80_columns_keeps_the_coding_keys(seeds_copy: Path) -> None:
    """In an article at 80 columns the bar showed select, note, help, quit, filter and
    boilerplate, and no room was left for tag, next, done or undo: quit and the keys on
    the start card give way first now; at 120 columns everything still shows."""
    from reader.tui.widgets.keybar import KeyBar
    from tests.tui.helpers import make_app, press, settle

    for size, expect in (((80, 24), ["t Tag", "d Done", "u Undo", "? Help"]),
                         ((120, 40), ["t Tag", "d Done", "u Undo", "q Quit", "b Boilerplate"])):
        app = make_app(seeds_copy)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await press(pilot, "enter")
            bar = app.query_one(KeyBar)
            keys = str(bar.render())
            assert all(k in keys for k in expect), (size, keys)
            assert keys.endswith("^p palette") and len(keys) <= bar.size.width
            assert keys.index("? Help") < keys.index("t Tag")  # the list's order is kept


async def test_a_short_choice_list_is_as_tall_as_its_options(seeds_copy: Path) -> None:
    """`e` in coded passages offers two formats: the box was twenty rows high."""
    from textual.widgets import OptionList

    from reader.tui.screens import ChoiceScreen
    from tests.tui.helpers import make_app, press, settle

    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "s", "1", "P", "e")
        assert isinstance(app.screen, ChoiceScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert options.size.height <= options.option_count + 2  # its border


async def test_the_palette_teaches_each_commands_key(seeds_copy: Path) -> None:
    """ctrl+p found "Export" but never said that E does it; now the key leads its help."""
    from textual.command import CommandList

    from tests.tui.helpers import make_app, settle

    app = make_app(seeds_copy, keymap={"app.done": "enter"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("E · Export annotations" in p for p in prompts), prompts
        assert any("⏎ · Mark the article done" in p for p in prompts), prompts  # remapped
