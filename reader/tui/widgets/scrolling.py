"""Scrolling helpers shared by the Line API widgets (the list and the article)."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def scroll_row_into_view(
    widget: ScrollView, row: int, height: int, *, recentre: bool = False
) -> None:
    """Scroll the least needed to show `row`: a moving cursor never jumps the page.

    With `recentre`, a row more than half a screen out of view (a jump: the first search
    match, the place of the last session, the next quotation) goes a third of the way
    down, so what follows it is on screen too, not the bottom row under a page of what
    came before it.
    """
    top = int(widget.scroll_offset.y)
    height = max(1, height)
    if recentre and (row < top - height // 2 or row >= top + height + height // 2):
        widget.scroll_to(y=max(0, row - height // 3), animate=False, immediate=True)
    elif row < top:
        widget.scroll_to(y=row, animate=False, immediate=True)
    elif row >= top + height:
        widget.scroll_to(y=row - height + 1, animate=False, immediate=True)


def set_virtual_size(widget: ScrollView, size: Size) -> None:
    """Set a ScrollView's virtual size without a layout pass of the whole screen.

    Textual's `virtual_size` reactive always asks for layout, which re-renders every widget
    on screen (20-30 ms here) on each filter keystroke or opened article. For a widget whose
    own size is fixed by its container only the scrollbars depend on it, so this does what
    Textual's own resize path does: set the value quietly and update the scrollbars (which
    still ask for layout when one appears or disappears).
    """
    if widget.virtual_size == size:
        return
    scroll_update = getattr(widget, "_scroll_update", None)
    if scroll_update is None or not widget.is_mounted or not widget.size:
        widget.virtual_size = size
        return
    widget.set_reactive(ScrollView.virtual_size, size)
    scroll_update(size)
    widget.refresh()

