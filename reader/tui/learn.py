"""`z` teaches the corpus: the correction is saved, then a worker finds what it changed.

The correction itself (with its template, `annotations.learning.context_of`) is one store
change, so one `u` undoes all of it. Which lines of which articles it re-marked is found
in a thread (`reader.pipeline.remark_changes`): the message "N lines in M articles
changed" comes when that is done, and the list's share column of those articles is
brought up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.corpus import ArticleError, read_text

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def report_changes(app: ReaderApp, correction: Any) -> None:
    """Count, in a thread, what `correction` (already saved) changed; then say so."""
    store = app.store.store
    if store is None:
        return
    before = [c for c in store.corrections() if c.id != correction.id]
    articles = list(app.corpus.articles)
    repeated = app.repeated

    def read(a: Any) -> str | None:
        try:
            return read_text(a.path, app.max_bytes).text
        except ArticleError:
            return None

    def work() -> None:
        from textual.worker import get_current_worker

        from reader.pipeline import remark_changes

        worker = get_current_worker()
        result = remark_changes(articles, read, correction, before, repeated,
                                lambda: worker.is_cancelled)
        if result is not None:
            app.call_from_thread(_done, app, *result)

    app.run_worker(work, thread=True, group="learn", exclusive=False)


def _done(app: ReaderApp, lines: int, changed: dict[str, float | None]) -> None:
    where = {a.id: i for i, a in enumerate(app.corpus.articles)}
    for article_id, share in changed.items():
        i = where.get(article_id)
        if i is not None:
            app.shares[i] = share
    app.last_learned = (lines, len(changed))
    app.notify(f"{lines} line{'s' if lines != 1 else ''} in {len(changed)} "
               f"article{'s' if len(changed) != 1 else ''} changed (u undoes)", timeout=4)
    app.refresh_annotations()
