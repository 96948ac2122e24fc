"""The highlight note editor is multi-line: its hint says enter is a new line, and a stray
escape does not throw away a note being written (a second escape does, as in memos).
Notices name articles by their title."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from reader.tui.screens import NoteScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


async def _note_open(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(pilot, "enter", "right_square_bracket", "1", "a")
    assert isinstance(app.screen, NoteScreen)


async def test_the_hint_says_enter_is_a_new_line_and_ctrl_s_saves(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await _note_open(app, pilot)
        hint = str(app.screen.query_one("#note-hint", Static).render())
        assert "enter: new line" in hint and "ctrl+s saves" in hint
        await press(pilot, *"two", "enter", *"lines", "enter", "ctrl+s")
        # the enter pressed in the hope it saves is not kept at the end of the note
        assert app.store.highlights(FIRST)[0].note == "two\nlines"


async def test_one_escape_keeps_an_unsaved_note_two_discard_it(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _note_open(app, pilot)
        await press(pilot, *"half a thought", "escape")
        assert isinstance(app.screen, NoteScreen)  # still there, with the text
        assert "esc again discards" in str(app.screen.query_one("#note-hint", Static).render())
        await press(pilot, "ctrl+s")
        assert app.store.highlights(FIRST)[0].note == "half a thought"
        await press(pilot, "a", *" more", "escape", "escape")
        assert not isinstance(app.screen, NoteScreen)
        assert app.store.highlights(FIRST)[0].note == "half a thought"  # discarded on purpose
        await press(pilot, "a", "escape")  # nothing changed: one escape closes
        assert not isinstance(app.screen, NoteScreen)


async def test_marking_done_names_the_article_by_title(seeds_copy: Path) -> None:
    """`d` opens the next article at once: the notice says which one was marked, by the
    title the coder read, not its file name."""
    from tests.conftest import SEED_TITLES

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "d")
        said = [str(n.message) for n in app._notifications]
        assert any(m.startswith("“" + SEED_TITLES[0][:30]) and m.endswith(": done")
                   for m in said), said


async def test_bad_json_lines_records_are_called_records_not_files(tmp_path: Path) -> None:
    from textual.widgets import Label

    from reader.tui.screens import MessageScreen

    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "Good one\\n\\nA body."}\nnot json\n[1]\n', encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert "2 records not loaded: press S to see why" in said, said
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)
        assert "Not loaded: 2 records" in str(app.screen.query_one(Label).render())


def test_skipped_count_names_files_and_records() -> None:
    from reader.corpus import Skipped
    from reader.tui.screens import skipped_count

    bad = [Skipped("a.txt", Path("a.txt"), "binary"),
           Skipped("n.jsonl line 2", Path("n.jsonl"), "invalid JSON"),
           Skipped("n.jsonl line 9", Path("n.jsonl"), "no text")]
    assert skipped_count(bad) == "1 file and 2 records"
    assert skipped_count(bad[:1]) == "1 file"


async def test_the_selection_hint_is_not_cut_by_a_note_at_80_columns(seeds_copy: Path) -> None:
    """Selecting inside a highlight with a long note: the status line said the note and
    cut "selected N chars (1-9 to highlight)" off at 80 columns; the hint comes first."""
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await _note_open(app, pilot)
        await press(pilot, *"a note long enough to fill the status line of a narrow terminal",
                    "ctrl+s", "v", "w", "w")
        status = app.query_one("#status", Static)
        text = str(status.render())
        hint = "(1-9 to highlight)"
        assert hint in text and text.index(hint) + len(hint) <= status.size.width, text


async def test_a_long_memo_title_ends_with_an_ellipsis_at_80_columns(seeds_copy: Path) -> None:
    from textual.geometry import Region
    from textual.widgets import Label

    from reader.tui.memo import MemoScreen

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "j", "enter", "m")  # the second article's title is long
        assert isinstance(app.screen, MemoScreen)
        label = app.screen.query_one("#memo-title", Label)
        row = label.render_lines(Region(0, 0, label.size.width, 1))[0].text.rstrip()
        assert row.startswith("Memo:") and row.endswith("…"), row
