"""Modal screens: help, prompts, the note editor and the small lists (skipped, orphans)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from reader.textlayout import inert, sanitize
from reader.tui.commands import COMMANDS, Command
from reader.tui.widgets.option_list import MotionOptionList


def key_text(keys: str, display: str | None) -> str:
    if display:
        return display
    names = {"question_mark": "?", "slash": "/", "enter": "⏎", "escape": "esc"}
    return " ".join(names.get(k, k) for k in keys.split(","))


def palette_help(command: Command, keymap: dict[str, str]) -> str:
    """A command's help in the palette, its key first (`E · Export annotations…`), so the
    palette teaches the key instead of being the only way there."""
    remapped = command.id in keymap
    key = key_text(keymap.get(command.id, command.keys), None if remapped else command.display)
    return f"{key} · {command.help}"


class HelpScreen(ModalScreen[None]):
    """Every key, grouped, generated from the command list (and the user's keymap)."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        # the reading keys scroll it too: at 80x24 it is several pages
        Binding("j", "scroll('scroll_down')", "Down", show=False),
        Binding("k", "scroll('scroll_up')", "Up", show=False),
        Binding("space", "scroll('page_down')", "Page down", show=False),
        Binding("g", "scroll('scroll_home')", "Top", show=False),
        Binding("G", "scroll('scroll_end')", "Bottom", show=False),
    ]

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = keymap or {}

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(VerticalScroll), f"action_{how}")()

    def help_rows(self) -> list[tuple[str, str, str]]:
        """(group, keys, help) for every command, grouped, with the user's keymap applied."""
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for c in COMMANDS:
            remapped = c.id in self.keymap
            keys = key_text(self.keymap.get(c.id, c.keys), None if remapped else c.display)
            groups.setdefault(c.group, []).append((c.group, keys, c.help))
        return [row for rows in groups.values() for row in rows]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold", min_width=10)
        table.add_column(ratio=1)
        group = None
        for g, keys, text in self.help_rows():
            if g != group:
                if group is not None:
                    table.add_row("", "")
                table.add_row(Text(g, style="bold underline"), "")
                group = g
            table.add_row(keys, text)
        from rich.console import Group

        from reader.filtering import OPERATORS

        # a table of its own: its long operators (is:done|todo|skipped) would otherwise
        # widen the keys' column and squeeze every description (80 columns above all)
        queries = Table.grid(padding=(0, 2))
        queries.add_column(no_wrap=True, style="bold")
        queries.add_column(ratio=1)
        for syntax, meaning in OPERATORS:  # the grammar's own list: never out of date
            queries.add_row(syntax, meaning)
        body = Group(table, Text(""), Text("Search queries (/)", style="bold underline"),
                     queries)
        with VerticalScroll():
            yield Static(Text("reader — keys", style="bold"), classes="dialog-title")
            yield Static(body, id="help-body")
            yield Static(
                "ctrl+p opens the command palette. Keys can be remapped by command id in "
                "keymap.toml (see README). Press esc to close.",
                classes="dialog-hint",
            )


def skipped_count(skipped: Sequence[object]) -> str:
    """`3 files`, `5 records`, `1 file and 5 records`: what was not loaded, named right.

    A bad line of a JSON Lines file is skipped as `FILE line N`: a record, not a file
    (a JSON Lines user was told "5 file(s) not loaded" about one file's five bad lines).
    """
    records = sum(1 for s in skipped if " line " in str(getattr(s, "id", "")))
    files = len(skipped) - records
    parts = [f"{n} {word}{'' if n == 1 else 's'}"
             for n, word in ((files, "file"), (records, "record")) if n]
    return " and ".join(parts) or "nothing"


class MessageScreen(ModalScreen[None]):
    """A titled list of lines (`S`: what was not loaded and why), read like the help."""

    BINDINGS = [
        Binding("escape,enter,q", "dismiss", "Close"),
        # a JSON Lines file with many bad lines fills several pages at 80x24
        Binding("j", "scroll('scroll_down')", "Down", show=False),
        Binding("k", "scroll('scroll_up')", "Up", show=False),
        Binding("space", "scroll('page_down')", "Page down", show=False),
        Binding("g", "scroll('scroll_home')", "Top", show=False),
        Binding("G", "scroll('scroll_end')", "Bottom", show=False),
    ]

    def __init__(self, title: str, lines: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(VerticalScroll), f"action_{how}")()

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(Text(sanitize(self.title_text)), classes="dialog-title")  # not markup
            # file names are shown inert: one may hold an escape sequence
            yield Static(Text(sanitize("\n".join(self.lines)) or "(nothing)"))
            yield Static("esc closes", classes="dialog-hint")


class SuggestInput(Input):
    """An Input whose tab takes the suggestion shown in grey (Textual takes it on → only):
    in `U` a coder typed "b", saw "bob", pressed tab, then enter, and worked as "b"."""

    BINDINGS = [Binding("tab", "take_suggestion", "Complete", show=False)]

    def action_take_suggestion(self) -> None:
        self.cursor_position = len(self.value)
        self.action_cursor_right()  # at the end of the text: takes the suggestion


class PromptScreen(ModalScreen[str | None]):
    """One line of input; enter returns it, escape returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    QUICK_WAIT = 0.3  # seconds: a quick digit that more typing follows is text

    def __init__(
        self,
        title: str,
        value: str = "",
        hint: str = "",
        suggestions: Sequence[str] = (),
        quick: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.suggestions = list(suggestions)
        self.quick = list(quick)
        self._quick_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(sanitize(self.title_text)), classes="dialog-title")  # not markup
            suggester = (
                SuggestFromList(self.suggestions, case_sensitive=False)
                if self.suggestions
                else None
            )
            box = SuggestInput if suggester is not None else Input
            yield box(value=self.value, suggester=suggester, id="prompt-input")
            if self.quick:
                quick = "  ".join(f"[{i}] {t}" for i, t in enumerate(self.quick, 1))
                yield Static(Text("quick (empty box): " + quick), classes="dialog-hint")
            if self.hint:
                yield Static(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def quick_key(self, event: Input.Changed) -> None:
        """A lone digit typed into the empty box toggles that quick tag, once no more
        typing follows for a moment: "2020-election" toggled quick tag 2 at its first
        key and sent the rest of the word to the reader as commands."""
        if self._quick_timer is not None:
            self._quick_timer.stop()
            self._quick_timer = None
        name = self.quick_tag(event.value)
        if name is not None:
            value = event.value
            self._quick_timer = self.set_timer(
                self.QUICK_WAIT, lambda: self._quick_now(value, name))

    def quick_tag(self, value: str) -> str | None:
        """The quick tag a lone digit in the box stands for, else None."""
        if self.quick and len(value) == 1 and value.isdigit():
            n = int(value)
            if 1 <= n <= len(self.quick):
                return self.quick[n - 1]
        return None

    def _quick_now(self, value: str, name: str) -> None:
        self._quick_timer = None
        if self.is_current and self.query_one(Input).value == value:
            self.dismiss("\x00quick:" + name)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen[str | None]):
    """A multi-line note; ctrl+s saves, escape cancels.

    Enter is a new line, as in any editor, which a coder used to one-line boxes does not
    expect: the hint says so, and escape with unsaved changes closes only when pressed a
    second time (as in the memo editor), so a note is never thrown away by reflex.
    """

    HINT = "enter: new line · ctrl+s saves · esc cancels"
    DISCARD = "unsaved note: esc again discards it, ctrl+s saves"
    QUIT = "unsaved note: ctrl+s saves it, ctrl+q again quits without it"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = inert(value)  # a note set with `reader highlight --note` may hold escapes
        self._warned = False
        self._quit_warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(sanitize(self.title_text)), classes="dialog-title")  # not markup
            yield TextArea(self.value, id="note-area", soft_wrap=True)
            yield Static(self.HINT, id="note-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        # an enter pressed to save (before ctrl+s) is not part of the note
        self.dismiss(self.query_one(TextArea).text.rstrip())

    def unsaved(self) -> tuple[str, str] | None:
        """("note", its text) when the editor holds changes not saved."""
        if not self.is_mounted:
            return None
        text = self.query_one(TextArea).text
        return ("note", text) if text != self.value else None

    def hold_quit(self) -> bool:
        """ctrl+q with unsaved text: warn once instead of quitting (the app asks)."""
        if self.query_one(TextArea).text == self.value or self._quit_warned:
            return False
        self._quit_warned = True
        self.query_one("#note-hint", Static).update(Text(self.QUIT, style="bold"))
        return True

    def action_cancel(self) -> None:
        if self.query_one(TextArea).text != self.value and not self._warned:
            self._warned = True
            self.query_one("#note-hint", Static).update(Text(self.DISCARD, style="bold"))
            return
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of several options (used for orphans, export formats)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], hint: str = "",
                 start: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.hint = hint
        self.start = start  # the option highlighted first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # text, not markup; inert: options quote article text (orphans) and titles
            yield Label(Text(sanitize(self.title_text)), classes="dialog-title")
            yield MotionOptionList(
                *[Option(Text(sanitize(label)), id=value) for value, label in self.options],
                classes="list-dialog",
            )
            if self.hint:
                yield Static(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if 0 < self.start < len(self.options):
            options.highlighted = self.start

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
