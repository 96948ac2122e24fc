"""`E` before anything is annotated wrote an empty export and said only "exported to X",
so a new user looked for their work in it; `reader export` says "nothing to export".
Once something is annotated, `E` says what it wrote, as `reader export` does ("wrote 1
article(s), 0 highlight(s)"): a coder checks at a glance that their work is in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle


async def test_an_export_of_nothing_says_so(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "E", "enter")  # Markdown
        assert isinstance(app.screen, PromptScreen)
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("nothing is annotated yet" in m for m in said), said
        await press(pilot, "t", *"economy", "enter", "E", "enter", "enter", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        last = [n.message for n in app._notifications][-1]
        assert last.startswith("exported 1 article, 0 highlights to"), last
        assert "nothing is annotated" not in last
