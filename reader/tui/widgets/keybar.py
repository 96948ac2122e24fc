"""The key bar at the bottom: the bindings that work right now, as one line of text.

Textual's Footer recomposes a widget per key whenever focus moves (list ↔ article), which
costs two full-screen layouts, about 40 ms, on every article opened. This bar renders the
same information as one Text and repaints only itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: object) -> None:
        self.update(self.render_keys(), layout=False)

    def render_keys(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        key_style = "bold " + str(self.app.theme_variables.get("accent", "yellow"))
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            if out:
                out.append("  ")
            out.append(self.app.get_key_display(binding), style=key_style)
            out.append(" " + binding.description)
        out.append("   ^p ", style=key_style)
        out.append("palette")
        return out
