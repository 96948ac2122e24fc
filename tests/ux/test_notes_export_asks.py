"""`E` → one note per article, into a folder that already holds notes, asks first.

Obsidian users edit the exported notes in their vault; a second export wrote over every
note of the same name without a word, and their edits were gone. A file asks before it
is replaced; now a folder that holds files does too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.screens import ChoiceScreen, PromptScreen
from tests.tui.helpers import make_app, press, settle


async def _export_notes(pilot, app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "E", "down", "enter")  # Markdown: one note per article
    assert isinstance(app.screen, PromptScreen)
    app.screen.query_one("#prompt-input").value = str(folder)
    await press(pilot, "enter")


async def _done(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_second_notes_export_into_the_same_folder_asks(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    vault = tmp_path / "vault"
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy", "enter")
        await _export_notes(pilot, app, vault)  # a new folder: written at once
        await _done(pilot, app)
        index = vault / "index.md"
        assert index.is_file()
        index.write_text("my own edits\n", encoding="utf-8")
        await _export_notes(pilot, app, vault)
        assert isinstance(app.screen, ChoiceScreen), "replaced the notes without asking"
        assert "vault" in app.screen.title_text
        await press(pilot, "down", "down", "enter")  # Cancel
        await _done(pilot, app)
        assert index.read_text(encoding="utf-8") == "my own edits\n"
        await _export_notes(pilot, app, vault)
        await press(pilot, "down", "enter")  # Replace them too
        await _done(pilot, app)
    assert index.read_text(encoding="utf-8") != "my own edits\n"


async def test_an_empty_folder_is_written_without_a_question(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    vault = tmp_path / "empty"
    vault.mkdir()
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy", "enter")
        await _export_notes(pilot, app, vault)
        await _done(pilot, app)
        assert not isinstance(app.screen, ChoiceScreen)
    assert (vault / "index.md").is_file()


async def test_notes_edited_since_the_last_export_are_named_and_kept_by_default(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question names the edited notes; its first answer keeps them and writes the
    rest (what `reader export --split` does)."""
    monkeypatch.chdir(tmp_path)
    vault = tmp_path / "vault"
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"economy", "enter")
        await _export_notes(pilot, app, vault)
        await _done(pilot, app)
        note = next(p for p in vault.glob("*.md") if p.name != "index.md")
        note.write_text(note.read_text(encoding="utf-8") + "\nmy reading\n", "utf-8")
        await press(pilot, "t", *"council", "enter")
        index_before = (vault / "index.md").read_text(encoding="utf-8")
        await _export_notes(pilot, app, vault)
        assert isinstance(app.screen, ChoiceScreen)
        assert "1 note edited since the last export" in app.screen.title_text
        assert note.name in app.screen.title_text
        await press(pilot, "enter")  # Keep my edits, write the other notes
        await _done(pilot, app)
        assert any("kept 1 you edited" in n.message for n in app._notifications)
    assert note.read_text(encoding="utf-8").endswith("\nmy reading\n")
    assert (vault / "index.md").read_text(encoding="utf-8") != index_before  # the rest: written
