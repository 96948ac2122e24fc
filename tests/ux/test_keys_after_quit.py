"""A key pressed while the app exits does nothing, instead of a traceback.

Typing `q` then `u` (or `qu`, a slip of the finger) quit, and the `u` that arrived while
the app was shutting down queued an undo on the store's writer thread, which had just
stopped: the terminal filled with "RuntimeError: cannot schedule new futures after
shutdown" over the exit messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.tui.helpers import make_app, press, settle


async def test_changes_asked_for_after_shutdown_are_ignored(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "t", *"economy", "enter")
        app.shutdown()  # what `q` does first; the keys below arrive before the exit
        app.action_undo()
        app.action_redo()
        await pilot.press("d", "x", "z")
        await pilot.pause()
    assert app.return_code in (0, None)
    # the tag given before the exit is kept, the undo after it was not run
    capsys.readouterr()
    assert main(["annotations", str(seeds_copy), "--json"]) == 0
    assert "economy" in capsys.readouterr().out
