"""The palette's "Save screenshot" says where the file went in plain words.

Textual's own notice is written in its markup ("[$text-success]'/tmp/x.svg'"); the app shows
every notice as plain text (titles may hold brackets), so the user read the markup raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import make_app, settle


async def test_the_screenshot_notice_names_the_file_without_markup(
    seeds_copy: Path, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.action_screenshot()
        said: list[str] = []
        for _ in range(60):
            await pilot.pause(0.05)
            said = [n.message.replace("/\n", "/") for n in app._notifications
                    if n.title == "Screenshot"]
            if said:
                break
    (svg,) = start.glob("*.svg")
    assert len(said) == 1, said
    assert "[$" not in said[0] and "'" not in said[0], said
    assert str(svg) in said[0]
