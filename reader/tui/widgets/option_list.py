"""An OptionList that also moves with the reader's motion keys.

Every list in the app (articles, an article's lines) moves with `j`/`k`, `g`/`G`; the
option lists of the overview, the coded passages, a speaker's quotations, the codebook
and the choice dialogs moved only with the arrows, so `j` there did nothing and a coder
reached for the arrows in the middle of a session. None of those screens binds these
four keys to anything else.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class MotionOptionList(OptionList):
    """`OptionList` with `j`/`k` (down/up) and `g`/`G` (first/last row) as well."""

    BINDINGS: list[BindingType] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
