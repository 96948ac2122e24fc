"""The article's keys, pressed while the list has focus, say where they work.

A new user on the list pressed `z`, `1`, `v` or `a` (the help lists them) and nothing
happened: they act on the open article, and the list does not take them. Each of those
keys, where neither the list nor the app uses it, now answers with one line naming the
command and how to reach the article (`enter` opens it; with one open, `tab`).
"""

from __future__ import annotations

from textual.binding import Binding

from reader.tui.commands import BY_ID, COMMANDS

# the article's commands a coder reaches for from the list (motions inside the text, and
# escape, which clears the list's search, are left alone)
GROUPS = ("Select", "Annotate", "Correct")
NAVIGATION = ("article.next_quote", "article.prev_quote", "article.next_highlight",
              "article.prev_highlight")


def _taken() -> set[str]:
    return {k for c in COMMANDS if c.scope in ("list", "app") for k in c.keys.split(",")}


def hint_bindings() -> list[Binding]:
    """Hidden list bindings: an article key not used on the list → `article_hint(id)`."""
    taken = _taken() | {"escape"}
    out = []
    for c in COMMANDS:
        if c.scope != "article" or not (c.group in GROUPS or c.id in NAVIGATION):
            continue
        keys = [k for k in c.keys.split(",") if k not in taken]
        if keys:
            out.append(Binding(",".join(keys), f"article_hint({c.id!r})", show=False))
    return out


def hint(command_id: str, article_open: bool) -> str:
    """The line shown for `command_id` pressed on the list."""
    c = BY_ID[command_id]
    key = c.display or c.keys.split(",")[0]
    where = ("tab moves to the open article" if article_open
             else "enter opens the article under the cursor")
    return f"{key} ({c.title}) works in the article: {where}"


def mapped_elsewhere(command_id: str, keymap: dict[str, str]) -> bool:
    """Whether the user's keymap gives one of this hint's keys to a command: then the key
    is theirs, and the hint stays silent so the command runs."""
    keys = set(BY_ID[command_id].keys.split(","))
    return any(k.strip() in keys for value in keymap.values() for k in value.split(","))
