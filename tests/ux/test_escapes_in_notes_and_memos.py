"""Notes and memos given on the command line reach no terminal as escape sequences.

`reader memo C A --text "ESC]0;X BEL"` then `m` in the app: the memo editor wrote the
escape to the terminal (its window title became "X"); `reader memo C A` printed it too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.cli import main
from reader.tui.memo import MemoScreen
from reader.tui.screens import NoteScreen
from tests.tui.helpers import make_app, press, settle

TITLE_SETTER = "\x1b]0;pwn\x07"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nThe council met on Monday.\n", encoding="utf-8")
    base = ["--coder", "ann"]
    assert main(["memo", str(folder), "a.txt", "--text", f"memo {TITLE_SETTER}\tend",
                 *base]) == 0
    assert main(["highlight", str(folder), "a.txt", "--start", "9", "--end", "20",
                 "--note", f"note {TITLE_SETTER}", *base]) == 0
    return folder


def test_reader_memo_prints_it_inert(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["memo", str(corpus), "a.txt", "--coder", "ann"]) == 0
    out = capsys.readouterr().out
    assert out == "memo ␛]0;pwn␇\tend\n", repr(out)


async def test_the_editors_show_it_inert(
    corpus: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_CODER", "ann")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "m")
        await settle(app, pilot)
        assert isinstance(app.screen, MemoScreen)
        memo = app.screen.query_one(TextArea).text
        assert "\x1b" not in memo and "\x07" not in memo and "\tend" in memo, repr(memo)
        await press(pilot, "escape")
        await settle(app, pilot)
        await press(pilot, "greater_than_sign", "a")  # to the highlight, its note
        await settle(app, pilot)
        assert isinstance(app.screen, NoteScreen), app.screen
        note = app.screen.query_one(TextArea).text
        assert "\x1b" not in note and "\x07" not in note and note.startswith("note "), note
