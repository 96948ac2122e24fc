"""The coded passages' `e` export asks before replacing a file, as `E` does.

It wrote over `coded-passages.md` without a word (the box said "replacing it"), so a second
export of another label's passages silently took the place of the first.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from reader.tui.passages_screen import PassagesScreen
from reader.tui.screens import ChoiceScreen
from tests.tui.helpers import make_app, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus


def _pick(screen, option_id: str) -> None:  # type: ignore[no-untyped-def]
    lst = screen.query_one(OptionList)
    for i in range(lst.option_count):
        if lst.get_option_at_index(i).id == option_id:
            lst.highlighted = i
            return
    raise AssertionError(option_id)


async def _export_md(app, pilot, path: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await pilot.pause()
    _pick(app.screen, "md")
    await pilot.press("enter")
    await pilot.pause()
    app.screen.query_one(Input).value = path
    await pilot.press("enter")
    await pilot.pause()


async def test_a_second_passages_export_asks_before_replacing(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    target = tmp_path / "passages.md"
    target.write_text("my earlier export\n", encoding="utf-8")
    notices: list[str] = []
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        assert isinstance(app.screen, PassagesScreen)
        await _export_md(app, pilot, str(target))
        assert isinstance(app.screen, ChoiceScreen), "no question before replacing"
        assert "exists" in app.screen.title_text
        _pick(app.screen, "cancel")
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "my earlier export\n"
        # said yes: replaced; a new file is written at once
        await _export_md(app, pilot, str(target))
        _pick(app.screen, "replace")
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Coded passages")
        fresh = tmp_path / "fresh.md"
        await _export_md(app, pilot, "~/../fresh.md")
        notices = [n.message for n in app._notifications]
    assert fresh.exists()  # "~" expanded, as in E
    assert any("2 passages exported" in n for n in notices), notices


async def test_one_passage_is_singular(tmp_path: Path, isolated_home: Path) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P", "l")
        _pick(app.screen, "evidence")
        await pilot.press("enter")
        await pilot.pause()
        await _export_md(app, pilot, str(tmp_path / "one.md"))
        notices = [n.message for n in app._notifications]
    assert any("1 passage exported" in n for n in notices), notices
    assert not any("1 passages" in n for n in notices), notices


async def test_a_new_folder_is_made_as_E_makes_it(tmp_path: Path, isolated_home: Path) -> None:
    """It failed with "No such file or directory: '…/.passages-x1y2.tmp'", naming a file
    the user never asked for, where `E` makes the folder."""
    corpus = demo_corpus(tmp_path, annotated=True)
    target = tmp_path / "new" / "folder" / "passages.md"
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await _export_md(app, pilot, str(target))
        notices = [n.message for n in app._notifications]
    assert target.read_text(encoding="utf-8").startswith("# Coded passages"), notices
