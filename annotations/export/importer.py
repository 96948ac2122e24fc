"""Reading a JSON export back, and deciding what merging it into a store changes.

`plan_merge` is pure (lists in, a plan out) so the rules are tested without a store and the
store's `merge` can share them. The rules keep a person's work safe:

* nothing is duplicated: a record with a known id, or the same content under another id
  (the same passage highlighted twice in two copies of the store), is "unchanged";
* nothing is overwritten: when the same highlight, article state or correction differs,
  the existing one stays and a conflict says what differs, for a person to settle;
* anchoring is not a difference: offsets and anchor status are recomputed by the store,
  so a highlight that only moved is unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.export.jsonfile import FORMAT_NAME, FORMAT_VERSION
from annotations.model import ArticleState, ArticleStatus, Codebook, Correction, Highlight
from reader.errors import UserError


@dataclass(slots=True)
class ExportBundle:
    """The records of one JSON export, as model objects."""

    highlights: list[Highlight] = field(default_factory=list)
    states: list[ArticleState] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    codebook: Codebook | None = None
    corpus: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # "highlight" | "article" | "correction"
    key: str  # what a person looks up: a short highlight id, an article id
    message: str

    def __str__(self) -> str:
        return f"conflict: {self.kind} {self.key}: {self.message}"


@dataclass(slots=True)
class MergePlan:
    highlights: list[Highlight] = field(default_factory=list)
    states: list[ArticleState] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def added(self) -> int:
        return len(self.highlights) + len(self.states) + len(self.corrections)

    def summary(self) -> str:
        return f"added {self.added}, unchanged {self.unchanged}, conflicts {len(self.conflicts)}"


_HIGHLIGHT_REQUIRED = {"id": str, "article": str, "start": int, "end": int, "exact": str}


def _require(record: Any, required: dict[str, type], what: str, where: str) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise UserError(f"{where}: {what} is not an object")
    for key, typ in required.items():
        value = record.get(key)
        if not isinstance(value, typ) or isinstance(value, bool):
            raise UserError(f"{where}: {what} has no valid {key!r}")
    return record


def parse_export(doc: Any, where: str = "export") -> ExportBundle:
    """Model objects from a parsed JSON export; UserError for anything malformed."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise UserError(f'{where} is not a reader JSON export (no "format": "{FORMAT_NAME}")')
    version = doc.get("version")
    if not isinstance(version, int) or version < 1:
        raise UserError(f"{where}: unknown export version {version!r}")
    if version > FORMAT_VERSION:
        raise UserError(
            f"{where} is export version {version}; this reader reads up to {FORMAT_VERSION}"
        )
    articles = doc.get("articles", [])
    if not isinstance(articles, list):
        raise UserError(f'{where}: "articles" is not a list')
    bundle = ExportBundle(corpus=doc.get("corpus") or {})
    if isinstance(doc.get("codebook"), dict):
        bundle.codebook = Codebook.from_dict(doc["codebook"])
    for i, a in enumerate(articles):
        a = _require(a, {"article": str}, f"article #{i + 1}", where)
        aid = a["article"]
        tags = a.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise UserError(f"{where}: article {aid!r} has invalid tags")
        status = a.get("status") or ArticleStatus.TODO.value
        updated = a.get("updated")
        state = ArticleState(article=aid, tags=list(tags), status=status)
        if isinstance(updated, str):
            state.updated = updated
        bundle.states.append(state)
        for j, h in enumerate(a.get("highlights") or []):
            h = _require(h, _HIGHLIGHT_REQUIRED, f"highlight #{j + 1} of {aid!r}", where)
            hl = Highlight.from_dict({"prefix": "", "suffix": "", "content_hash": "", **h})
            hl.article = aid
            bundle.highlights.append(hl)
        for c in a.get("corrections") or []:
            c = _require(c, {"id": str, "kind": str}, f"correction of {aid!r}", where)
            bundle.corrections.append(Correction.from_dict(c))
    for c in doc.get("corpus_corrections") or []:
        c = _require(c, {"id": str, "kind": str}, "corpus correction", where)
        bundle.corrections.append(Correction.from_dict(c))
    return bundle


def load_export(path: str | Path) -> ExportBundle:
    p = Path(path).expanduser()
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError(f"no such file: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from exc
    return parse_export(doc, str(path))


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "\u2026")


def _highlight_diff(old: Highlight, new: Highlight) -> list[str]:
    diffs = []
    if old.article != new.article:
        diffs.append(f"article differs: existing {old.article!r}, incoming {new.article!r}")
    if old.exact != new.exact:
        diffs.append(f"text differs: existing {_short(old.exact)}, incoming {_short(new.exact)}")
    if old.label != new.label:
        diffs.append(f"label differs: existing {old.label!r}, incoming {new.label!r}")
    if old.note != new.note:
        diffs.append(f"note differs: existing {_short(old.note)}, incoming {_short(new.note)}")
    return diffs


def _highlight_key(h: Highlight) -> tuple:
    return (h.article, h.start, h.end, h.exact, h.label)


def _state_empty(s: ArticleState) -> bool:
    return not s.tags and s.status == ArticleStatus.TODO.value


def _correction_key(c: Correction) -> tuple:
    return (c.kind, c.article, c.line, c.text, c.start, c.end, c.value)


def plan_merge(
    existing_highlights: list[Highlight],
    existing_states: list[ArticleState],
    existing_corrections: list[Correction],
    highlights: list[Highlight],
    states: list[ArticleState],
    corrections: list[Correction],
) -> MergePlan:
    """What to add and what conflicts, per the rules in the module docstring."""
    plan = MergePlan()
    by_id = {h.id: h for h in existing_highlights}
    by_key = {_highlight_key(h): h for h in existing_highlights}
    for h in highlights:
        old = by_id.get(h.id)
        if old is None:
            twin = by_key.get(_highlight_key(h))
            if twin is None:
                plan.highlights.append(h)
                by_id[h.id] = h
                by_key[_highlight_key(h)] = h
            elif twin.note == h.note:
                plan.unchanged += 1
            else:
                plan.conflicts.append(
                    Conflict(
                        "highlight",
                        h.short_id,
                        f"same passage as {twin.short_id}, " + "; ".join(_highlight_diff(twin, h)),
                    )
                )
            continue
        diffs = _highlight_diff(old, h)
        if diffs:
            plan.conflicts.append(Conflict("highlight", h.short_id, "; ".join(diffs)))
        else:
            plan.unchanged += 1

    known_states = {s.article: s for s in existing_states}
    for s in states:
        old = known_states.get(s.article)
        if old is None or _state_empty(old):
            if _state_empty(s):
                plan.unchanged += 1
            else:
                plan.states.append(s)
                known_states[s.article] = s
            continue
        diffs = []
        if sorted(set(old.tags)) != sorted(set(s.tags)):
            diffs.append(f"tags differ: existing {sorted(old.tags)}, incoming {sorted(s.tags)}")
        if old.status != s.status:
            diffs.append(f"status differs: existing {old.status!r}, incoming {s.status!r}")
        if diffs:
            plan.conflicts.append(Conflict("article", s.article, "; ".join(diffs)))
        else:
            plan.unchanged += 1

    corr_by_id = {c.id: c for c in existing_corrections}
    corr_keys = {_correction_key(c) for c in existing_corrections}
    for c in corrections:
        old_c = corr_by_id.get(c.id)
        if old_c is not None:
            if _correction_key(old_c) == _correction_key(c):
                plan.unchanged += 1
            else:
                plan.conflicts.append(
                    Conflict("correction", c.id[:8], f"{c.kind} differs from the stored one")
                )
        elif _correction_key(c) in corr_keys:
            plan.unchanged += 1
        else:
            plan.corrections.append(c)
            corr_by_id[c.id] = c
            corr_keys.add(_correction_key(c))
    return plan
