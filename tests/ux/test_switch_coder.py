"""`U`, work as another coder: the box suggested "bob" after "b", but tab did not take the
suggestion and enter started a new coder "b", under whose name the work was then recorded
(split from bob's, and counted apart by `reader agree`). Tab now takes the suggestion, and
a name no one has used yet is asked about once."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.tui.screens import ChoiceScreen, PromptScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


def _with_bob(corpus: Path) -> None:
    with AnnotationStore.open(corpus / "annotations.json", coder="bob") as bob:
        bob.add_tags(FIRST, ["bobs-tag"])


async def test_tab_takes_the_suggested_coder(seeds_copy: Path) -> None:
    _with_bob(seeds_copy)
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "U", "b", "tab")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one("#prompt-input").value == "bob"
        await press(pilot, "enter")
        await settle(app, pilot)
        assert app.store.coder == "bob"


async def test_a_new_coder_name_is_asked_about_once(seeds_copy: Path) -> None:
    _with_bob(seeds_copy)
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "U", "b", "enter")
        assert isinstance(app.screen, ChoiceScreen), "a typo started a new coder"
        assert "bob" in app.screen.title_text
        await press(pilot, "down", "enter")  # Cancel
        await settle(app, pilot)
        assert app.store.coder == "ann"
        await press(pilot, "U", *"carol", "enter", "enter")  # yes: a new coder
        await settle(app, pilot)
        assert app.store.coder == "carol"
