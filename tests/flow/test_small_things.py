"""Small things (issue 19, item 9): palette on an empty query, screenshots without
~/Downloads, "1 quotation", undo messages that name what changed, the view surviving a
restart, `reader annotations` listing corrections."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from annotations.model import Correction
from annotations.store import AnnotationStore
from reader.cli import main
from reader.tui.app import ReaderApp
from reader.tui.header import header_text
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"
SECOND = "004_598cb5278b402db9.txt"


async def test_palette_lists_the_apps_commands_on_an_empty_query(seeds_copy: Path) -> None:
    from textual.command import CommandList

    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("Export" in p for p in prompts), prompts
        assert any("Full width" in p for p in prompts), prompts


async def test_screenshot_without_a_downloads_folder(
    seeds_copy: Path, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)
    assert not (isolated_home / "Downloads").exists()
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.deliver_screenshot()
        for _ in range(50):
            await pilot.pause(0.05)
            if list(start.glob("*.svg")):
                break
    (svg,) = start.glob("*.svg")
    assert svg.read_text(encoding="utf-8").startswith("<svg")


async def test_one_quotation_is_singular(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        def marks(n: int) -> SimpleNamespace:
            return SimpleNamespace(article_quotes=[object()] * n)

        one = str(header_text(app, 0, 200, marks(1), True))
        two = str(header_text(app, 0, 200, marks(2), True))
        assert "· 1 quotation ·" in one and "1 quotations" not in one
        assert "· 2 quotations ·" in two


async def test_undo_and_redo_name_the_label_and_the_text(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    said: list[str] = []
    real = app.notify
    app.notify = lambda message, *a, **k: (said.append(str(message)), real(message, *a, **k))[1]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_curly_bracket", "right_curly_bracket", "s", "1")
        hl = app.store.highlights(FIRST)[0]
        start = " ".join(hl.exact.split())[:20]
        await press(pilot, "u")
        undone = [m for m in said if m.startswith("undone: ")]
        assert undone and "claim" in undone[-1] and start in undone[-1], said
        assert hl.id[:8] not in undone[-1]
        await press(pilot, "ctrl+r")
        redone = [m for m in said if m.startswith("redone: ")]
        assert redone and "claim" in redone[-1] and start in redone[-1], said


async def test_view_survives_a_restart(seeds_copy: Path, isolated_home: Path) -> None:
    app = ReaderApp(seeds_copy)  # with its cache and view state, as a user runs it
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "j", "enter", "b", "right_curly_bracket", "right_curly_bracket")
        cursor = app.query_one(ArticleView).cursor
        await press(pilot, "q")
    again = ReaderApp(seeds_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        await pilot.pause(0.2)
        assert again.hide_boilerplate
        assert again.query_one(ArticleList).current == 1
        assert again.current == 1
        assert again.query_one(ArticleView).cursor == cursor
        assert again.query_one(ArticleView).hide_boilerplate
        await press(pilot, "q")


def test_reader_annotations_lists_corrections(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with AnnotationStore.open(seeds_copy / "annotations.json") as store:
        store.add_correction(Correction("c" * 32, "line_boilerplate", article=FIRST, line=3,
                                        text="Sign up for our newsletter"))
        store.add_correction(Correction("d" * 32, "text_boilerplate", text="Read more:"))
    assert main(["annotations", str(seeds_copy)]) == 0
    out = capsys.readouterr().out
    assert f"{FIRST}  [todo]" in out
    assert 'correction cccccccc  line_boilerplate  line 3  "Sign up for our newsletter"' in out
    assert "every article:" in out and "text_boilerplate" in out and "Read more:" in out
    assert main(["annotations", str(seeds_copy), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (entry,) = doc["articles"]
    assert [c["kind"] for c in entry["corrections"]] == ["line_boilerplate"]
    assert [c["text"] for c in doc["corrections"]] == ["Read more:"]


async def test_slash_help_lists_every_filter_operator(seeds_copy: Path) -> None:
    from textual.widgets import Input

    from reader.filtering import OPERATORS
    from reader.tui.commands import BY_ID

    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        placeholder = app.query_one("#filter", Input).placeholder
    for syntax, _ in OPERATORS:
        assert syntax in placeholder, syntax
        assert syntax in BY_ID["app.filter"].help, syntax  # the help screen and the palette
