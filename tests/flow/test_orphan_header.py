"""An article whose highlight lost its place says so above the text, and where to look.

The article's file changed on disk (a re-scrape): its highlight could not be placed and
was not drawn, while the header still said "1 highlight", so the coder searched the text
for it. The header counts the highlights drawn and names the lost ones with the key that
lists them (`O`).
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, press, settle
from tests.tui.test_annotating_more import FIRST, add_highlight


def _header(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(app.query_one("#article-header").render()).split())


async def test_the_header_names_a_lost_highlight(seeds_copy: Path, isolated_home: Path) -> None:
    add_highlight(seeds_copy, "It marked the first time a sitting U.S. president")
    add_highlight(seeds_copy, "The sporadic romance between U.S. President Donald Trump")
    article = seeds_copy / FIRST
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("It marked the first time a sitting U.S. president had ever "
                                    "set foot inside North Korea.", "Something else entirely."),
                       encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # opening re-anchors: one is placed, one is lost
        await settle(app, pilot)
        header = _header(app)
        assert "1 highlight" in header and "2 highlights" not in header, header
        assert "1 lost (O)" in header, header


async def test_no_lost_mark_when_every_highlight_is_placed(
    seeds_copy: Path, isolated_home: Path
) -> None:
    add_highlight(seeds_copy, "It marked the first time a sitting U.S. president")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        header = _header(app)
        assert "1 highlight" in header and "lost" not in header, header


async def test_the_orphans_list_names_the_article_by_title(
    seeds_copy: Path, isolated_home: Path
) -> None:
    from textual.widgets import OptionList

    from reader.tui.screens import ChoiceScreen

    add_highlight(seeds_copy, "It marked the first time a sitting U.S. president")
    article = seeds_copy / FIRST
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("It marked the first time a sitting U.S. president had ever "
                                    "set foot inside North Korea.", "Something else entirely."),
                       encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "O")
        assert isinstance(app.screen, ChoiceScreen)
        row = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "Trump and Kim rekindle" in row and FIRST not in row, row
