"""`S` with every file loaded opened a dialog "Not loaded: nothing" holding "(nothing)", to
be closed again: a notice says it."""

from __future__ import annotations

from pathlib import Path

from reader.tui.screens import MessageScreen
from tests.tui.helpers import make_app, press, settle


async def test_s_says_every_file_was_loaded(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A title\n\nSome text of the article.\n", encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "S")
        assert not isinstance(app.screen, MessageScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("every file was loaded" in s for s in said), said
        (corpus / "b.txt").write_bytes(b"\x00\x01binary")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)  # something to list: the dialog
