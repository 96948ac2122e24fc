"""Merging annotations from an export (`reader import`) without duplicating or overwriting.

Records are matched by id: the same id with the same content is a duplicate (skipped), the
same id with different content is a conflict (ours kept, reported). Article states merge
per (article, coder): tags are unioned, a status is taken only when ours is still "todo".
Memos merge per (article, coder): a missing one is added, a different one is a conflict.

Coders' work stays apart: a record keeps the coder it carries, and records from a file
written before coders existed are attributed to `coder` (the importing handle's coder).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotations.model import (
    ArticleState,
    ArticleStatus,
    Correction,
    CorrectionKind,
    Highlight,
    Memo,
    new_id,
    now_iso,
)
from annotations.schema import coder_key
from annotations.state import Op, State, put
from annotations.tags import normalize_tag, same_tag
from annotations.undo import Change
from reader.wording import plural

HIGHLIGHT_CONTENT = ("article", "exact", "label", "note", "coder")


@dataclass(slots=True)
class MergeReport:
    highlights_added: int = 0
    highlights_same: int = 0
    states_added: int = 0
    states_updated: int = 0
    states_same: int = 0
    corrections_added: int = 0
    corrections_same: int = 0
    memos_added: int = 0
    memos_same: int = 0
    conflicts: list[str] = field(default_factory=list)  # one line each: same id, other content
    invalid: list[str] = field(default_factory=list)  # records that could not be read
    # per conflict: {"conflict", "table", "key", "ours", "theirs"}: the version not kept,
    # for `annotations.import_conflicts` to put where the user can find it
    theirs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.highlights_added
            or self.states_added
            or self.states_updated
            or self.corrections_added
            or self.memos_added
        )

    def summary(self) -> str:
        return (
            f"{plural(self.highlights_added, 'highlight')} added "
            f"({self.highlights_same} already there), "
            f"tags/status of {plural(self.states_added + self.states_updated, 'article')} "
            f"merged, {plural(self.corrections_added, 'correction')} added, "
            f"{plural(self.memos_added, 'memo')} added, "
            f"{plural(len(self.conflicts), 'conflict')}, {len(self.invalid)} invalid"
        )


def _as(cls: type, item: Any) -> Any:
    return item if isinstance(item, cls) else cls.from_dict(dict(item))


def _highlight_problem(h: Highlight) -> str | None:
    if not isinstance(h.id, str) or not h.id:
        return "no id"
    if not isinstance(h.article, str) or not h.article:
        return "no article"
    if not (isinstance(h.start, int) and isinstance(h.end, int) and 0 <= h.start < h.end):
        return "bad offsets"
    if not isinstance(h.exact, str):
        return "no quote"
    if not isinstance(h.label, str) or not isinstance(h.note, str):
        return "label and note must be text"
    return None


def _int_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _state_problem(s: ArticleState) -> str | None:
    """Why an imported article state cannot be merged: tags that are not text (a `None`
    tag broke every later import and the app's tag list), an unknown status."""
    if not isinstance(s.article, str) or not s.article or not isinstance(s.tags, list):
        return "bad article or tags"
    for t in s.tags:
        if not isinstance(t, str) or not normalize_tag(t):
            return f"tag {t!r} is not a tag"
        if not normalize_tag(t).isprintable():
            return f"tag {t!r} contains control characters"
    if s.status not in {x.value for x in ArticleStatus}:
        return f"status {s.status!r} is not todo, done or skipped"
    return None


def _correction_problem(c: Correction) -> str | None:
    """Why an imported correction cannot be merged: a kind no reader knows, or fields of
    the wrong type (detection reads them for every article they reach)."""
    if not isinstance(c.id, str) or not c.id:
        return "no id"
    if c.kind not in {k.value for k in CorrectionKind}:
        return f"kind {c.kind!r} is not one reader knows"
    texts = (c.article, c.text, c.value)
    if not all(v is None or isinstance(v, str) for v in texts):
        return "article, text and value must be text"
    if not all(_int_or_none(v) for v in (c.line, c.start, c.end)):
        return "line, start and end must be numbers"
    return None


def plan_merge(
    state: State,
    highlights: Iterable[Highlight | dict[str, Any]],
    states: Iterable[ArticleState | dict[str, Any]],
    corrections: Iterable[Correction | dict[str, Any]],
    memos: Iterable[Memo | dict[str, Any]] = (),
    *,
    coder: str = "",
) -> tuple[list[Op], list[Change], MergeReport]:
    report = MergeReport()
    ops: list[Op] = []
    changes: list[Change] = []
    pending: dict[tuple[str, str], dict[str, Any]] = {}

    def current(table: str, key: str) -> dict[str, Any] | None:
        return pending.get((table, key)) or state.get(table, key)

    def write(table: str, key: str, record: dict[str, Any]) -> None:
        changes.append(Change(table, key, current(table, key), record))
        pending[(table, key)] = record
        ops.append(put(table, key, record))

    def conflict(line: str, table: str, key: str, theirs: dict[str, Any]) -> None:
        report.conflicts.append(line)
        report.theirs.append({"conflict": line, "table": table, "key": key,
                              "ours": current(table, key), "theirs": theirs})

    for item in highlights:
        try:
            h = _as(Highlight, item)
        except (TypeError, ValueError) as exc:
            report.invalid.append(f"highlight: {exc}")
            continue
        if problem := _highlight_problem(h):
            report.invalid.append(f"highlight {h.id!r}: {problem}")
            continue
        if not isinstance(h.coder, str) or not h.coder:
            h.coder = coder
        ours = current("highlights", h.id)
        if ours is None:
            write("highlights", h.id, h.to_dict())
            report.highlights_added += 1
        elif all(ours.get(f) == getattr(h, f) for f in HIGHLIGHT_CONTENT):
            report.highlights_same += 1
        else:
            diff = [f for f in HIGHLIGHT_CONTENT if ours.get(f) != getattr(h, f)]
            conflict(f"highlight {h.id}: {', '.join(diff)} differ; kept ours",
                     "highlights", h.id, h.to_dict())

    for item in states:
        try:
            s = _as(ArticleState, item)
        except (TypeError, ValueError) as exc:
            report.invalid.append(f"article state: {exc}")
            continue
        if problem := _state_problem(s):
            report.invalid.append(f"article state {s.article!r}: {problem}")
            continue
        if not isinstance(s.coder, str) or not s.coder:
            s.coder = coder
        key = coder_key(s.article, s.coder)
        ours = current("articles", key)
        if ours is None:
            write("articles", key, s.to_dict())
            report.states_added += 1
            continue
        tags = list(ours["tags"])  # theirs added unless one of ours is the same tag
        for t in (str(t) for t in s.tags):
            if not any(same_tag(t, o) for o in tags):
                tags.append(normalize_tag(t))
        status = ours["status"]
        if s.status != status and s.status != ArticleStatus.TODO:
            if status == ArticleStatus.TODO:
                status = s.status
            else:
                conflict(
                    f"article {s.article} ({s.coder}): status {s.status} in the import, "
                    f"{status} here; kept ours",
                    "articles", key, s.to_dict(),
                )
        if tags == ours["tags"] and status == ours["status"]:
            report.states_same += 1
        else:
            write(
                "articles",
                key,
                {**ours, "tags": tags, "status": status, "updated": now_iso()},
            )
            report.states_updated += 1

    for item in corrections:
        try:
            c = _as(Correction, item)
        except (TypeError, ValueError) as exc:
            report.invalid.append(f"correction: {exc}")
            continue
        if problem := _correction_problem(c):
            report.invalid.append(f"correction {c.id!r}: {problem}"
                                  if problem != "no id" else "correction without id")
            continue
        if not isinstance(c.coder, str) or not c.coder:
            c.coder = coder
        ours = current("corrections", c.id)
        theirs = c.to_dict()
        if ours is None:
            write("corrections", c.id, theirs)
            report.corrections_added += 1
        elif {k: v for k, v in ours.items() if k != "created"} == {
            k: v for k, v in theirs.items() if k != "created"
        }:
            report.corrections_same += 1
        else:
            conflict(f"correction {c.id}: content differs; kept ours", "corrections", c.id,
                     theirs)

    for item in memos:
        try:
            m = _as(Memo, item)
        except (TypeError, ValueError) as exc:
            report.invalid.append(f"memo: {exc}")
            continue
        if not isinstance(m.article, str) or not isinstance(m.text, str):
            report.invalid.append(f"memo {m.article!r}: bad article or text")
            continue
        if not m.text.strip():
            continue
        if not isinstance(m.coder, str) or not m.coder:
            m.coder = coder
        if not isinstance(m.id, str) or not m.id:
            m.id = new_id()
        key = coder_key(m.article, m.coder)
        ours = current("memos", key)
        where = f"memo of {m.article or 'the project'} ({m.coder})"
        if ours is None:
            write("memos", key, m.to_dict())
            report.memos_added += 1
        elif ours.get("text") == m.text:
            report.memos_same += 1
        else:
            conflict(f"{where}: text differs; kept ours", "memos", key, m.to_dict())
    return ops, changes, report
