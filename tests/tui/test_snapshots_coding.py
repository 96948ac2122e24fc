"""SVG snapshots of the team-coding screens: adjudication (J) and the label picker (L).

After a deliberate UI change:
`pytest tests/tui/test_snapshots_coding.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.snapshot_apps import app_for
from tests.tui.test_coding_screens import _corpus

SIZE = (120, 40)


async def _ready(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _adjudicate(pilot) -> None:  # type: ignore[no-untyped-def]
    await _ready(pilot)
    await pilot.press("J")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_adjudication_screen(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(_corpus(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=_adjudicate)


def test_label_picker(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(_corpus(tmp_path))
    assert snap_compare(
        app, terminal_size=SIZE, run_before=_ready, press=["enter", "L", "e", "v"]
    )


def test_codebook_screen(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(_corpus(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=_ready, press=["C", "down"])
