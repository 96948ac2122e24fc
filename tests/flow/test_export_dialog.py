"""`E` in the app (issue 19, item 6): asks the format and the path, with a default; asks
before replacing a file; files get the umask's permissions, not 0600."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reader.tui.export_dialog import default_path
from reader.tui.screens import ChoiceScreen, PromptScreen
from tests.tui.helpers import make_app, press, settle


def test_default_path_is_the_start_folder_with_corpus_name_and_date(tmp_path: Path) -> None:
    day = dt.date(2026, 3, 1)
    expected = tmp_path / "seeds-annotations-2026-03-01.csv"
    assert default_path("seeds", "csv", tmp_path, day) == expected
    assert default_path("seeds", "md-split", tmp_path, day) == tmp_path / "seeds-notes-2026-03-01"


async def _choose(pilot, app, option: int) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "E")
    assert isinstance(app.screen, ChoiceScreen)
    for _ in range(option):
        await press(pilot, "down")
    await press(pilot, "enter")
    assert isinstance(app.screen, PromptScreen)


async def _done(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_E_asks_format_and_path_and_before_replacing(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)
    old = os.umask(0o022)
    try:
        app = make_app(seeds_copy)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(pilot, "t", *"economy", "enter")
            await _choose(pilot, app, 4)  # CSV
            box = app.screen.query_one("#prompt-input")
            assert box.value.endswith(".csv") and "seeds-annotations-" in box.value
            box.value = str(tmp_path / "mine.csv")
            await press(pilot, "enter")
            await _done(pilot, app)
            out = tmp_path / "mine.csv"
            assert out.read_bytes().startswith(b"article,")
            assert out.stat().st_mode & 0o777 == 0o644
            # again: the file exists, so it asks; cancel keeps the file as it was
            out.write_text("keep me", encoding="utf-8")
            await _choose(pilot, app, 4)
            app.screen.query_one("#prompt-input").value = str(out)
            await press(pilot, "enter")
            assert isinstance(app.screen, ChoiceScreen)
            await press(pilot, "down", "enter")  # Cancel
            await _done(pilot, app)
            assert out.read_text(encoding="utf-8") == "keep me"
            # one note per article, into the default folder
            await _choose(pilot, app, 1)
            await press(pilot, "enter")
            await _done(pilot, app)
    finally:
        os.umask(old)
    (notes,) = start.glob("seeds-notes-*")
    assert (notes / "index.md").is_file()
    assert not (seeds_copy / "annotations-export.md").exists()
