"""The article pane's header: title rows, facts and tags, wrapped to its own width."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Static


class ArticleHeader(Static):
    """Re-wraps when its width changes.

    The app redrew the header once after a terminal resize, with the width the pane had
    before its new layout: widened from 60 to 120 columns, the title stayed wrapped at
    the narrow width. Its own Resize event comes with the width it really has.
    """

    def __init__(self, redraw: Callable[[], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._redraw = redraw
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:  # (a new height alone changes no wrapping)
            self._width = event.size.width
            self._redraw()
