"""The "Not loaded" list (`S`) moves with the reading keys, as the help and every list do.

At 80x24, a JSON Lines file with a dozen bad lines filled more than the dialog: `j`, `G`
and `g` did nothing there (only the arrows and page keys scrolled), so the reasons at the
bottom (here the file found unreadable last) could not be reached the way every other
list in the app is read.
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from reader.tui.screens import MessageScreen
from tests.tui.helpers import make_app, press, settle


async def test_the_not_loaded_list_scrolls_with_j_k_g_and_G(
    seeds_copy: Path, isolated_home: Path
) -> None:
    bad = "\n".join(f"not json {i}" for i in range(30)) + "\n"
    (seeds_copy / "broken.jsonl").write_text(bad, encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)
        scroll = app.screen.query_one(VerticalScroll)
        await pilot.pause()
        assert scroll.max_scroll_y > 0, "the test needs a list longer than the dialog"
        await press(pilot, "G")
        await pilot.pause(0.3)
        assert scroll.scroll_y == scroll.max_scroll_y
        await press(pilot, "k")
        await pilot.pause(0.3)
        assert scroll.scroll_y < scroll.max_scroll_y
        await press(pilot, "g")
        await pilot.pause(0.3)
        assert scroll.scroll_y == 0
        await press(pilot, "j")
        await pilot.pause(0.3)
        assert scroll.scroll_y > 0
        await press(pilot, "escape")
        assert not isinstance(app.screen, MessageScreen)
