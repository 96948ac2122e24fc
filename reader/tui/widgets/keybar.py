"""The key bar at the bottom: the bindings that work right now, as one line of text.

Textual's Footer recomposes a widget per key whenever focus moves (list ↔ article), which
costs two full-screen layouts, about 40 ms, on every article opened. This bar renders the
same information as one Text and repaints only itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

# shown only when there is room for them after the others: quit is known to everyone,
# the search box and the boilerplate key are on the start card and in help
YIELD_FIRST = frozenset({"app.quit", "app.filter", "app.boilerplate"})


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
        palette always show, so nothing is cut mid-word at 80 columns. When not all fit,
        the keys a coder knows or meets elsewhere (`YIELD_FIRST`) give way first, so at
        80 columns an article shows tag, next, done and undo rather than quit."""
        key_style = "bold " + str(self.app.theme_variables.get("accent", "yellow"))
        items: list[tuple[str, str, bool]] = []
        seen: set[str] = set()
        # the focused widget may say a key means something else now (`n`: next match)
        describe = getattr(self.screen.focused, "key_descriptions", None)
        renamed: dict[str, str] = describe() if describe is not None else {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            items.append((self.app.get_key_display(binding),
                          renamed.get(binding.id or "", binding.description),
                          binding.id in YIELD_FIRST))
        width = self.size.width - 2 if self.size.width else 10_000
        tail = ("^p", "palette")
        room = width - (len(tail[0]) + len(tail[1]) + 4)
        chosen: set[int] = set()
        used = 0
        for yields in (False, True):  # the others first, then these in what room is left
            for i, (key, description, last) in enumerate(items):
                cost = len(key) + 1 + len(description) + (2 if used else 0)
                if last == yields and used + cost <= room:
                    chosen.add(i)  # (a shorter one further on may still fit)
                    used += cost
        out = Text(no_wrap=True, overflow="ellipsis")
        for i, (key, description, _) in enumerate(items):
            if i not in chosen:
                continue
            if out:
                out.append("  ")
            out.append(key, style=key_style)
            out.append(" " + description)
        out.append("   " if used else "", style="")
        out.append(tail[0] + " ", style=key_style)
        out.append(tail[1])
        return out
