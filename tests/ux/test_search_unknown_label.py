"""`/label:claims` (for the label `claim`) read as a bare "0 of 4": misspelt, or nothing
highlighted? As for a tag nobody gave, the line under the box now names the labels."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.tui.app import ReaderApp
from tests.tui.helpers import settle
from tests.tui.test_search import corpus, info, listed, type_query

__all__ = ["corpus"]  # the fixture


async def test_a_label_nobody_has_is_named_with_the_labels_there_are(corpus: Path) -> None:
    store = AnnotationStore.open(corpus / "annotations.json")
    text = (corpus / "c.txt").read_text(encoding="utf-8")
    store.add_highlight("c.txt", text, 0, 10, "claim", "")
    store.close()
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "label:claims")
        assert listed(app) == []
        assert "no label 'claims'; labels: claim, evidence" in info(app)
        await pilot.press("backspace")
        await settle(app, pilot)
        assert listed(app) == ["c.txt"]
        assert "no label" not in info(app)
