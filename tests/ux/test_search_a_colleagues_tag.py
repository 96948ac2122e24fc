"""`/tag:nuclear` read "0 of 130" when a colleague gave that tag: tags are per coder, and
the bare count read as "nobody tagged it". The line under the box now says whose it is."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.tui.app import ReaderApp
from tests.tui.helpers import settle
from tests.tui.test_search import corpus, info, listed, type_query

__all__ = ["corpus"]  # the fixture


async def test_a_tag_only_a_colleague_gave_is_named_as_theirs(corpus: Path) -> None:
    with AnnotationStore.open(corpus / "annotations.json", coder="bob") as store:
        store.add_tags("c.txt", ["nuclear"])
    app = ReaderApp(corpus, coder="ann")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "tag:nuclear")
        assert listed(app) == []
        assert "'nuclear' is bob's tag, not ann's" in info(app), info(app)
    app = ReaderApp(corpus, coder="bob")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "tag:nuclear")
        assert listed(app) == ["c.txt"]
        assert "bob's tag" not in info(app)


async def test_an_empty_list_leaves_no_row_of_before_in_the_header(corpus: Path) -> None:
    """The header went on naming the row the cursor was on before the search emptied the
    list, with "enter opens" under it."""
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        before = str(app.query_one("#article-header").render())
        assert "enter opens" in before
        await type_query(app, pilot, "zzzzqqq")
        assert listed(app) == []
        assert "enter opens" not in str(app.query_one("#article-header").render())
