"""An edit in `C` is made to codebook.toml as it is now, not to the app's old copy.

The README says a team shares `codebook.toml`. With the app open, `reader import
FILE.qdc` (or a colleague's app, or an editor) added a label to the file; the next label
added in the app wrote the app's old list back, and the imported label was gone.
"""

from __future__ import annotations

from pathlib import Path

from annotations.codebook import load_codebook, save_codebook
from annotations.codebook_ops import add_label
from reader.tui.codebook_screen import CodebookScreen
from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle


async def test_a_label_added_outside_the_app_survives_an_edit_in_it(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # meanwhile, outside this app: a colleague adds a label to the shared file
        save_codebook(seeds_copy, add_label(load_codebook(seeds_copy), "theirs", "cyan"))
        await press(pilot, "C")
        assert isinstance(app.screen, CodebookScreen)
        assert app.codebook.label("theirs") is not None  # shown as it is now
        await press(pilot, "a")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input").value = "mine, green, added here"
        await press(pilot, "enter")
        await pilot.pause()
    names = [lab.name for lab in load_codebook(seeds_copy).labels]
    assert "theirs" in names and "mine" in names, names


async def test_a_codebook_broken_meanwhile_is_not_written_over(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        (seeds_copy / "codebook.toml").write_text("[[labels]\nname = ", encoding="utf-8")
        await press(pilot, "C", "a")
        assert not isinstance(app.screen, PromptScreen), "offered an edit over a broken file"
        assert any("no codebook change until it is fixed" in n.message
                   for n in app._notifications)
    assert (seeds_copy / "codebook.toml").read_text(encoding="utf-8") == "[[labels]\nname = "
