"""A name typed in `E`'s box without an extension gets the format's.

`notes` was written as a file called `notes` (no program opens it as Markdown), and for
"Clean text … (JSON Lines)" a name without `.jsonl` wrote a folder of 130 .txt files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.tui.export_dialog import with_suffix
from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle


async def _export(pilot, app, option: int, name: str) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "E", *["down"] * option, "enter")
    assert isinstance(app.screen, PromptScreen)
    app.screen.query_one("#prompt-input").value = name
    await press(pilot, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_format_suffix_is_added(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy", "enter")
        await _export(pilot, app, 0, "notes")  # Markdown
        await _export(pilot, app, 6, "clean")  # Clean text (JSON Lines)
    assert (tmp_path / "notes.md").is_file() and not (tmp_path / "notes").exists()
    assert (tmp_path / "clean.jsonl").is_file() and not (tmp_path / "clean").exists()
    first = (tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "text" in json.loads(first)


def test_a_name_with_a_suffix_or_a_folder_is_left_as_typed(tmp_path: Path) -> None:
    assert with_suffix("notes.txt", ".md") == "notes.txt"
    assert with_suffix(str(tmp_path), ".md") == str(tmp_path)
    assert with_suffix("vault", "") == "vault"  # one note per article: a folder


async def test_coded_passages_get_the_suffix_too(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "s", "1", "P", "e", "down", "enter")  # CSV
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input").value = str(tmp_path / "passages")
        await press(pilot, "enter")
        await pilot.pause()
    assert (tmp_path / "passages.csv").is_file() and not (tmp_path / "passages").exists()
