"""SVG snapshot of the list filtered by a full-text search (count, keyword in context)."""

from __future__ import annotations

from pathlib import Path

from reader.tui.app import ReaderApp
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus, wait_ready

SIZE = (120, 40)


async def search_hawks(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_ready(pilot)
    await pilot.press("slash", *"hawks")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_search_results(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = ReaderApp(demo_corpus(tmp_path), coder=DEMO_CODER)  # with the search index
    assert snap_compare(app, terminal_size=SIZE, run_before=search_hawks)
