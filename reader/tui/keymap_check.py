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


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def _key_names() -> frozenset[str]:
    """The names Textual gives keys: its Keys (`enter`, `pageup`, `f5`), the printable
    characters' (`question_mark`, `slash`) and its aliases."""
    import string

    from textual.keys import KEY_ALIASES, Keys, _character_to_key

    names = {k.value.rpartition("+")[2] or "+" for k in Keys}
    names |= {_character_to_key(c) for c in string.printable if c.isprintable()}
    names |= set(KEY_ALIASES) | {a for alias in KEY_ALIASES.values() for a in alias}
    return frozenset(names)


def not_a_key(keys: str) -> bool:
    """Whether a keymap value names something that is no key: `ctl+d`, `ctrl+x,` (a
    binding on it never fires, and the key it replaces is gone)."""
    names = _key_names()
    for key in keys.split(","):
        key = key.strip()
        if key == "+" or key.endswith("++"):
            mods, last = key[:-2], "+"
        else:
            mods, _, last = key.rpartition("+")
        if not last or (mods and not set(mods.split("+")) <= MODIFIERS):
            return True
        if len(last) != 1 and last not in names:
            return True
    return False


def warn_unknown(app: ReaderApp, keymap: dict[str, str]) -> None:
    """A notice naming the keymap's ids that no binding has, and its values that are no
    key."""
    unknown = sorted(set(keymap) - binding_ids(app))
    problems = []
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        problems.append(f"no key has the id {names} (ids: reader/tui/commands.py, or the "
                        "palette's command names)")
    bad = [f"{k} = {v!r}" for k, v in sorted(keymap.items()) if not_a_key(v)]
    if bad:
        problems.append(f"not a key: {', '.join(bad)} (keys are written like enter, "
                        "ctrl+d, V, question_mark)")
    if problems:
        app.notify(f"keymap.toml: {'; '.join(problems)}", severity="warning", timeout=10)
