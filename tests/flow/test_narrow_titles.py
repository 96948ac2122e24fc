"""Screen titles say what they say in full at 80x24: nothing cut in the middle of a
phrase ("boilerplate 36% of" …)."""

from __future__ import annotations

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
