"""Running the app under Pilot on a temp corpus, and reading what is on screen."""

from __future__ import annotations

from pathlib import Path

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
