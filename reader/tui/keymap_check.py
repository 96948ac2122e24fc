"""A keymap.toml entry whose binding id no key has is named, not silently ignored.

`"app.don" = "enter"` (a typo of `app.done`) left `d` as it was and said nothing; the
coder thought remapping did not work. The ids are those of the app's bindings, its
screens' and its widgets' (see `reader/tui/commands.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def _ids_of(classes: Iterable[type]) -> set[str]:
    ids: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for b in getattr(klass, "BINDINGS", ()) or ():
                if isinstance(b, Binding) and b.id:
                    ids.add(b.id)
    return ids


def binding_ids(app: ReaderApp) -> set[str]:
    """Every binding id a keymap can name in this app."""
    from reader.tui.adjudication_screen import AdjudicationScreen
    from reader.tui.codebook_screen import CodebookScreen
    from reader.tui.label_picker import LabelPicker
    from reader.tui.memo import MemoScreen
    from reader.tui.overview_screen import OverviewScreen, QuotationsScreen
    from reader.tui.passages_screen import PassagesScreen
    from reader.tui.screens import ChoiceScreen, HelpScreen, MessageScreen, NoteScreen
    from reader.tui.tag_prompt import TagPromptScreen
    from reader.tui.widgets.article_list import ArticleList
    from reader.tui.widgets.article_view import ArticleView

    return _ids_of([type(app), ArticleList, ArticleView, HelpScreen, MessageScreen,
                    NoteScreen, ChoiceScreen, TagPromptScreen, MemoScreen, LabelPicker,
                    CodebookScreen, AdjudicationScreen, OverviewScreen, QuotationsScreen,
                    PassagesScreen])


def warn_unknown(app: ReaderApp, keymap: dict[str, str]) -> None:
    """A notice naming the keymap's ids that no binding has."""
    unknown = sorted(set(keymap) - binding_ids(app))
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        app.notify(f"keymap.toml: no key has the id {names} (ids: reader/tui/commands.py, "
                   "or the palette's command names)", severity="warning", timeout=10)
