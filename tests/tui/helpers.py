"""Running the app under Pilot on a temp corpus, and reading what is on screen."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView


def make_app(corpus: Path, **kwargs: object) -> ReaderApp:
    return ReaderApp(corpus, use_cache=False, **kwargs)  # type: ignore[arg-type]


async def settle(app: ReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the background indexer and the resulting redraws."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def article_lines(app: ReaderApp) -> list[str]:
    """The article pane's visible rows, as plain text."""
    view = app.query_one(ArticleView)
    return [view.render_line(y).text for y in range(view.size.height)]


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys one at a time, letting each queued save finish and redraw.

    The app hands mutations to the store's writer thread and updates the screen when the
    save is durable, as a user sees it a moment later.
    """
    import asyncio

    app = pilot.app
    for key in keys:
        await pilot.press(key)
        for _ in range(500):
            if app.store.pending == 0:
                break
            await asyncio.sleep(0.005)
        await pilot.pause()


@asynccontextmanager
async def demo_session(
    tmp_path: Path, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[ReaderApp, Any, Path]]:
    """(app, pilot, corpus): the annotated demo corpus opened by its demo coder, settled."""
    from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus

    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield app, pilot, corpus
