"""Typing a search left the header above the article on the row the list's cursor was on
before ("Trump and Kim … · enter opens"), while the list showed other articles and `enter`
went to the first of them. The header follows the list's cursor while the search box has
the focus, as it does while the list has it."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, press, settle


async def test_the_header_shows_the_first_hit_while_typing(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        header = app.query_one("#article-header")
        assert "Trump and Kim" in str(header.render())  # the first row
        await press(pilot, "slash", *"flawed")  # only in the second article's title
        await settle(app, pilot)
        for _ in range(20):
            await pilot.pause(0.05)
        assert app.focused is not None and app.focused.id == "filter"
        shown = " ".join(str(header.render()).split())  # (the title wraps)
        assert "The best deal Trump can hope for" in shown, shown
        assert "Trump and Kim" not in shown
