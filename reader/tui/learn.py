"""`z` teaches the corpus: the correction is saved, then a worker finds what it changed.

The correction itself (with its template, `annotations.learning.context_of`) is one store
change, so one `u` undoes all of it. Which lines of which articles it re-marked is found
in a thread (`reader.pipeline.remark_changes`): the message "N lines in M articles
changed" comes when that is done, and the list's share column of those articles is
brought up to date. Articles the correction cannot reach are ruled out from their raw
text first (`reader.correction_reach`), so only a few are analysed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotations.learning import LINE_KINDS
from reader.corpus import ArticleError, read_article
from reader.correction_reach import might_reach

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def corrections_now(app: ReaderApp) -> dict[str, Any]:
    store = app.store.store
    return {c.id: c for c in store.corrections()} if store is not None else {}


def report_undone(app: ReaderApp, had: dict[str, Any]) -> None:
    """After an undo or redo: if it took away or brought back a line correction, count
    what that changed across the corpus (and update the list's shares) as for `z`."""
    now = corrections_now(app)
    gone = [c for i, c in had.items() if i not in now and c.kind in LINE_KINDS]
    back = [c for i, c in now.items() if i not in had and c.kind in LINE_KINDS]
    for c in gone:
        # counted as adding it to what is left: the same lines, flipped back
        report_changes(app, c, others=list(now.values()), verb="changed back")
    for c in back:
        report_changes(app, c)


def report_changes(
    app: ReaderApp, correction: Any, others: list[Any] | None = None, verb: str = "changed"
) -> None:
    """Count, in a thread, what `correction` changed; then say so.

    `others` are the other corrections (default: the store's, minus this one); after an
    undo they are what is left, and the lines counted are those the undo flipped back.
    """
    store = app.store.store
    if store is None:
        return
    before = others if others is not None else [
        c for c in store.corrections() if c.id != correction.id]
    undone = others is not None
    articles = list(app.corpus.articles)
    repeated = app.repeated

    def read(a: Any) -> str | None:
        try:
            return read_article(a, app.max_bytes).text
        except ArticleError:
            return None

    reachable = might_reach(correction)

    def read_reached(a: Any) -> str | None:
        """The text of an article the correction may change; None (skipped) otherwise."""
        text = read(a)
        return text if text is not None and reachable(a.id, text) else None

    def work() -> None:
        from textual.worker import get_current_worker

        from reader.pipeline import remark_changes

        worker = get_current_worker()
        result = remark_changes(articles, read_reached, correction, before, repeated,
                                lambda: worker.is_cancelled)
        if result is None:
            return
        lines, changed = result
        if undone:  # the shares are those without the correction: analyse them again
            from reader.pipeline import article_marks, summary_of

            for a in articles:
                if a.id in changed:
                    text = read(a)
                    if text is not None:
                        marks = article_marks(text, a.id, repeated=repeated,
                                              corrections=before)
                        changed[a.id] = summary_of(text, marks)[2]
        app.call_from_thread(_done, app, lines, changed, verb)

    app.run_worker(work, thread=True, group="learn", exclusive=False)


def _done(
    app: ReaderApp, lines: int, changed: dict[str, float | None], verb: str = "changed"
) -> None:
    where = {a.id: i for i, a in enumerate(app.corpus.articles)}
    for article_id, share in changed.items():
        i = where.get(article_id)
        if i is not None:
            app.shares[i] = share
            a = app.corpus.articles[i]  # and in the cache, for the next start
            app.cache.set_share(a.id, a.size, a.mtime_ns, share)
    app.last_learned = (lines, len(changed))
    app.search.corrected(changed)  # the search's body scope follows the new marks
    app.notify(f"{lines} line{'s' if lines != 1 else ''} in {len(changed)} "
               f"article{'s' if len(changed) != 1 else ''} {verb}"
               + (" (u undoes)" if verb == "changed" else ""), timeout=4)
    app.refresh_annotations()
