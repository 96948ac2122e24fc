"""The list's width follows what the coder is doing: browsing or reading.

While the list (or the search box above it) has focus, the titles get the room: the list
is half the width, so a row shows most of its title. Once an article has focus the text
gets it: the list narrows to a third (at 120 columns the reading column goes from 57 to
77 characters; at 80, from 37 to 49), still showing enough of each title to find one's
place, and widens again when the coder goes back to it (`h`, `tab`, `/`). A dialog taking
the focus changes nothing. The widths themselves are in reader.tcss (`#left.-reading`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Input

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from textual.screen import Screen

READING = "-reading"


def follow_focus(screen: Screen[object], widget: Widget) -> None:
    """Narrow the list when the article takes the focus, widen it when the list does."""
    if isinstance(widget, ArticleView):
        reading = True
    elif isinstance(widget, ArticleList) or (isinstance(widget, Input) and widget.id == "filter"):
        reading = False
    else:
        return
    left = screen.query_one("#left")
    if left.has_class(READING) == reading:
        if isinstance(widget, ArticleList):
            # from the search box into the results: same width, but the header still
            # named the article read before, not the hit under the cursor
            update = getattr(screen.app, "_update_header", None)
            if update is not None:
                screen.call_after_refresh(update, widget.current)
        return
    left.set_class(reading, READING)
    app = screen.app
    # the header's title rows and the progress label fit the panes' new widths once laid out
    index = None if reading else screen.query_one(ArticleList).current
    for name, args in (("_update_header", (index,)), ("_update_progress", ())):
        update = getattr(app, name, None)
        if update is not None:
            screen.call_after_refresh(update, *args)
