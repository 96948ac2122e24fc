"""The overview and coded passages follow what another window or coder saves.

Two coders share a corpus folder; one kept the overview open to watch the counts, which
stayed as they were when it opened (the main screen followed the other writer, the
views did not). They now recount when another writer saves, keeping the cursor's row.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from annotations.store import AnnotationStore
from reader.tui.overview_screen import OverviewScreen
from reader.tui.passages_screen import PassagesScreen
from tests.tui.helpers import demo_session, press, settle
from tests.tui.snapshot_apps import DEMO_CODER

A1 = "000_4f563db4c078cd2b.txt"


def _rows(screen) -> list[str]:  # type: ignore[no-untyped-def]
    lst = screen.query_one(OptionList)
    return [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]


async def _other_writer_saves(app, pilot, corpus: Path, what) -> None:  # type: ignore[no-untyped-def]
    other = AnnotationStore.open(corpus / "annotations.json", coder=DEMO_CODER)
    try:
        what(other)
    finally:
        other.close()
    app.follow_other_writers()
    await settle(app, pilot)


async def test_the_overview_recounts_when_another_writer_saves(
    tmp_path: Path, isolated_home: Path
) -> None:
    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        await press(pilot, "V")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        assert not any("from-colleague" in r for r in _rows(screen))
        await press(pilot, "j")
        at = screen.query_one(OptionList).highlighted
        await _other_writer_saves(app, pilot, corpus,
                                  lambda s: s.add_tags(A1, ["from-colleague"]))
        assert any("from-colleague" in r for r in _rows(screen)), _rows(screen)
        assert screen.query_one(OptionList).highlighted == at


async def test_coded_passages_follow_another_writer_and_keep_the_cursor(
    tmp_path: Path, isolated_home: Path
) -> None:
    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        await press(pilot, "P")
        screen = app.screen
        assert isinstance(screen, PassagesScreen)
        before = len(screen.passages)
        lst = screen.query_one(OptionList)
        await press(pilot, "j")
        current = screen.current()
        assert current is not None

        def add(s: AnnotationStore) -> None:
            text = (corpus / A1).read_text(encoding="utf-8")
            exact = "True, there is the occasional hiccup"
            start = text.index(exact)
            s.add_highlight(A1, text, start, start + len(exact), "claim", "a colleague's")

        await _other_writer_saves(app, pilot, corpus, add)
        assert len(screen.passages) == before + 1
        assert screen.current() is not None and screen.current().highlight == current.highlight
        assert lst.highlighted is not None


async def test_the_overview_follows_a_switch_of_coder(
    tmp_path: Path, isolated_home: Path
) -> None:
    from textual.widgets import Static

    async with demo_session(tmp_path, size=(120, 40)) as (app, pilot, corpus):
        await press(pilot, "V")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await press(pilot, "U", *"newcomer", "enter")
        await settle(app, pilot)
        title = str(screen.query_one("#overview-title", Static).render())
        assert "coder newcomer" in title, title
        assert not any("north-korea" in r for r in _rows(screen)), "the new coder has no tags"
