"""The app says when detection failed on an article, and counts only the article's own
quotations (not those in teasers and menus) in the header."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import make_app, settle


async def test_a_detector_error_is_a_notice_not_nothing_marked(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.marks as marks

    real = marks._analyze

    def failing(text: str, *args: object, **kwargs: object) -> object:
        if "Lankov" in text:  # the second seed only
            raise RuntimeError("detector bug")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(marks, "_analyze", failing)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not [n for n in app._notifications if "detection failed" in n.message]
        await pilot.press("h", "j", "enter")
        await settle(app, pilot)
        notes = [n.message for n in app._notifications if "detection failed" in n.message]
        assert notes and app.corpus.articles[1].id in notes[0]


async def test_header_counts_the_article_quotations_only(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        m = app.marks
        on_furniture = [q for q in m.quotes if q.on_boilerplate]
        assert on_furniture  # the seed has quotation marks in its teaser lists
        header = str(app.query_one("#article-header").render())
        assert f"{len(m.quotes) - len(on_furniture)} quotations" in header
