"""Square brackets in an article's title or text are text, in every notice and dialog.

An article titled "Shares [/drop] sharply as [b]markets react" crashed the app on `d`:
the notice "“Shares [/drop]…”: done" was read as Rich markup ("[/drop]" closes a tag
never opened). The tag prompt's title, a note's title ("Note on “…”") and other dialog
titles took the same path. Titles and notices now show such text as it is.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from reader.tui.screens import MessageScreen, NoteScreen
from reader.tui.tag_prompt import TagPromptScreen
from tests.tui.helpers import make_app, press, settle

TITLE = "Shares [/drop] sharply as [b]markets react"
BODY = 'Traders said "prices [/fell] fast [i]today" in the morning session.'


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Second article\n\nPlain words here.\n", encoding="utf-8")
    (corpus / "z[b]x[i].txt").write_bytes(b"binary\x00here")  # not loaded, with brackets
    return corpus


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_brackets_in_titles_and_text_never_crash_a_notice_or_dialog(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # a.txt
        await press(pilot, "t")
        assert isinstance(app.screen, TagPromptScreen)
        await pilot.pause()
        assert "[/drop]" in str(app.screen.query_one(Label).render())
        await press(pilot, "escape")
        await press(pilot, "s", "1")  # highlight the sentence (the title), brackets and all
        await press(pilot, "a")
        assert isinstance(app.screen, NoteScreen)
        await pilot.pause()
        assert "[/" in str(app.screen.query_one(Label).render())  # the text, brackets kept
        await press(pilot, "escape")
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)
        await press(pilot, "escape")
        await press(pilot, "d")  # the notice names the title
        await pilot.pause(0.2)
        assert any("[/drop]" in m for m in _said(app)), _said(app)
        assert app.is_running
    assert app.return_code in (None, 0)
