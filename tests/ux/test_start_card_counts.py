"""The card shown before an article is opened ("N articles · D done") was drawn once at
start: a file found unreadable by the background pass stayed counted (the title bar said
"1 article", the card "2 articles"), and articles marked done from the command line or
another window did not count."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from annotations.store import AnnotationStore
from tests.tui.helpers import make_app, settle

FIRST = "000_4f563db4c078cd2b.txt"


def _card(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#start-card", Static).render())


async def test_the_card_counts_what_the_title_bar_counts(seeds_copy: Path) -> None:
    (seeds_copy / "zz-binary.txt").write_bytes(b"\x00\x01\x02 not text" * 40)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.2)
        title = str(app.query_one("#title-bar", Static).render())
        assert "2 articles" in title and "1 not loaded" in title, title
        assert "2 articles · 0 done" in _card(app), _card(app)
        with AnnotationStore.open(seeds_copy / "annotations.json", coder=app.store.coder) as s:
            s.set_status(FIRST, "done")
        for _ in range(40):
            await pilot.pause(0.1)
            if "1 done" in _card(app):
                break
        assert "2 articles · 1 done" in _card(app), _card(app)
