"""ctrl+q in the memo or note editor with unsaved text asks once, as esc does.

A coder wrote a paragraph of project memo and pressed ctrl+q to leave, reaching for
"save and quit": the app quit at once and the paragraph was gone. esc already warns
before it throws text away; ctrl+q now warns the same way (a second ctrl+q quits).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from reader.tui.memo import MemoScreen
from reader.tui.screens import NoteScreen
from tests.tui.helpers import make_app, press, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus


async def test_ctrl_q_with_an_unsaved_memo_warns_then_quits(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "M")
        assert isinstance(app.screen, MemoScreen)
        await pilot.press(*"a paragraph of decisions")
        await press(pilot, "ctrl+q")
        assert app.is_running and isinstance(app.screen, MemoScreen), "the first ctrl+q warns"
        hint = str(app.screen.query_one("#memo-hint", Static).render())
        assert "ctrl+s" in hint and "ctrl+q" in hint, hint
        assert app.screen.text == "a paragraph of decisions"
        await press(pilot, "ctrl+q")
        await pilot.pause()
        assert not app.is_running, "a second ctrl+q quits"


async def test_ctrl_q_with_nothing_unsaved_quits_at_once(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "M")
        await press(pilot, "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_with_an_unsaved_note_warns(tmp_path: Path, isolated_home: Path) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "greater_than_sign", "a")  # the first highlight's note
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*" and more")
        await press(pilot, "ctrl+q")
        assert app.is_running and isinstance(app.screen, NoteScreen)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, NoteScreen)
    notes = [h.note for h in app.store.highlights("000_4f563db4c078cd2b.txt")]
    assert "The column's thesis and more" in notes, notes


async def test_text_left_in_an_editor_when_the_app_ends_is_kept_in_the_log(
    seeds_copy: Path, isolated_home: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The terminal closed (or ctrl+q twice) with a memo open: the text was gone. The
    app's shutdown now writes it to the log and says so once the terminal is back."""
    log = tmp_path / "log" / "reader.log"
    monkeypatch.setenv("READER_LOG", str(log))
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "M")
        await pilot.press(*"decisions so far")
        app.shutdown()  # what the exit path runs, whatever ended the app
        assert any("memo not saved" in p and str(log) in p for p in app.exit_problems), (
            app.exit_problems)
    assert "decisions so far" in log.read_text(encoding="utf-8")
