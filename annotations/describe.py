"""Undo and redo messages a coder can read: what changed, not the store's internal ids.

`reader.tui` shows "undone: highlight claim “The sporadic romance between…”" instead of
"undone: delete highlight 1a2b3c4d". Built from the undo entry's record changes, so every
kind of change (highlights, tags, statuses, corrections) is named the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SNIPPET = 40


def snippet(text: str, width: int = SNIPPET) -> str:
    """The start of a passage, on one line, in quotation marks."""
    flat = " ".join((text or "").split())
    return f"\u201c{flat if len(flat) <= width else flat[: width - 1] + '…'}\u201d"


def _highlight(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    record = after or before or {}
    what = f"{record.get('label') or 'highlight'} {snippet(record.get('exact', ''))}"
    if before is None:
        return f"highlight {what}"
    if after is None:
        return f"deleted highlight {what}"
    if before.get("label") != after.get("label"):
        text = snippet(after.get("exact", ""))
        return f"label {before.get('label')} → {after.get('label')} on {text}"
    if before.get("note") != after.get("note"):
        return f"note on {what}"
    return f"moved highlight {what}"


def _article(before: dict[str, Any] | None, after: dict[str, Any] | None, key: str) -> str:
    b, a = before or {}, after or {}
    added = [t for t in a.get("tags", []) if t not in b.get("tags", [])]
    gone = [t for t in b.get("tags", []) if t not in a.get("tags", [])]
    parts = [f"#{t}" for t in added] + [f"-#{t}" for t in gone]
    if b.get("status", "todo") != a.get("status", "todo"):
        parts.append(f"{a.get('status', 'todo')}")
    return f"{key}: {' '.join(parts) or 'article'}"


def _correction(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    record = after or before or {}
    kind = str(record.get("kind", "correction")).replace("_", " ")
    text = record.get("text") or record.get("value") or ""
    return f"correction {kind}" + (f" {snippet(text)}" if text else "")


def describe(changes: Sequence[Any], fallback: str = "") -> str:
    """One line for an undo entry's changes (`annotations.undo.Change`s)."""
    lines = []
    for c in changes:
        if c.table == "highlights":
            lines.append(_highlight(c.before, c.after))
        elif c.table == "articles":
            lines.append(_article(c.before, c.after, c.key))
        elif c.table == "corrections":
            lines.append(_correction(c.before, c.after))
    if not lines:
        return fallback
    return lines[0] if len(lines) == 1 else f"{lines[0]} (+{len(lines) - 1} more)"


def next_step(store: Any, redo: bool) -> str | None:
    """What `undo` (or `redo`) would revert now, described; None when nothing would."""
    history = getattr(store, "_history", None)
    stack = getattr(history, "redo_stack" if redo else "undo_stack", None)
    if not stack:
        return None
    entry = stack[-1]
    return describe(entry.changes, entry.description)
