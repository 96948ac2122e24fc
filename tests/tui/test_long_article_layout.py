"""The first article opened, when long, is laid out once the pane has its width.

Opening a 3 MB article as the first one laid it out at the minimum width (10 columns: the
pane was not sized yet), which the resize right after threw away: 1.2 s of the app's
thread (keys, quitting) spent for nothing, and more on longer articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.app import BIG_ARTICLE
from reader.tui.widgets import article_view
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, settle


async def test_a_long_first_article_is_laid_out_at_the_panes_width_only(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    para = "A paragraph of the long report, long enough to wrap on a narrow pane.\n\n"
    text = "The long report\n\n" + para * (BIG_ARTICLE // len(para) + 10)
    (corpus / "long.txt").write_text(text, encoding="utf-8")
    widths: list[int] = []
    real = article_view.layout

    def layout(t: str, width: int, hidden: frozenset[int] = frozenset()):  # type: ignore[no-untyped-def]
        if len(t) > BIG_ARTICLE:
            widths.append(width)
        return real(t, width, hidden)

    monkeypatch.setattr(article_view, "layout", layout)
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(0)
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        assert view.rows and view.rows[-1].end == len(text)  # the whole text, laid out
        pane = view.scrollable_content_region.width
    assert widths and 10 not in widths  # never at the minimum width
    assert all(w >= pane - 2 for w in widths), (widths, pane)
