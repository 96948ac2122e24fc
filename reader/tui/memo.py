"""The memo editor: a large multi-line editor in a modal screen.

Memos are longer than highlight notes (a paragraph of reasoning about an article, the
project's running decisions), so the editor takes most of the screen and wraps lines.
ctrl+s saves and closes; escape closes, but with unsaved changes only when pressed a
second time, so a stray escape never throws away a paragraph.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from reader.textlayout import inert, sanitize

HINT = "ctrl+s saves · esc cancels · an empty memo is deleted"
DISCARD = "unsaved changes: esc again discards them, ctrl+s saves"
QUIT = "unsaved changes: ctrl+s saves them, ctrl+q again quits without them"


class MemoScreen(ModalScreen[str | None]):
    """Edit one memo; dismisses with the new text (ctrl+s) or None (cancelled)."""

    DEFAULT_CSS = """
    MemoScreen > #memo-dialog {
        width: 100;
        max-width: 95%;
        height: 80%;
        padding: 1 2;
        background: $surface;
        border: thick $accent 60%;
    }
    MemoScreen #memo-area {
        height: 1fr;
    }
    MemoScreen #memo-title {
        /* one row, cut with an ellipsis: a long title was cut mid-word at 80 columns */
        width: 100%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        text-style: bold;
        margin-bottom: 1;
    }
    MemoScreen #memo-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="memo.save"),
        Binding("escape", "cancel", "Cancel", id="memo.cancel"),
    ]

    def __init__(self, title: str, value: str = "", subtitle: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.subtitle = subtitle
        self.value = inert(value)  # a memo set with `reader memo --text` may hold escapes
        self._warned = False
        self._quit_warned = False

    def compose(self) -> ComposeResult:
        with Vertical(id="memo-dialog"):
            yield Label(Text(sanitize(self.title_text)), id="memo-title")
            if self.subtitle:
                yield Static(Text(self.subtitle, style="dim"))
            yield TextArea(self.value, id="memo-area", soft_wrap=True)
            yield Static(HINT, id="memo-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def unsaved(self) -> tuple[str, str] | None:
        """("memo", its text) when the editor holds changes not saved."""
        return ("memo", self.text) if self.is_mounted and self.text != self.value else None

    def hold_quit(self) -> bool:
        """ctrl+q with unsaved text: warn once instead of quitting (the app asks)."""
        if self.text == self.value or self._quit_warned:
            return False
        self._quit_warned = True
        self.query_one("#memo-hint", Static).update(Text(QUIT, style="bold"))
        return True

    def action_cancel(self) -> None:
        if self.text != self.value and not self._warned:
            self._warned = True
            self.query_one("#memo-hint", Static).update(Text(DISCARD, style="bold"))
            return
        self.dismiss(None)
