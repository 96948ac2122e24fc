"""The `/` box says a query of punctuation alone searches nothing.

`...` or `-` listed every article as "130 of 130 · ranked", as if each matched.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.helpers import make_app, press, settle


async def test_punctuation_alone_is_named_under_the_box(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "slash", "full_stop", "full_stop", "full_stop")
        await settle(app, pilot)
        info = str(app.query_one("#search-info", Static).render())
        assert "punctuation is not searched" in info, info
        assert "ranked" not in info, info


async def test_find_in_the_article_says_it_too(seeds_copy: Path, isolated_home: Path) -> None:
    """`f` then `(` answered "not in this article: (" in an article full of brackets."""
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "f", "left_parenthesis", "enter")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any("punctuation is not searched" in m for m in said), said
