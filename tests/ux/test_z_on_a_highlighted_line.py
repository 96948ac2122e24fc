"""`z` on a line holding a highlight says the highlight is kept: with boilerplate hidden
(`b`) it vanished with the line, and the coder took it for lost."""

from __future__ import annotations

from pathlib import Path

from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle
from tests.ux.test_z_on_the_headline import TEXT


async def test_z_names_the_highlights_the_line_holds(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        view.move_cursor(TEXT.index("Fishermen said"))
        await press(pilot, "s", "1")  # highlight the sentence
        await settle(app, pilot)
        assert len(app.store.highlights("a.txt")) == 1
        await press(pilot, "z")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("→ boilerplate; its 1 highlight kept" in s for s in said), said
        assert len(app.store.highlights("a.txt")) == 1
