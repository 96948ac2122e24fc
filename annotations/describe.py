"""Undo and redo messages a coder can read: what changed, not the store's internal ids.

`reader.tui` shows "undone: highlight claim “The sporadic romance between…”" instead of
"undone: delete highlight 1a2b3c4d". Built from the undo entry's record changes, so every
kind of change (highlights, tags, statuses, corrections) is named the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

TitleOf = Callable[[str], str]

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


def _article(
    before: dict[str, Any] | None, after: dict[str, Any] | None, key: str,
    title_of: TitleOf | None = None,
) -> str:
    """Tags and status of one article: named by its title when the caller knows titles.

    The record's key is "ARTICLE CODER"; a coder read "undone: 000_4f56….txt root: done"
    as if the article were still done. The article alone (or its title), and the status
    as it went (`todo → done`), say what the step was.
    """
    b, a = before or {}, after or {}
    added = [t for t in a.get("tags", []) if t not in b.get("tags", [])]
    gone = [t for t in b.get("tags", []) if t not in a.get("tags", [])]
    parts = [f"#{t}" for t in added] + [f"-#{t}" for t in gone]
    if b.get("status", "todo") != a.get("status", "todo"):
        parts.append(f"{b.get('status', 'todo')} → {a.get('status', 'todo')}")
    article = str(a.get("article") or b.get("article") or key)
    name = title_of(article) if title_of is not None else article
    return f"{name or article}: {' '.join(parts) or 'article'}"


def _correction(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    record = after or before or {}
    kind = str(record.get("kind", "correction")).replace("_", " ")
    text = record.get("text") or record.get("value") or ""
    return f"correction {kind}" + (f" {snippet(text)}" if text else "")


def describe(
    changes: Sequence[Any], fallback: str = "", title_of: TitleOf | None = None
) -> str:
    """One line for an undo entry's changes (`annotations.undo.Change`s); `title_of`
    names an article as the coder knows it (else its id)."""
    lines = []
    for c in changes:
        if c.table == "highlights":
            lines.append(_highlight(c.before, c.after))
        elif c.table == "articles":
            lines.append(_article(c.before, c.after, c.key, title_of))
        elif c.table == "corrections":
            lines.append(_correction(c.before, c.after))
    if not lines:
        return fallback
    return lines[0] if len(lines) == 1 else f"{lines[0]} (+{len(lines) - 1} more)"


def next_step(store: Any, redo: bool, title_of: TitleOf | None = None) -> str | None:
    """What `undo` (or `redo`) would revert now, described; None when nothing would."""
    history = getattr(store, "_history", None)
    stack = getattr(history, "redo_stack" if redo else "undo_stack", None)
    if not stack:
        return None
    entry = stack[-1]
    return describe(entry.changes, entry.description, title_of)


def status_article(store: Any, redo: bool) -> str | None:
    """The article whose status `undo` (or `redo`) would change now, else None: `d` and
    `x` open the next article, so undoing one goes back to the article it marked."""
    history = getattr(store, "_history", None)
    stack = getattr(history, "redo_stack" if redo else "undo_stack", None)
    if not stack:
        return None
    for c in stack[-1].changes:
        if c.table != "articles":
            continue
        b, a = c.before or {}, c.after or {}
        if b.get("status", "todo") != a.get("status", "todo"):
            return str(a.get("article") or b.get("article") or "") or None
    return None
