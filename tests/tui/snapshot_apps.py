"""Deterministic app set-ups shared by the snapshot tests and screenshots/make_screenshots.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.tui.app import ReaderApp

ROOT = Path(__file__).resolve().parents[2]
DEMO_CODER = "ann"  # the title bar shows the coder: fixed, not the login name of the machine
DEMO_HIGHLIGHTS = (
    # (article, exact text, label, note)
    ("000_4f563db4c078cd2b.txt", "The sporadic romance between U.S. President Donald Trump and "
     "North Korean dictator Kim Jong Un is on again.", "claim", "The column's thesis"),
    ("000_4f563db4c078cd2b.txt", "It marked the first time a sitting U.S. president had ever set "
     "foot inside North Korea.", "evidence", ""),
)


def demo_corpus(where: Path, annotated: bool = False) -> Path:
    """A copy of the seeds in a folder named `seeds`, optionally with tags and highlights."""
    corpus = where / "seeds"
    if not corpus.exists():
        shutil.copytree(ROOT / "seeds", corpus)
    if annotated:
        from annotations.store import AnnotationStore

        store = AnnotationStore.open(corpus / "annotations.json", coder=DEMO_CODER)
        try:
            for article, exact, label, note in DEMO_HIGHLIGHTS:
                text = (corpus / article).read_text(encoding="utf-8")
                start = text.index(exact)
                store.add_highlight(article, text, start, start + len(exact), label, note)
            store.add_tags("000_4f563db4c078cd2b.txt", ["north-korea", "opinion"])
            store.set_status("000_4f563db4c078cd2b.txt", "done")
        finally:
            store.close()
    return corpus


def app_for(corpus: Path) -> ReaderApp:
    return ReaderApp(corpus, use_cache=False, coder=DEMO_CODER)


async def wait_ready(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
