"""What the corpus views ask of the reader: jump to a passage, filter the list.

Kept out of app.py: the coded-passages and overview screens call these with the app.
Filtering uses the `/` query language where it can say what is wanted (`tag:NAME`,
`is:done`), so the filter box shows it and `esc` clears it as usual; where it cannot yet
(a speaker, a label, a share band) the list is restricted to a set of articles
(`ReaderApp.only`), named in the title bar and cleared by `esc` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widgets import Input

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def others_saved(app: ReaderApp) -> None:
    """Another window or coder saved (or the coder changed): redraw the reader, and the
    view on top of it (the overview, coded passages, adjudication) recounts, keeping its
    cursor's row."""
    app.refresh_annotations()
    follow = getattr(app.screen, "others_saved", None)
    if follow is not None:
        follow()


def title_of(app: ReaderApp, article_id: str) -> str | None:
    a = app.corpus.get(article_id)
    return a.display_title if a is not None else None


def filter_by_query(app: ReaderApp, query: str) -> None:
    """Put `query` in the `/` box and filter by it (the restriction to a set goes)."""
    back_to_reader(app)
    app.only = None
    app.only_label = ""
    box = app.query_one("#filter", Input)
    box.add_class("active")
    box.value = query  # (Input.Changed filters; set here at once as well)
    app.apply_filter()
    app.query_one(ArticleList).focus()
    app._update_title_bar()


def filter_by_ids(app: ReaderApp, article_ids: Iterable[str], label: str) -> None:
    """Show only these articles in the list (the `/` box is cleared)."""
    back_to_reader(app)
    where = app.corpus._index
    app.only = {where[a] for a in article_ids if a in where}
    app.only_label = label
    box = app.query_one("#filter", Input)
    box.value = ""
    box.remove_class("active")
    app.apply_filter()
    app.query_one(ArticleList).focus()
    app._update_title_bar()
    app.notify(f"list: {label} ({plural(len(app.only), 'article')}) · esc shows all",
               timeout=3)


def clear_ids(app: ReaderApp) -> bool:
    """Drop the restriction to a set of articles; True when there was one."""
    if app.only is None:
        return False
    app.only = None
    app.only_label = ""
    app.apply_filter()
    app._update_title_bar()
    return True


def back_to_reader(app: ReaderApp) -> None:
    """Close every view over the reader: a passage opened from the coded passages that
    were opened from the overview landed behind the overview, which stayed on screen."""
    while len(app.screen_stack) > 1:
        app.pop_screen()


def jump_to(app: ReaderApp, article_id: str, start: int, highlight_id: str | None = None) -> bool:
    """Open an article with the cursor at `start` (the highlight's current start when it
    moved since it was listed); False when the article is not in the corpus."""
    index = app.corpus._index.get(article_id)
    if index is None:
        app.notify(f"{article_id} is not in the corpus", severity="warning")
        return False
    back_to_reader(app)
    article_list = app.query_one(ArticleList)
    if index not in article_list.indices:  # filtered out: show everything again
        clear_ids(app)
        box = app.query_one("#filter", Input)
        if box.value:
            box.value = ""
            box.remove_class("active")
            app.apply_filter()
    if index in article_list.indices:
        article_list.cursor = article_list.indices.index(index)
    app.open_article(index)
    if app.current != index:
        return False
    store = app.store.store
    if highlight_id and store is not None:
        h = store.highlight(highlight_id)
        if h is not None and h.article == article_id:
            start = h.start
    view = app.query_one(ArticleView)
    view.move_cursor(max(0, min(start, len(app.article_text))))
    view.scroll_to(y=max(0, view.row_of(view.cursor) - 2), animate=False, immediate=True)
    view.focus()
    return True
