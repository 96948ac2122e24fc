"""The label picker: every label of the codebook, filtered as you type (fuzzy).

Digits reach the first nine labels; a codebook that grew past nine needs another way, and
a name typed in part ("evd" for evidence) is the quickest. The same picker chooses a merge
target or a parent in the codebook screen, with extra rows such as "(no label)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from annotations.codebook_ops import tree_rows
from annotations.model import Codebook
from reader.palette import colour_map

PREFIX = "pick:"


class LabelPicker(ModalScreen[str | None]):
    """Returns the chosen label's name (or an extra row's value), None on escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(
        self,
        title: str,
        codebook: Codebook,
        *,
        counts: Mapping[str, int] | None = None,
        extra: Sequence[tuple[str, str]] = (),
        exclude: Sequence[str] = (),
        hint: str = "type to filter · ↑↓ choose · enter picks · esc cancels",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.counts = counts
        self.hint = hint
        # (value, searchable name, row prefix, style, description)
        self.rows: list[tuple[str, str, str, str, str]] = [
            (value, text, "", "italic", "") for value, text in extra
        ]
        colours = colour_map(codebook.labels)  # the colours the highlights are drawn in
        for label, depth in tree_rows(codebook):
            if label.name in exclude:
                continue
            key = label.key or " "
            indent = "  └ " if depth else ""
            self.rows.append(
                (label.name, label.name, f"{key}  {indent}",
                 colours.get(label.name, label.colour), label.description)
            )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")  # text, not markup
            yield Input(placeholder="label name", id="picker-input")
            yield OptionList(id="picker-list", classes="list-dialog")
            yield Static(Text(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    def _row(self, row: tuple[str, str, str, str, str], matcher: Matcher | None) -> Text:
        value, name, prefix, style, description = row
        text = Text(prefix)
        if style != "italic":
            text.append("■ ", style=_safe(style))
        text.append_text(_marked(name, matcher.query) if matcher else Text(name, style="bold"))
        if self.counts is not None and style != "italic":
            text.append(f"  ({self.counts.get(value, 0)})", style="dim")
        if description:
            text.append(f"  {description}", style="dim")
        return text

    def _refill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        matcher = Matcher(query) if query.strip() else None
        rows = self.rows
        if matcher is not None:
            scored = [(matcher.match(r[1]), i, r) for i, r in enumerate(rows)]
            rows = [r for score, _, r in sorted(scored, key=lambda t: (-t[0], t[1])) if score > 0]
        options.add_options(
            [Option(self._row(r, matcher), id=PREFIX + r[0]) for r in rows]
        )
        if rows:
            options.highlighted = 0

    @on(Input.Changed)
    def filter(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            now = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, now + step))

    @on(Input.Submitted)
    def submitted(self, _: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        self._pick(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(option_id[len(PREFIX):])

    def action_cancel(self) -> None:
        self.dismiss(None)


def _marked(name: str, query: str) -> Text:
    """`name` in bold with the typed letters (in order, as the fuzzy match takes them)
    underlined, so one sees why a label matched."""
    text = Text(name, style="bold")
    pos = 0
    lower = name.lower()
    for ch in query.lower():
        if ch.isspace():
            continue
        found = lower.find(ch, pos)
        if found < 0:
            break
        text.stylize("underline reverse", found, found + 1)
        pos = found + 1
    return text


def _safe(style: str) -> str:
    """A label's colour as a style; an unknown colour name is shown plain, not an error."""
    from rich.color import Color, ColorParseError

    try:
        Color.parse(style)
    except ColorParseError:
        return ""
    return style
