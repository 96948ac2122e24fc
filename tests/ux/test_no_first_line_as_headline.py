"""While the headline pass runs, the list shows no first line as a headline: on scraped
pages that line is furniture ("Skip to main content"), and the list was a column of them
on a first open and after every detector change."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

import reader.cache
from reader.tui.widgets.article_list import ArticleList
from tests.tui.helpers import make_app, settle

PAGE = """Skip to main content
Home | World | Politics
Storm closes the harbour of {town} for three days
The harbour of {town} was closed on Monday after a storm damaged the piers, officials \
said, and repairs are expected to take at least three days while divers inspect it.
Fishermen said the closure would cost them a week's income at the busiest time of year.
"""


def _rows(app: Any) -> list[str]:
    view = app.query_one(ArticleList)
    return [view.render_line(y).text for y in range(len(app.corpus.articles))]


async def test_rows_wait_for_their_headline(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for town in ("Portville", "Eastham"):
        (corpus / f"{town}.txt").write_text(PAGE.format(town=town), encoding="utf-8")
    release = threading.Event()
    real = reader.cache.analyse_summaries

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(20)  # the headline pass, held until the list has been looked at
        return real(*args, **kwargs)

    monkeypatch.setattr(reader.cache, "analyse_summaries", held)
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # the first pass (first lines) is done
            await pilot.pause(0.02)
            if app.indexed == 2:
                break
        await pilot.pause(0.1)
        rows = _rows(app)
        assert not any("Skip to main content" in r for r in rows), rows
        assert all("⋯" in r for r in rows), rows  # a placeholder, the file's name
        for _ in range(100):  # (the header follows once the first pass says so)
            header = str(app.query_one("#article-header").render())
            if "0 words" not in header:
                break
            await pilot.pause(0.02)
        assert "finding the headline" in header, header
        release.set()
        await settle(app, pilot)
        await pilot.pause(0.1)
        rows = _rows(app)
        assert all("Storm closes the harbour of" in r for r in rows), rows
        assert not any("⋯" in r for r in rows), rows
