"""ctrl+c says how to quit in words, not in markup.

Textual answers ctrl+c with "Press [b]ctrl+q[/b] to quit the app", written as markup;
the app shows every notice as plain text (notices quote titles), so the user read the
brackets: "Press [b]ctrl+q[/b] to quit the app".
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, press, settle


async def test_ctrl_c_names_the_quit_key_without_markup(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "ctrl+c")
        messages = [n.message for n in app._notifications]
        quit_notes = [m for m in messages if "to quit" in m]
        assert quit_notes, messages
        assert all("[" not in m for m in quit_notes), quit_notes
        assert any("ctrl+q" in m for m in quit_notes), quit_notes
