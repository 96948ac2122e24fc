"""Terminal escapes in a file name are shown inert, as they are in article text.

A file named `ESC]0;pwn BEL x.txt` set the terminal's window title when its article was
under the cursor: the header's last fact is the article id, written to the terminal as it
was. A binary file with an ESC in its name sent it in the notice and the `S` list too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from reader.cli import main
from reader.tui.screens import MessageScreen
from tests.tui.helpers import make_app, press, settle

TITLE_SETTER = "\x1b]0;pwn\x07"
RED = "\x1b[31m"


async def test_ids_with_escapes_reach_no_terminal(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{TITLE_SETTER}a.txt").write_text("A title\n\nSome text.\n", encoding="utf-8")
    (corpus / f"{RED}b.txt").write_bytes(b"\x89PNG\x00\x00binary")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        shown = [str(app.query_one("#title-bar", Static).render())]
        for key in ("enter", "h", "j", "enter"):  # each article, in the list and opened
            await press(pilot, key)
            await settle(app, pilot)
            shown.append(str(app.query_one("#article-header", Static).render()))
        shown += [n.message + n.title for n in app._notifications]
        await press(pilot, "h", "S")
        assert isinstance(app.screen, MessageScreen)
        shown += [str(s.render()) for s in app.screen.query(Static)]
        assert any("a.txt" in s for s in shown) and any("b.txt" in s for s in shown), shown
        assert not [s for s in shown if "\x1b" in s or "\x07" in s], shown
        assert any("␛]0;pwn␇a.txt" in s for s in shown), shown  # inert, and still named


def test_the_commands_print_such_names_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader list` on a terminal set its window title from a file name on stderr
    ("skipped ESC]0;…"); `reader annotations` did from an id, a note or a memo."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = f"{TITLE_SETTER}a.txt"
    (corpus / name).write_text("A title\n\nSome text.\n", encoding="utf-8")
    (corpus / f"{RED}b.txt").write_bytes(b"\x89PNG\x00\x00binary")
    for command in (["list"], ["analyze"], ["dupes"]):
        main([*command, str(corpus)])
        err = capsys.readouterr().err
        assert "b.txt: binary file" in err and "\x1b" not in err, (command, err)
    assert main(["tag", str(corpus), name, "t"]) == 0
    assert main(["memo", str(corpus), name, "--text", f"memo {RED}red"]) == 0
    assert main(["highlight", str(corpus), name, "--start", "0", "--end", "7",
                 "--note", f"note {RED}red"]) == 0
    capsys.readouterr()
    assert main(["annotations", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "a.txt" in out and "memo ␛[31mred" in out and "note ␛[31mred" in out, out
    assert "\x1b" not in out and "\x07" not in out, out


async def test_an_orphan_quoting_escapes_is_listed_inert(
    tmp_path: Path, isolated_home: Path
) -> None:
    """`O` lists orphaned highlights by their quoted text: an article holding an escape
    sequence sent it to the terminal from that list."""
    from reader.tui.screens import ChoiceScreen

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = f"A title\n\nShe said {TITLE_SETTER} quietly and left.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("She")
    assert main(["highlight", str(corpus), "a.txt", "--start", str(start), "--end",
                 str(text.index("and left"))]) == 0
    (corpus / "a.txt").write_text("A title\n\nSomething else entirely now.\n",
                                  encoding="utf-8")  # the highlight is orphaned
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        await press(pilot, "O")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceScreen)
        from textual.widgets import OptionList

        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown and all("\x1b" not in s for s in shown), shown
