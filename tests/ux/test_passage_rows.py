"""Coded passages at 80 columns: the line under a passage (its article, coder and note)
wrapped back to the first column, where it read as the start of the next passage. Its
continuation lines are now indented like its first."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.tui.passages_screen import PassagesScreen
from tests.tui.helpers import make_app, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus


async def test_a_long_article_line_under_a_passage_stays_indented(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PassagesScreen)
        lst = screen.query_one(OptionList)
        rows = [lst.render_line(y).text.rstrip() for y in range(lst.size.height)]
    meta = next(i for i, r in enumerate(rows) if "· note:" in r)
    assert rows[meta].startswith("  ")
    # the note goes on, indented as the line it continues, not from the first column
    assert rows[meta + 1].startswith("  ") and rows[meta + 1].strip(), rows
    assert "column's thesis" in " ".join(rows[meta:meta + 3]), rows
