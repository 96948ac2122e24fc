"""Reading a JSON export back for `reader import`.

Only the envelope is checked strictly here (is this our format, a version we can read);
the records are handed to the store's `merge` (rules in `annotations.merge`), which keeps
ids, skips duplicates, keeps ours on conflict and lists unreadable records without
stopping the rest. One bad highlight in a 5,000-highlight file should not block the
other 4,999, so records that cannot even become model objects are collected in `invalid`
rather than raised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.export.jsonfile import FORMAT_NAME, FORMAT_VERSION
from annotations.model import (
    ArticleState,
    ArticleStatus,
    Codebook,
    Correction,
    Highlight,
    Memo,
    SessionRecord,
)
from reader.errors import UserError


@dataclass(slots=True)
class ExportBundle:
    """The records of one JSON export, as model objects."""

    highlights: list[Highlight] = field(default_factory=list)
    states: list[ArticleState] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    codebook: Codebook | None = None
    sessions: list[SessionRecord] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    corpus: dict[str, Any] = field(default_factory=dict)
    invalid: list[str] = field(default_factory=list)


def _record(cls: type, data: Any, defaults: dict[str, Any], what: str, bundle: ExportBundle) -> Any:
    """`cls.from_dict` or None, with the reason in `bundle.invalid`."""
    if not isinstance(data, dict):
        bundle.invalid.append(f"{what}: not an object")
        return None
    try:
        return cls.from_dict({**defaults, **data})
    except (TypeError, ValueError) as exc:
        bundle.invalid.append(f"{what}: {exc}")
        return None


def parse_export(doc: Any, where: str = "export") -> ExportBundle:
    """Model objects from a parsed JSON export; UserError when it is not one we can read."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise UserError(f'{where} is not a reader JSON export (no "format": "{FORMAT_NAME}")')
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(f"{where}: unknown export version {version!r}")
    if version > FORMAT_VERSION:
        raise UserError(
            f"{where} is export version {version}; this reader reads up to {FORMAT_VERSION}"
        )
    articles = doc.get("articles", [])
    if not isinstance(articles, list):
        raise UserError(f'{where}: "articles" is not a list')
    corpus = doc.get("corpus")
    bundle = ExportBundle(corpus=corpus if isinstance(corpus, dict) else {})
    if isinstance(doc.get("codebook"), dict):
        bundle.codebook = Codebook.from_dict(doc["codebook"])
    for i, a in enumerate(articles, 1):
        if not isinstance(a, dict) or not isinstance(a.get("article"), str):
            bundle.invalid.append(f"article #{i}: no article id")
            continue
        aid = a["article"]
        coder = a.get("coder") if isinstance(a.get("coder"), str) else ""  # "" before v2
        state = _record(
            ArticleState,
            {k: a[k] for k in ("tags", "status", "updated") if a.get(k) is not None},
            {"article": aid, "status": ArticleStatus.TODO.value, "coder": coder},
            f"article {aid}",
            bundle,
        )
        # an entry exported without a stored state (`updated` null) that carries highlights
        # or a memo stays without one: importing must not invent a "todo" record
        decided = a.get("tags") or a.get("status") not in (None, ArticleStatus.TODO.value)
        bare = a.get("updated") is None and not decided and (a.get("highlights") or a.get("memo"))
        if state is not None and not bare:
            state.article = aid
            bundle.states.append(state)
        for j, h in enumerate(a.get("highlights") or [], 1):
            hl = _record(
                Highlight,
                h,
                {"article": aid, "prefix": "", "suffix": "", "content_hash": "", "coder": coder},
                f"highlight #{j} of {aid}",
                bundle,
            )
            if hl is not None:
                bundle.highlights.append(hl)
        if a.get("memo") is not None:
            memo = _record(
                Memo, a["memo"], {"id": "", "coder": coder}, f"memo of {aid}", bundle
            )
            if memo is not None:
                memo.article = aid
                bundle.memos.append(memo)
        for j, c in enumerate(a.get("corrections") or [], 1):
            corr = _record(Correction, c, {}, f"correction #{j} of {aid}", bundle)
            if corr is not None:
                bundle.corrections.append(corr)
    for j, c in enumerate(doc.get("corpus_corrections") or [], 1):
        corr = _record(Correction, c, {}, f"corpus correction #{j}", bundle)
        if corr is not None:
            bundle.corrections.append(corr)
    for j, m in enumerate(doc.get("memos") or [], 1):
        memo = _record(Memo, m, {"id": "", "article": "", "coder": ""}, f"memo #{j}", bundle)
        if memo is not None:
            bundle.memos.append(memo)
    for j, r in enumerate(doc.get("sessions") or [], 1):
        session = _record(SessionRecord, r, {}, f"session #{j}", bundle)
        if session is not None:
            bundle.sessions.append(session)
    return bundle


def load_export(path: str | Path) -> ExportBundle:
    """Read and parse a JSON export file; every failure is one UserError line."""
    p = Path(path).expanduser()
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{path} is a folder, not a JSON export") from exc
    except UnicodeDecodeError as exc:  # a binary file, a zip, a spreadsheet…
        raise UserError(f"{path} is not a reader JSON export (not UTF-8 text: byte "
                        f"{exc.start}); exports come from reader export --format json "
                        "or qdpx") from exc
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}); reader "
            "import reads what reader export --format json or qdpx wrote"
        ) from exc
    return parse_export(doc, str(path))


def summary_counts(report: Any) -> tuple[int, int, int]:
    """(added, unchanged, conflicts) from the store's MergeReport.

    Tags merged into an article that already had a record count as added: something new
    arrived, which is what a person checking an import wants to know.
    """
    added = (
        report.highlights_added
        + report.states_added
        + report.states_updated
        + report.corrections_added
        + getattr(report, "memos_added", 0)
    )
    unchanged = (
        report.highlights_same
        + report.states_same
        + report.corrections_same
        + getattr(report, "memos_same", 0)
    )
    return added, unchanged, len(report.conflicts)


def import_bundle(store: Any, bundle: ExportBundle) -> tuple[Any, list[str]]:
    """Merge an export into `store`: the MergeReport, and notes about the codebook.

    Annotations go through `store.merge` (one undoable change). The codebook is adopted
    only when the store has none; a different one is reported, never replaced, because
    labels are a project's settings. Session records are a log keyed by id: missing ones
    are added, so an export-import round trip loses nothing.
    """
    notes: list[str] = []
    report = store.merge(bundle.highlights, bundle.states, bundle.corrections, bundle.memos)
    if bundle.codebook is not None:
        ours = store.codebook()
        if ours is None:
            store.set_codebook(bundle.codebook)
        elif ours.to_dict() != bundle.codebook.to_dict():
            notes.append("the file's codebook differs from the store's; kept the store's")
    known = {s.id for s in store.sessions()}
    for session in bundle.sessions:
        if session.id not in known:
            store.add_session(session)
            known.add(session.id)
    return report, notes
