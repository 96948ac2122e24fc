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

    def on_resize(self) -> None:
        self.bindings_changed(self.screen)

    def render_keys(self) -> Text:
        """The keys that fit the width, in the command list's order; `? Help` and the
        palette always show, so nothing is cut mid-word at 80 columns."""
        key_style = "bold " + str(self.app.theme_variables.get("accent", "yellow"))
        items: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            items.append((self.app.get_key_display(binding), binding.description))
        width = self.size.width - 2 if self.size.width else 10_000
        tail = ("^p", "palette")
        room = width - (len(tail[0]) + len(tail[1]) + 4)
        out = Text(no_wrap=True, overflow="ellipsis")
        used = 0
        for key, description in items:
            cost = len(key) + 1 + len(description) + (2 if used else 0)
            if used + cost > room:
                continue  # a shorter one further on may still fit
            if used:
                out.append("  ")
            out.append(key, style=key_style)
            out.append(" " + description)
            used += cost
        out.append("   " if used else "", style="")
        out.append(tail[0] + " ", style=key_style)
        out.append(tail[1])
        return out
