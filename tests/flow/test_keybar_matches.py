"""With search matches lit in the article, the key bar says what `n` does: next match.

After a search, `n` in the article jumps to the next match, not to the next article to
do, while the key bar still said "n Next to do"; a coder pressed it to move on and
stayed in the article. The key bar now says "n Next match" while matches are lit.
"""

from __future__ import annotations

from pathlib import Path

from reader.tui.widgets.keybar import KeyBar
from tests.tui.helpers import make_app, press, settle


def _keys(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one(KeyBar).render())


async def test_the_key_bar_names_n_as_next_match_while_matches_are_lit(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        assert "Next to do" in _keys(app)
        await press(pilot, "f", *"korea", "enter")  # find in the article: matches lit
        await pilot.pause()
        keys = _keys(app)
        assert "n Next match" in keys and "Next to do" not in keys, keys
        await press(pilot, "n")  # and n does that
        await press(pilot, "h", "j", "enter")  # another article, nothing lit
        assert "Next to do" in _keys(app), _keys(app)
