"""The coded-passages screen: every highlight of the corpus, grouped by label.

A thin view over `annotations.passages`: the rows are what `list_passages` returns for the
chosen label, tag and coder; enter closes the screen and opens the passage in its article
(`corpus_views.jump_to`); `e` exports what is shown to Markdown or CSV at a path the user
confirms. Keys come from the command list (scope "passages").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from annotations.model import one_line
from annotations.passages import (
    Passage,
    default_export_path,
    group_by_label,
    list_passages,
    write_passages,
)
from reader.output_errors import write_error
from reader.textlayout import sanitize
from reader.tui import corpus_views
from reader.tui.commands import bindings_for
from reader.tui.export_dialog import ask_target, shown, with_suffix
from reader.tui.screens import ChoiceScreen, PromptScreen
from reader.tui.widgets.option_list import MotionOptionList
from reader.tui.widgets.scope_keybar import ScopeKeyBar

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

ALL = "\x00all"


class PassagesScreen(Screen[None]):
    BINDINGS = bindings_for("passages")
    DEFAULT_CSS = """
    PassagesScreen #passages-title { height: 1; background: $panel; padding: 0 1; }
    PassagesScreen #passages { height: 1fr; border: none; padding: 0 1; }
    PassagesScreen #passages > .option-list--option-disabled { color: $accent; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.label: str | None = None
        self.tag: str | None = None
        self.coder: str | None = None
        self.passages: list[Passage] = []

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="passages-title")
        yield MotionOptionList(id="passages")
        yield ScopeKeyBar("passages")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    # -- data -------------------------------------------------------------------

    def _all(self) -> list[Passage]:
        app = self.reader
        store = app.store.store
        if store is None:
            return []
        return list_passages(
            store, lambda a: corpus_views.title_of(app, a),
            order=[a.id for a in app.corpus.articles],
            label_order=[lab.name for lab in app.codebook.labels],
        )

    def others_saved(self) -> None:
        """Another writer saved: list again, the cursor on the passage it was on."""
        current = self.current()
        self.reload()
        if current is None:
            return
        lst = self.query_one(OptionList)
        for i in range(lst.option_count):
            if lst.get_option_at_index(i).id == current.highlight:
                lst.highlighted = i
                return

    def reload(self) -> None:
        app = self.reader
        store = app.store.store
        self.passages = [] if store is None else list_passages(
            store, lambda a: corpus_views.title_of(app, a),
            label=self.label, tag=self.tag, coder=self.coder,
            order=[a.id for a in app.corpus.articles],
            label_order=[lab.name for lab in app.codebook.labels],
        )
        options: list[Option] = []
        for name, group in group_by_label(self.passages):
            colour = "bold"
            lab = app.codebook.label(name)
            if lab is not None:
                colour = f"bold {lab.colour}"
            options.append(Option(Text(f"{sanitize(name)} ({len(group)})", style=colour),
                                  disabled=True))
            for p in group:
                options.append(Option(self._row(p), id=p.highlight))
        lst = self.query_one(OptionList)
        lst.clear_options()
        lst.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            lst.highlighted = first
        self._update_title()

    def _row(self, p: Passage) -> Group:
        meta = Text()
        meta.append(sanitize(one_line(p.title, 80)), style="dim")
        if p.coder:
            meta.append(f" · coder {sanitize(p.coder)}", style="dim")
        if p.note:
            meta.append(" · note: ", style="dim")
            meta.append(sanitize(one_line(p.note, 120)), style="italic")
        # indented as a block: a wrapped line of it went back to the first column, where
        # it read as the next passage
        return Group(Text(sanitize(one_line(p.text, 300))), Padding(meta, (0, 0, 0, 2)))

    def _update_title(self) -> None:
        n = len(self.passages)
        parts = [f"Coded passages · {n} passage{'s' if n != 1 else ''}"]
        for what, value in (("label", self.label), ("tag", self.tag), ("coder", self.coder)):
            if value is not None:
                parts.append(f"{what}: {value}")
        if not n:
            parts.append("none: highlight with 1-9 in an article" if not any(
                (self.label, self.tag, self.coder)) else "none match")
        self.query_one("#passages-title", Static).update(Text(sanitize(" · ".join(parts)),
                                                             style="bold"))

    def current(self) -> Passage | None:
        lst = self.query_one(OptionList)
        if lst.highlighted is None:
            return None
        option = lst.get_option_at_index(lst.highlighted)
        return next((p for p in self.passages if p.highlight == option.id), None)

    # -- actions ----------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        p = self.current()
        if p is None:
            return
        app = self.reader
        self.dismiss()
        corpus_views.jump_to(app, p.article, p.start, p.highlight)

    def _pick(self, what: str, values: list[str], current: str | None, apply) -> None:  # type: ignore[no-untyped-def]
        options = [(ALL, f"All {what}s" + ("  ✓" if current is None else ""))]
        options += [(v, sanitize(v) + ("  ✓" if v == current else "")) for v in values]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            apply(None if value == ALL else value)
            self.reload()

        self.app.push_screen(ChoiceScreen(f"Show passages of one {what}", options), chosen)

    def action_pick_label(self) -> None:
        names = [name for name, _ in group_by_label(self._all())]
        self._pick("label", names, self.label, lambda v: setattr(self, "label", v))

    def action_pick_tag(self) -> None:
        store = self.reader.store.store
        tags = sorted(store.tag_counts()) if store is not None else []
        self._pick("tag", tags, self.tag, lambda v: setattr(self, "tag", v))

    def action_pick_coder(self) -> None:
        store = self.reader.store.store
        coders: list[str] = []
        if store is not None and hasattr(store, "coders"):
            coders = list(store.coders())
        coders = sorted(set(coders) | {p.coder for p in self._all() if p.coder})
        if not coders:
            self.app.notify("no coder names are recorded in this annotation file", timeout=3)
            return
        self._pick("coder", coders, self.coder, lambda v: setattr(self, "coder", v))

    def action_export(self) -> None:
        if not self.passages:
            self.app.notify("nothing to export", severity="warning")
            return
        app = self.reader
        base = app.store.path.parent if app.store.path else Path.cwd()
        if not os.access(base, os.W_OK):  # a read-only corpus: where E puts its files
            base = Path.cwd()

        def fmt_chosen(fmt: str | None) -> None:
            if fmt is None:
                return

            def write(target: Path) -> None:
                try:
                    written = write_passages(self.passages, target, fmt)
                except (OSError, ValueError) as exc:
                    said = write_error(target, exc) if isinstance(exc, OSError) else None
                    app.notify(f"export failed: {said or exc}", severity="error")
                    return
                n = len(self.passages)
                app.notify(f"{n} passage{'' if n == 1 else 's'} exported to {shown(written)}",
                           title="Export", timeout=8)

            self.app.push_screen(
                PromptScreen("Export coded passages to", shown(default_export_path(base, fmt)),
                             "enter exports · esc cancels · a relative path is from "
                             f"{shown(Path.cwd())}"),
                lambda value: ask_target(app, with_suffix(value, f".{fmt}"), write),
            )

        self.app.push_screen(
            ChoiceScreen("Export the passages shown",
                         [("md", "Markdown (one section per label)"),
                          ("csv", "CSV (one row per passage)")]),
            fmt_chosen,
        )

    def action_close(self) -> None:
        self.dismiss()
