"""SVG snapshots of the main screens (pytest-textual-snapshot).

After a deliberate UI change: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.snapshot_apps import app_for, demo_corpus, wait_ready

SIZE = (120, 40)


def test_main_screen(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_ready, press=["enter"])


def test_help_screen(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_ready, press=["question_mark"])


def test_article_with_highlights(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(
        app, terminal_size=SIZE, run_before=wait_ready, press=["enter", "right_curly_bracket"]
    )


def test_tag_prompt(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_ready, press=["t", "o", "p"])


def test_session_progress_and_hidden_boilerplate(
    snap_compare, tmp_path: Path, isolated_home: Path
) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(
        app, terminal_size=SIZE, run_before=wait_ready, press=["j", "enter", "b"]
    )


def test_coded_passages(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_ready, press=["P"])


def test_overview(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_ready, press=["V"])


def test_overview_small_terminal(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_ready, press=["V"])


def test_memo_editor(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(demo_corpus(tmp_path, annotated=True))
    typed = [*"Framing: diplomacy as romance.", "enter", *"Ask the team about tone."]
    assert snap_compare(
        app, terminal_size=SIZE, run_before=wait_ready, press=["enter", "m", *typed]
    )
