"""The article header re-wraps its title when the terminal grows back.

Shrinking the terminal to 60 columns and widening it again to 120 left the header
wrapped at the narrow width ("Plumbers are training as / substitute teachers so full /
time teachers can…") over a body laid out at the full width: the header was re-drawn
once, right after the resize, with the width the pane had before its new layout.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.helpers import make_app, press, settle

TITLE = "Plumbers are training as substitute teachers so full time teachers can protest a bill"


async def test_the_header_follows_the_pane_width_after_a_resize(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{TITLE}\n\nThe body of the article, in words.\n",
                                  encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        header = app.query_one("#article-header", Static)
        wide = str(header.render()).split("\n")[0]
        await pilot.resize_terminal(60, 20)
        await pilot.pause(0.3)
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.3)
        assert str(header.render()).split("\n")[0] == wide, (wide, str(header.render()))
        rows = str(header.render()).split("\n")
        assert all(len(r) <= header.size.width for r in rows)
        assert len(wide) > 60  # the test needs a title longer than the narrow pane


async def test_while_the_list_has_focus_the_header_names_its_row_after_a_resize(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("First article\n\nWords.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Second article\n\nWords.\n", encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # read the first
        await settle(app, pilot)
        await press(pilot, "h", "j")  # back in the list, on the second
        await settle(app, pilot)
        header = app.query_one("#article-header", Static)
        assert str(header.render()).startswith("Second article")
        await pilot.resize_terminal(90, 30)
        await pilot.pause(0.3)
        assert str(header.render()).startswith("Second article"), str(header.render())
