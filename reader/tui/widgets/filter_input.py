"""The `/` box: Textual's Input without a layout pass of the whole screen per keystroke.

Input sets its `virtual_size` (its text's width, for horizontal scrolling) on every
change of its value, and that reactive asks for layout: every widget on screen is laid
out again (20-30 ms at 100,000 articles, more than the search itself) before the echo of
each typed character. The box's own size is fixed by its CSS (`height: 3`, the width of
its container), so only its scrolling depends on that value: it is set quietly here, as
`reader.tui.widgets.scrolling.set_virtual_size` does for the list, before Input's own
watcher runs and finds nothing to change.

`typed` is told each new value at once, before the frame that echoes the keystroke is
drawn: Input's `Changed` message reaches the app only after a few hops, usually after
that frame, so results computed on it are drawn a frame (or more) later.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.widgets import Input

from reader.tui.widgets.scrolling import set_virtual_size


class FilterInput(Input):
    typed: Callable[[str], None] | None = None

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            set_virtual_size(self, Size(self.content_width, 1))
        super()._watch_value(value)
        if self.typed is not None:
            self.typed(value)
