"""Coders and memos in the app: the title bar names the coder, the memo editor saves,
switching coder shows the other coder's work and records under their name."""

from __future__ import annotations

from pathlib import Path

from annotations.store import ALL, AnnotationStore
from reader.tui.memo import MemoScreen
from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


def title_bar(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#title-bar").render())


async def test_the_title_bar_names_the_coder(seeds_copy: Path) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test() as pilot:
        await settle(app, pilot)
        assert "coder ann" in title_bar(app)


async def test_memo_editor_saves_an_article_memo_and_a_project_memo(seeds_copy: Path) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test() as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "m")
        assert isinstance(app.screen, MemoScreen)
        await pilot.press(*"Framing: diplomacy", "enter", *"second line")
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, MemoScreen)
        await press(pilot, "M")
        await pilot.press(*"Project decisions")
        await press(pilot, "ctrl+s")
        # opening the editor again shows what was saved
        await press(pilot, "m")
        assert app.screen.text == "Framing: diplomacy\nsecond line"  # type: ignore[attr-defined]
        await press(pilot, "escape")
        assert not isinstance(app.screen, MemoScreen)
    with AnnotationStore.open(seeds_copy / "annotations.json", readonly=True, coder="ann") as s:
        assert s.memo(FIRST).text == "Framing: diplomacy\nsecond line"  # type: ignore[union-attr]
        assert s.memo("").text == "Project decisions"  # type: ignore[union-attr]


async def test_escape_with_unsaved_memo_text_asks_before_discarding(seeds_copy: Path) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test() as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "m")
        await pilot.press(*"draft")
        await press(pilot, "escape")
        assert isinstance(app.screen, MemoScreen)  # the first escape only warns
        await press(pilot, "escape")
        assert not isinstance(app.screen, MemoScreen)
    with AnnotationStore.open(seeds_copy / "annotations.json", readonly=True) as s:
        assert s.memos(coder=ALL) == []


async def test_switching_coder_shows_and_records_the_other_coders_work(
    seeds_copy: Path,
) -> None:
    with AnnotationStore.open(seeds_copy / "annotations.json", coder="bob") as bob:
        bob.add_tags(FIRST, ["bobs-tag"])
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test() as pilot:
        await settle(app, pilot)
        assert app.store.tags(FIRST) == []
        await press(pilot, "U")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"bob")
        await press(pilot, "enter")
        await settle(app, pilot)
        assert "coder bob" in title_bar(app)
        assert app.store.tags(FIRST) == ["bobs-tag"]
        await press(pilot, "enter", "d")  # marks FIRST done, as bob
    with AnnotationStore.open(seeds_copy / "annotations.json", readonly=True) as s:
        assert s.article_state(FIRST, coder="bob").status == "done"
        assert s.article_state(FIRST, coder="ann").status == "todo"
