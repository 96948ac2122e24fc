"""A dialog's title longer than the dialog was cut at its edge at 80 columns
(`Boilerplate everywhere: "Trump and Kim rekindle their long-distanc`): the end of a
question, or of the path it asks about, was not shown. Titles wrap instead."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from reader.tui.screens import ChoiceScreen
from tests.tui.helpers import make_app, settle

TITLE = 'Boilerplate everywhere: "Trump and Kim rekindle their long-distance romance"'


async def test_a_long_dialog_title_is_shown_whole_at_80_columns(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.push_screen(ChoiceScreen(TITLE, [("yes", "Yes"), ("no", "No")]))
        await pilot.pause(0.1)
        label = app.screen.query_one(".dialog-title", Label)
        assert label.size.height >= 1
        shown = " ".join(label.render_line(y).text.strip() for y in range(label.size.height))
        assert label.region.right <= app.screen.query_one(".dialog").content_region.right
    assert shown == TITLE, shown
