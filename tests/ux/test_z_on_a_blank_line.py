"""`z` on a blank line says why nothing changed (it did nothing, without a word)."""

from __future__ import annotations

from pathlib import Path

from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle


async def test_z_on_a_blank_line_says_so(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "A title\n\nThe first paragraph.\n\nThe second paragraph.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        view.move_cursor(text.index("\n\nThe second") + 1)  # the blank line between them
        await press(pilot, "z")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any("blank line" in m for m in said), said
        assert not app.store.store.corrections()
