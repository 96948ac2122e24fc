"""Undo and redo as three-way merges, so undoing never clobbers another process's work.

Each undoable mutation remembers, per record, the value before and after. Undo does not just
write `before` back: another window or `reader tag` may have changed the same record since.
It reverts only the fields that still hold what this change put there, and for tags only
the tags this change added or removed. Redo is the same move in the other direction.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from annotations.model import ArticleStatus, now_iso
from annotations.schema import split_coder_key
from annotations.state import Op, State, delete, put

MAX_UNDO = 1000
ANCHOR_GROUP = ("start", "end", "exact", "prefix", "suffix", "content_hash", "status", "score")
NOT_MERGED = {"id", "article", "coder", "created", "updated", "tags"}
Record = dict[str, Any]


@dataclass(slots=True)
class Change:
    table: str
    key: str
    before: Record | None
    after: Record | None


@dataclass(slots=True)
class UndoEntry:
    description: str
    changes: list[Change]


def _default_state(key: str) -> Record:
    article, coder = split_coder_key(key)
    return {"article": article, "tags": [], "status": ArticleStatus.TODO.value, "coder": coder}


def _groups(table: str, fields: set[str]) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    if table == "highlights":
        groups.append(ANCHOR_GROUP)  # offsets and quote only make sense together
        fields = fields - set(ANCHOR_GROUP)
    groups.extend((f,) for f in sorted(fields - NOT_MERGED))
    return groups


def _merge(table: str, current: Record, frm: Record, to: Record) -> Record:
    result = dict(current)
    for group in _groups(table, set(frm) | set(to)):
        want = tuple(to.get(f) for f in group)
        had = tuple(frm.get(f) for f in group)
        if want != had and tuple(current.get(f) for f in group) == had:
            result.update(zip(group, want, strict=True))
    if "tags" in frm or "tags" in to:
        frm_tags, to_tags = frm.get("tags", []), to.get("tags", [])
        drop = {t for t in frm_tags if t not in to_tags}
        tags = [t for t in current.get("tags", []) if t not in drop]
        tags += [t for t in to_tags if t not in frm_tags and t not in tags]
        result["tags"] = tags
    return result


def transition(state: State, change: Change, forward: bool) -> list[Op]:
    """Ops moving one record from the change's one side to the other, given what is there now."""
    frm, to = (change.before, change.after) if forward else (change.after, change.before)
    table, key = change.table, change.key
    current = state.get(table, key)
    if table == "articles":
        base = current if current is not None else _default_state(key)
        merged = _merge(table, base, frm or _default_state(key), to or _default_state(key))
        if merged == base:
            return []
        if to is None and not merged["tags"] and merged["status"] == ArticleStatus.TODO:
            return [delete(table, key)] if current is not None else []
        return [put(table, key, {**merged, "updated": now_iso()})]
    if to is None:
        return [delete(table, key)] if current is not None else []
    if current is None:
        return [put(table, key, to)] if frm is None else []  # gone meanwhile: leave it gone
    if frm is None:
        return []  # re-created meanwhile by someone else
    merged = _merge(table, current, frm, to)
    if merged == current:
        return []
    if "updated" in merged:
        merged["updated"] = now_iso()
    return [put(table, key, merged)]


class History:
    """The undo and redo stacks of one store handle (one window's session)."""

    def __init__(self) -> None:
        self.undo_stack: deque[UndoEntry] = deque(maxlen=MAX_UNDO)
        self.redo_stack: list[UndoEntry] = []

    def record(self, entry: UndoEntry) -> None:
        self.undo_stack.append(entry)
        self.redo_stack.clear()
