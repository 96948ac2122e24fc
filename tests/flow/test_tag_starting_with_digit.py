"""A tag that starts with a digit ("2020-election", "9/11", "5g") can be typed.

In the empty tag box a digit toggles that quick tag at once, so typing "2020-election"
toggled quick tag 2, closed the box, and the rest ("020-election") went to the reader
as keys (`l` opened an article, `e`…). A quick digit now waits a moment: typing on makes
it text; alone (or with enter) it is still the quick tag.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.tag_prompt import TagPromptScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


async def test_typing_a_tag_that_starts_with_a_digit(seeds_copy: Path, isolated_home: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        opened = app.current
        await pilot.press("t", *"2020-election")
        await asyncio.sleep(0.6)  # longer than the quick key's wait
        await pilot.pause()
        assert isinstance(app.screen, TagPromptScreen), "the box is still open, with the text"
        await press(pilot, "enter")
        assert app.store.tags(FIRST) == ["2020-election"]
        assert app.current == opened  # no key leaked to the reader


async def test_a_lone_quick_digit_still_toggles_its_tag(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t", "1")
        for _ in range(100):  # the quick key fires after its short wait
            await asyncio.sleep(0.02)
            if "relevant" in app.store.tags(FIRST):
                break
        assert "relevant" in app.store.tags(FIRST)
        assert not isinstance(app.screen, TagPromptScreen)
        await press(pilot, "t", "2", "enter")  # a digit and enter at once: the quick tag too
        assert "irrelevant" in app.store.tags(FIRST)
        assert not isinstance(app.screen, TagPromptScreen)
