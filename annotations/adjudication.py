"""Adjudication: settling the coders' disagreements into the work of an adjudicator coder.

The adjudicator (`READER_ADJUDICATOR`, default "gold") is an ordinary coder in the store,
so its work is listed, exported and compared like anyone's. For one disagreement (an
article's tag, or a sentence's label; see `annotations.agreement`) the choices are:

- *coder N*: gold's value becomes coder N's: for a tag, gold has it iff N gave it; for a
  label, N's highlight with that label covering the sentence is copied to gold (when N's
  value is 1), or gold's highlights with that label covering the sentence go (when 0);
- *both*: every coder's version: the tag, or a copy of each coder's covering highlight;
- *neither*: no tag, no highlight of that label covering the sentence.

The first decision in an article also gives gold what the coders agree on there (the tags
every coder gave, a copy of the highlights behind every sentence+label all coders marked)
and marks the article done for gold, so gold's work on an adjudicated article is complete.
Copies get ids derived from the original's and the adjudicator's name, so copying twice
never duplicates. Each decision is one undoable change through the store's journal.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from annotations.agreement import Disagreement, Span, Units, sentence_labels
from annotations.errors import AnnotationInputError
from annotations.model import ArticleState, ArticleStatus, Highlight, now_iso
from annotations.schema import coder_key
from annotations.state import Op, delete, put
from annotations.undo import Change

GOLD = "gold"
BOTH = "both"
NEITHER = "neither"
_NS = uuid.UUID("0b7e3c52-4d0c-4b51-9a53-3c1f2b8e9d41")


def adjudicator_name() -> str:
    """The adjudicator's coder name: `READER_ADJUDICATOR` when set, else "gold"."""
    import os

    from annotations.coders import check_coder

    value = os.environ.get("READER_ADJUDICATOR", "").strip()
    return check_coder(value) if value else GOLD


def copy_id(original: str, adjudicator: str) -> str:
    return uuid.uuid5(_NS, f"{adjudicator}:{original}").hex


def _covering(
    highlights: Sequence[Highlight], label: str, start: int, end: int
) -> list[Highlight]:
    """The highlights with `label` covering at least half of [start, end), largest first."""
    out = []
    for h in highlights:
        if h.label != label:
            continue
        overlap = min(end, h.end) - max(start, h.start)
        if overlap > 0 and 2 * overlap >= end - start:
            out.append((overlap, h))
    return [h for _, h in sorted(out, key=lambda t: (-t[0], t[1].start, t[1].id))]


def gold_value(store: Any, d: Disagreement, adjudicator: str = GOLD) -> int | None:
    state = store.article_state(d.article, coder=adjudicator)
    touched = state.status != ArticleStatus.TODO.value or bool(state.tags)
    if d.kind == "tag":
        return (1 if d.name in state.tags else 0) if touched else None
    hs = [h for h in store.highlights(d.article, coder=adjudicator)]
    if not touched and not hs:
        return None
    covered = sentence_labels([(d.start, d.end)], [Span(h.start, h.end, h.label) for h in hs])
    return 1 if d.name in covered[0] else 0


def decide(
    store: Any,
    units: Units,
    d: Disagreement,
    choice: str | int,
    adjudicator: str = GOLD,
) -> str:
    """Apply one decision (a coder's index in `units.coders`, BOTH or NEITHER) as one
    undoable change; returns its description."""
    coders = units.coders
    if adjudicator in coders:
        raise AnnotationInputError(f"the adjudicator {adjudicator!r} is one of the compared coders")
    if isinstance(choice, int) and not 0 <= choice < len(coders):
        raise AnnotationInputError(f"no coder number {choice + 1}")
    if not isinstance(choice, int) and choice not in (BOTH, NEITHER):
        raise AnnotationInputError(f"unknown decision {choice!r}")
    what = (coders[choice] if isinstance(choice, int) else choice)
    description = f"adjudicate {d.article} {d.kind} {d.name}: {what}"

    def build() -> tuple[list[Op], str, list[Change], str]:
        plan = _Plan(store, adjudicator, d.article)
        plan.seed(units)
        if isinstance(choice, int):
            sources = [choice] if d.values[choice] else []
            keep = bool(d.values[choice])
        elif choice == BOTH:
            sources = [i for i, v in enumerate(d.values) if v]
            keep = bool(sources)
        else:
            sources, keep = [], False
        if d.kind == "tag":
            plan.tag(d.name, keep)
        else:
            assert d.start is not None and d.end is not None
            if not keep:
                plan.drop_covering(d.name, d.start, d.end)
            for i in sources:
                found = _covering(plan.by_coder(coders[i]), d.name, d.start, d.end)
                if found:
                    plan.copy(found[0])
        return plan.ops, description, plan.changes, description

    return str(store._commit(build))


class _Plan:
    """The ops of one decision, built against the store's fresh state under its lock."""

    def __init__(self, store: Any, adjudicator: str, article: str) -> None:
        self.store = store
        self.gold = adjudicator
        self.article = article
        self.ops: list[Op] = []
        self.changes: list[Change] = []
        self.state_key = coder_key(article, adjudicator)
        current = store._state.get("articles", self.state_key)
        self.state_before = current
        self.state = dict(current) if current else ArticleState(
            article, coder=adjudicator
        ).to_dict()
        self.highlights: dict[str, dict[str, Any]] = {}  # gold's, by id, after the plan
        table = store._state.tables["highlights"]
        for key in store._state.keys_for("highlights", article):
            record = table[key]
            if record.get("coder") == adjudicator:
                self.highlights[key] = record
        self._by_coder: dict[str, list[Highlight]] = {}

    def by_coder(self, coder: str) -> list[Highlight]:
        if coder not in self._by_coder:
            table = self.store._state.tables["highlights"]
            self._by_coder[coder] = [
                Highlight.from_dict(table[k])
                for k in self.store._state.keys_for("highlights", self.article)
                if table[k].get("coder") == coder
            ]
        return self._by_coder[coder]

    def seed(self, units: Units) -> None:
        """On gold's first decision in the article: what every coder agrees on, and done."""
        if self.state_before is not None and self.state_before.get("status") != "todo":
            return
        a = units.articles.index(self.article) if self.article in units.articles else None
        if a is not None:
            for tag, rows in units.tags.items():
                if all(row[a] == 1 for row in rows):
                    self.tag(tag, True)
        first = units.coders[0]
        for j, (article, s, e) in enumerate(units.sentences):
            if article != self.article:
                continue
            for label, rows in units.labels.items():
                if all(row[j] == 1 for row in rows):
                    found = _covering(self.by_coder(first), label, s, e)
                    if found:
                        self.copy(found[0])
        self.state["status"] = ArticleStatus.DONE.value
        self._put_state()

    def _put_state(self) -> None:
        self.state["updated"] = now_iso()
        self.ops = [op for op in self.ops if not (op[1] == "articles" and op[2] == self.state_key)]
        self.changes = [c for c in self.changes
                        if not (c.table == "articles" and c.key == self.state_key)]
        record = dict(self.state)
        self.ops.append(put("articles", self.state_key, record))
        self.changes.append(Change("articles", self.state_key, self.state_before, record))

    def tag(self, name: str, present: bool) -> None:
        tags = [t for t in self.state.get("tags", []) if t != name]
        if present:
            tags.append(name)
        self.state["tags"] = tags
        self._put_state()

    def copy(self, h: Highlight) -> None:
        new_id = copy_id(h.id, self.gold)
        if new_id in self.highlights:
            return
        record = {**h.to_dict(), "id": new_id, "coder": self.gold, "created": now_iso(),
                  "updated": now_iso()}
        self.highlights[new_id] = record
        before = self.store._state.get("highlights", new_id)
        self.ops.append(put("highlights", new_id, record))
        self.changes.append(Change("highlights", new_id, before, record))

    def drop_covering(self, label: str, start: int, end: int) -> None:
        mine = [Highlight.from_dict(r) for r in self.highlights.values()]
        for h in _covering(mine, label, start, end):
            record = self.highlights.pop(h.id)
            self.ops.append(delete("highlights", h.id))
            self.changes.append(Change("highlights", h.id, record, None))
