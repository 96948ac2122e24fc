"""The tag prompt (`t`): a one-line box with shell-like Tab completion for every tag in it.

Completion itself lives in `reader.tagging` (no Textual there); this is the box and its
hints. The old box used Textual's whole-value suggester, so only the first tag could be
completed and Tab moved the focus instead: `nor`, Tab, `, opi` saved `#nor #opi`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from reader.tagging import TagCompleter, bare_numbers
from reader.tui.screens import PromptScreen


class TagInput(Input):
    """An Input whose Tab completes the tag at the cursor instead of moving the focus.

    Not a priority binding: those run before the letters still queued for the box, so
    `nor` + Tab arriving in one burst (fast typing, ssh) completed the empty box."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def __init__(self, completer: TagCompleter, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.completer = completer

    def action_complete(self) -> None:
        value, cursor, names = self.completer.complete(self.value, self.cursor_position)
        if value != self.value:
            self.value = value
        self.cursor_position = cursor
        screen = self.screen
        if isinstance(screen, TagPromptScreen):
            screen.show_candidates(names)


class TagPromptScreen(PromptScreen):
    """Tags for one article; `dismiss`es the box's text (or a quick tag, see PromptScreen)."""

    def __init__(
        self,
        title: str,
        known: Sequence[str],
        current: Sequence[str],
        quick: Sequence[str] = (),
    ) -> None:
        super().__init__(
            title, "", "comma-separated; -name removes a tag; tab completes; enter saves",
            quick=quick,
        )
        self.completer = TagCompleter(list(known), list(current))
        self._confirm_numbers: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")  # text, not markup
            yield TagInput(self.completer, value=self.value, id="prompt-input")
            yield Static("", id="tag-candidates", classes="dialog-hint")
            if self.quick:
                quick = "  ".join(f"[{i}] {t}" for i, t in enumerate(self.quick, 1))
                yield Static(Text("quick (empty box): " + quick), classes="dialog-hint")
            yield Static(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tag-candidates", Static).display = False  # until there is news

    def show_candidates(self, names: Sequence[str]) -> None:
        box = self.query_one("#tag-candidates", Static)
        box.display = len(names) != 1
        if not names:
            box.update(Text("no known tag starts so", style="italic"))
        elif len(names) > 1:
            shown = "  ".join(names[:12]) + ("  …" if len(names) > 12 else "")
            box.update(Text(f"tab again cycles: {shown}"))
        else:
            box.update("")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """A tag that is only a number is saved only when enter is pressed a second time."""
        event.stop()
        event.prevent_default()  # PromptScreen's own handler would dismiss at once
        quick = self.quick_tag(event.value)
        if quick is not None:  # a quick digit and enter before its wait ended
            self.dismiss("\x00quick:" + quick)
            return
        numbers = bare_numbers(event.value)
        if numbers and self._confirm_numbers != event.value:
            self._confirm_numbers = event.value
            listed = ", ".join(repr(n) for n in numbers)
            self.query_one("#tag-candidates", Static).display = True
            self.query_one("#tag-candidates", Static).update(
                Text(f"{listed} is only a number (quick tags work in the empty box): "
                     "enter again saves it as a tag, or edit the box", style="bold")
            )
            return
        self.dismiss(event.value)
