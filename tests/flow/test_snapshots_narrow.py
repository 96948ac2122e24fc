"""SVG snapshots of the layout at 80x24 (issue 19, item 3): the start card, the header
with the full title of the list's row, an article read full width (`F`).

After a deliberate UI change: `pytest tests/flow/test_snapshots_narrow.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.snapshot_apps import app_for, demo_corpus, wait_ready

NARROW = (80, 24)


def test_start_card_at_80x24(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=NARROW, run_before=wait_ready, press=["j"])


def test_full_width_reading_at_80x24(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=NARROW, run_before=wait_ready,
                        press=["enter", "F", "right_curly_bracket"])
