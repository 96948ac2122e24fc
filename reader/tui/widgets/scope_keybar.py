"""The key bar of a corpus view: that screen's own commands, from the command list.

The app-wide bar (`KeyBar`) lists the bindings active on the screen, which on a pushed
screen are mostly the reader's (tag, done, next to do) and hide what this screen does;
this one shows the footer commands of one scope, so keys and bar cannot disagree.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.commands import COMMANDS
from reader.tui.screens import key_text


class ScopeKeyBar(Static):
    DEFAULT_CSS = """
    ScopeKeyBar {
        height: 1;
        dock: bottom;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def on_mount(self) -> None:
        self.update(self.render_keys(), layout=False)

    def render_keys(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        key_style = "bold " + str(self.app.theme_variables.get("accent", "yellow"))
        for c in COMMANDS:
            if c.scope != self.scope or not c.footer:
                continue
            if out:
                out.append("  ")
            out.append(key_text(c.keys, c.display).split(" ")[0], style=key_style)
            out.append(" " + c.title)
        out.append("  ")
        out.append("?", style=key_style)
        out.append(" Help")
        return out
