"""The annotation store: a TinyDB file plus an append-only journal, safe against crashes and
against a second process writing the same corpus.

Files, all in one folder (`annotations.json` beside the corpus by default, see
`annotations.paths.resolve_db_path`):

- `annotations.json`: a TinyDB database (tables meta, articles, highlights, corrections,
  codebook, sessions), readable with `TinyDB(path, storage=OrjsonStorage)` or plain TinyDB.
  Only ever replaced atomically (temp file, fsync, `os.replace`, fsync of the folder).
- `annotations.json.journal`: one checksummed line per acknowledged change, fsynced before
  the mutation returns. That is the durable save: an append costs a fraction of a
  millisecond where rewriting a 50k-annotation TinyDB file costs hundreds.
- `annotations.json.lock`: the cross-process lock around every read-modify-write.

Folding writes the in-memory image to a new `annotations.json` (meta records the journal
sequence number it contains) and then drops the folded journal entries. It runs on the
background writer thread once the journal reaches `fold_every` entries, on `compact()` and
on `close()`, so after a clean exit the TinyDB file alone is the complete record. Opening
replays journal entries newer than the file; entries are idempotent full-record puts and
deletes, so a crash between the rename and the journal truncation replays harmlessly.

Concurrency: every mutation takes the file lock, picks up what other processes wrote
(a replaced TinyDB file means a full reload, a longer journal means reading just the new
lines), validates against that fresh state, appends, and releases. Records have UUIDs, so
two processes never fight over ids.

The file/journal/lock machinery lives in `annotations.engine.StoreEngine`; this module is
the API on top of it: in-memory queries and validated, undoable mutations.

`reload_if_changed()` costs two stats when nothing changed and reads just the new journal
lines when another process saved; when another process folded, it re-reads the whole file
(about 0.2 s at 50k annotations), so call it from a worker, like mutations.

Coders: a handle works as one coder (`AnnotationStore.open(path, coder=NAME)`, default
`annotations.coders.resolve_coder(None)`). Its mutations record `store.coder`; its queries
of highlights, tags, status and memos show that coder's work unless given `coder=NAME`
(another coder) or `coder=ALL` (everyone). Article states and memos are keyed by (article,
coder), highlights carry their coder, so two coders on one folder never touch each other's
records, and a handle refuses to edit or delete another coder's highlight. Corrections fix
the detector rather than code the text: they record their coder but apply to everyone.

Threading contract for the app: queries are in-memory and never touch the disk. A
mutation returns only once its journal line is on disk (about a millisecond on an SSD,
more on a slow or network disk), so the UI thread should not call it directly: use
`store.submit(store.add_tags, article, tags, callback=...)`, which runs mutations in order
on one background writer thread and calls `callback(future)` from that thread (wrap UI
updates in `App.call_from_thread`). Calling mutations from a Textual thread worker works
too; the store is thread-safe, and queries never wait for a save in progress.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, Final, Literal, TypeVar

from annotations.anchoring import reanchored
from annotations.engine import StoreEngine
from annotations.errors import AnnotationInputError
from annotations.merge import MergeReport, plan_merge
from annotations.model import (
    SCHEMA_VERSION,
    Anchor,
    AnchorStatus,
    ArticleState,
    ArticleStatus,
    Codebook,
    Correction,
    CorrectionKind,
    Highlight,
    Memo,
    SessionRecord,
    content_hash,
    new_id,
    now_iso,
)
from annotations.paths import resolve_db_path
from annotations.schema import CODEBOOK_KEY, coder_key
from annotations.state import Op, delete, put
from annotations.storage import stale_temps
from annotations.tags import normalize_tag, same_tag, tag_too_long
from annotations.undo import Change, transition

__all__ = ["ALL", "MINE", "AnnotationStore", "MergeReport", "resolve_db_path"]

T = TypeVar("T")
Record = dict[str, Any]


class _Mine(Enum):
    MINE = "mine"


MINE: Final = _Mine.MINE  # the default of `coder=`: the handle's own coder
ALL: Final = None  # `coder=ALL`: every coder's work
CoderChoice = str | None | Literal[_Mine.MINE]


def _thaw(cls: type[T], record: Record) -> T:
    """A model object that shares no list with the store's record."""
    return cls.from_dict({k: list(v) if isinstance(v, list) else v for k, v in record.items()})


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def clean_tags(tags: Iterable[str]) -> list[str]:
    if isinstance(tags, str):
        tags = [tags]
    out: list[str] = []
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip():
            raise AnnotationInputError("a tag cannot be empty")
        tag = normalize_tag(tag)  # one spelling everywhere (annotations.tags)
        if not tag.isprintable():
            raise AnnotationInputError(f"tag {tag!r} contains control characters")
        if not any(same_tag(tag, o) for o in out):
            out.append(tag)
    if not out:
        raise AnnotationInputError("no tags given")
    return out


def _check_article(article: str) -> None:
    if not isinstance(article, str) or not article:
        raise AnnotationInputError("an article id is needed")


def check_span(text: str, start: Any, end: Any) -> None:
    if not isinstance(text, str):
        raise AnnotationInputError("the article text is needed to anchor a highlight")
    if not (_is_int(start) and _is_int(end)):
        raise AnnotationInputError("start and end must be whole numbers")
    if not 0 <= start < end <= len(text):
        raise AnnotationInputError(
            f"span {start}-{end} is not inside the article (0-{len(text)}, start before end)"
        )


class AnnotationStore(StoreEngine):
    """One annotation file. Open with `AnnotationStore.open(path)`; always `close()`."""

    # --- queries ----------------------------------------------------------------------------

    def _who(self, coder: CoderChoice) -> str | None:
        """The coder a query is about; None for every coder."""
        return self.coder if coder is MINE else coder  # type: ignore[return-value]

    def article_state(self, article: str, coder: CoderChoice = MINE) -> ArticleState:
        """One coder's tags and status; with `coder=ALL` a summary (coder ""): every coder's
        tags, and the first coder's (by name) status that is not todo."""
        who = self._who(coder)
        with self._mem:
            if who is not None:
                record = self._state.get("articles", coder_key(article, who))
                return _thaw(ArticleState, record) if record else ArticleState(article, coder=who)
            table = self._state.tables["articles"]
            records = [table[k] for k in self._state.keys_for("articles", article)]
        merged = ArticleState(article)
        for r in sorted(records, key=lambda r: r.get("coder", "")):
            merged.tags += [t for t in r["tags"] if t not in merged.tags]
            if merged.status == ArticleStatus.TODO.value:
                merged.status = r["status"]
            merged.updated = max(merged.updated, r.get("updated", ""))
        return merged

    def article_states(self, coder: CoderChoice = MINE) -> list[ArticleState]:
        """The stored states of one coder (or, with ALL, one per article and coder)."""
        who = self._who(coder)
        with self._mem:
            records = list(self._state.tables["articles"].values())
        return [_thaw(ArticleState, r) for r in records if who is None or r.get("coder") == who]

    def tags(self, article: str, coder: CoderChoice = MINE) -> list[str]:
        who = self._who(coder)
        if who is None:
            return self.article_state(article, ALL).tags
        with self._mem:
            record = self._state.get("articles", coder_key(article, who))
            return list(record["tags"]) if record else []

    def tag_counts(self, coder: CoderChoice = MINE) -> dict[str, int]:
        """Articles per tag (an article two coders gave a tag counts once)."""
        who = self._who(coder)
        seen: set[tuple[str, str]] = set()
        counts: dict[str, int] = {}
        with self._mem:
            for record in self._state.tables["articles"].values():
                if who is not None and record.get("coder") != who:
                    continue
                for tag in record["tags"]:
                    if (record["article"], tag) not in seen:
                        seen.add((record["article"], tag))
                        counts[tag] = counts.get(tag, 0) + 1
        return counts

    def highlights(
        self, article: str | None = None, coder: CoderChoice = MINE
    ) -> list[Highlight]:
        """Sorted by (article, start, end)."""
        who = self._who(coder)
        with self._mem:
            table = self._state.tables["highlights"]
            if article is None:
                records = list(table.values())
            else:
                records = [table[k] for k in self._state.keys_for("highlights", article)]
        out = [_thaw(Highlight, r) for r in records if who is None or r.get("coder") == who]
        out.sort(key=lambda h: (h.article, h.start, h.end, h.id))
        return out

    def memo(self, article: str = "", coder: CoderChoice = MINE) -> Memo | None:
        """One coder's (default: this handle's) memo of `article`, "" = the project memo.
        A memo is one coder's: for every coder's, use `memos(article, coder=ALL)`."""
        who = self._who(coder)
        if who is None:
            raise AnnotationInputError("memo() reads one coder's memo; use memos(coder=ALL)")
        with self._mem:
            record = self._state.get("memos", coder_key(article, who))
        return _thaw(Memo, record) if record else None

    def memos(self, article: str | None = None, coder: CoderChoice = MINE) -> list[Memo]:
        """Memos (of one article, "" the project's), sorted by article then coder."""
        who = self._who(coder)
        with self._mem:
            table = self._state.tables["memos"]
            if article is None:
                records = list(table.values())
            else:
                records = [table[k] for k in self._state.keys_for("memos", article)]
        out = [_thaw(Memo, r) for r in records if who is None or r.get("coder") == who]
        out.sort(key=lambda m: (m.article, m.coder))
        return out

    def coders(self) -> list[str]:
        """Names of every coder with work in the store, sorted."""
        names: set[str] = set()
        with self._mem:
            for table in ("articles", "highlights", "memos", "corrections"):
                names.update(r.get("coder") or "" for r in self._state.tables[table].values())
        names.discard("")
        return sorted(names)

    def highlight(self, id: str) -> Highlight | None:
        with self._mem:
            record = self._state.get("highlights", id)
        return _thaw(Highlight, record) if record else None

    def corrections(
        self, article: str | None = None, coder: CoderChoice = ALL
    ) -> list[Correction]:
        """All corrections; for an article, its own plus the corpus-wide ones (article None),
        since those apply to every article. Every coder's by default: they fix the
        detector for everyone (see the module docstring)."""
        who = self._who(coder)
        with self._mem:
            table = self._state.tables["corrections"]
            if article is None:
                records = list(table.values())
            else:
                keys = self._state.keys_for("corrections", article)
                keys += self._state.keys_for("corrections", None)
                records = [table[k] for k in keys]
        return [_thaw(Correction, r) for r in records if who is None or r.get("coder") == who]

    def codebook(self) -> Codebook | None:
        with self._mem:
            record = self._state.get("codebook", CODEBOOK_KEY)
        return Codebook.from_dict(record) if record else None

    def sessions(self) -> list[SessionRecord]:
        with self._mem:
            records = list(self._state.tables["sessions"].values())
        return sorted((_thaw(SessionRecord, r) for r in records), key=lambda s: s.started)

    def switch_coder(self, coder: str) -> None:
        """Work as another coder from now on. The undo history is dropped: undoing after a
        switch must not reach back into the previous coder's work. Submit it through
        `submit` so changes queued before the switch are still recorded as before."""
        from annotations.coders import check_coder
        from annotations.undo import History

        name = check_coder(coder)
        with self._io:
            self.coder = name
            self._history = History()

    def can_undo(self) -> bool:
        return bool(self._history.undo_stack)

    def can_redo(self) -> bool:
        return bool(self._history.redo_stack)

    def info(self) -> dict[str, Any]:
        """Facts for `reader check` and the app's status line."""
        with self._mem:
            counts = {name: len(t) for name, t in self._state.tables.items()}
        return {
            "path": str(self.path),
            "exists": self.path.exists(),
            "schema": self._meta.get("schema", SCHEMA_VERSION),
            "created": self._meta.get("created"),
            "seq": self._seq,
            "records": counts,
            "coder": self.coder,
            "coders": self.coders(),
            "journal_entries": len(self._entry_starts),
            "journal_torn_tail": self._journal_torn,
            "readonly": self.readonly,
            "readonly_reason": self.readonly_reason,
            "migrated_from": self.migrated_from,
            "backups": sorted(str(p) for p in self.path.parent.glob(self.path.name + ".bak-*")),
            "stale_temp_files": [str(p) for p in stale_temps(self.path)],
        }

    # --- mutations --------------------------------------------------------------------------

    def _state_record(self, article: str) -> tuple[str, Record | None, Record]:
        """This coder's state of `article`: (its key, the stored record or None, a base)."""
        key = coder_key(article, self.coder)
        current = self._state.get("articles", key)
        if current is not None:
            return key, current, current
        return key, None, ArticleState(article, coder=self.coder).to_dict()

    def _check_mine(self, record: Record, what: str) -> None:
        """Coders' work stays apart: a handle edits only its own coder's records."""
        owner = record.get("coder") or ""
        if owner != self.coder:
            raise AnnotationInputError(
                f"{what} is {owner or 'nobody'}'s work, not {self.coder}'s; "
                f"use --coder {owner} to change it"
            )

    def add_tags(self, article: str, tags: list[str]) -> None:
        _check_article(article)
        wanted = clean_tags(tags)
        for tag in wanted:  # (removing a long tag an older version took stays possible)
            if problem := tag_too_long(tag):
                raise AnnotationInputError(problem)

        def build() -> tuple[list[Op], str, list[Change], None]:
            key, current, base = self._state_record(article)
            new = [t for t in wanted if not any(same_tag(t, b) for b in base["tags"])]
            if not new:
                return [], "", [], None
            record = {**base, "tags": [*base["tags"], *new], "updated": now_iso()}
            return (
                [put("articles", key, record)],
                f"tag {article}: +{', +'.join(new)}",
                [Change("articles", key, current, record)],
                None,
            )

        self._commit(build)

    def remove_tags(self, article: str, tags: list[str]) -> None:
        _check_article(article)
        unwanted = clean_tags(tags)

        def build() -> tuple[list[Op], str, list[Change], None]:
            key, current, base = self._state_record(article)
            gone = [b for b in base["tags"] if any(same_tag(b, t) for t in unwanted)]
            if current is None or not gone:
                return [], "", [], None
            record = {
                **base,
                "tags": [t for t in base["tags"] if t not in gone],
                "updated": now_iso(),
            }
            return (
                [put("articles", key, record)],
                f"untag {article}: -{', -'.join(gone)}",
                [Change("articles", key, current, record)],
                None,
            )

        self._commit(build)

    def set_status(self, article: str, status: str) -> None:
        _check_article(article)
        if status not in {s.value for s in ArticleStatus}:
            raise AnnotationInputError(
                f"unknown status {status!r} (one of: {', '.join(s.value for s in ArticleStatus)})"
            )

        def build() -> tuple[list[Op], str, list[Change], None]:
            key, current, base = self._state_record(article)
            if base["status"] == status:
                return [], "", [], None
            record = {**base, "status": str(status), "updated": now_iso()}
            return (
                [put("articles", key, record)],
                f"mark {article} {status}",
                [Change("articles", key, current, record)],
                None,
            )

        self._commit(build)

    def _check_label(self, label: str) -> None:
        if not isinstance(label, str):
            raise AnnotationInputError("a label must be text")
        if not label:
            return
        record = self._state.get("codebook", CODEBOOK_KEY)
        if record is not None and Codebook.from_dict(record).label(label) is None:
            names = ", ".join(lab["name"] for lab in record.get("labels", []))
            raise AnnotationInputError(f"unknown label {label!r} (codebook labels: {names})")

    def add_highlight(
        self, article: str, text: str, start: int, end: int, label: str = "", note: str = ""
    ) -> Highlight:
        _check_article(article)
        check_span(text, start, end)
        if not isinstance(note, str):
            raise AnnotationInputError("a note must be text")
        highlight = Highlight.create(article, text, start, end, label, note, self.coder)
        record = highlight.to_dict()

        def build() -> tuple[list[Op], str, list[Change], Highlight]:
            self._check_label(label)
            return (
                [put("highlights", highlight.id, record)],
                f"highlight {article} {start}-{end}",
                [Change("highlights", highlight.id, None, record)],
                _thaw(Highlight, record),
            )

        return self._commit(build)

    def update_highlight(
        self,
        id: str,
        *,
        label: str | None = None,
        note: str | None = None,
        text: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> Highlight:
        """Edit label/note; with `text`, `start` and `end` together, re-attach the highlight
        to a new span (its quote and context are taken afresh, its status becomes exact)."""
        reattach = (text, start, end) != (None, None, None)
        if reattach:
            if text is None or start is None or end is None:
                raise AnnotationInputError("re-attaching a highlight needs text, start and end")
            check_span(text, start, end)
        if note is not None and not isinstance(note, str):
            raise AnnotationInputError("a note must be text")

        def build() -> tuple[list[Op], str, list[Change], Highlight]:
            current = self._state.get("highlights", id)
            if current is None:
                raise AnnotationInputError(f"no highlight {id!r}")
            self._check_mine(current, f"highlight {id[:8]}")
            record = dict(current)
            if label is not None:
                self._check_label(label)
                record["label"] = label
            if note is not None:
                record["note"] = note
            if reattach:
                anchor = Anchor.at(text, start, end)  # type: ignore[arg-type]
                record.update(anchor.to_dict(), status=AnchorStatus.EXACT.value, score=None)
            if record == current:
                return [], "", [], _thaw(Highlight, current)
            record["updated"] = now_iso()
            what = "re-attach" if reattach else "edit"
            return (
                [put("highlights", id, record)],
                f"{what} highlight {id[:8]}",
                [Change("highlights", id, current, record)],
                _thaw(Highlight, record),
            )

        return self._commit(build)

    def delete_highlight(self, id: str) -> None:
        def build() -> tuple[list[Op], str, list[Change], None]:
            current = self._state.get("highlights", id)
            if current is None:
                raise AnnotationInputError(f"no highlight {id!r}")
            self._check_mine(current, f"highlight {id[:8]}")
            return (
                [delete("highlights", id)],
                f"delete highlight {id[:8]}",
                [Change("highlights", id, current, None)],
                None,
            )

        self._commit(build)

    def add_correction(self, correction: Correction) -> None:
        """Save a correction; one without a coder is recorded as this handle's."""
        record = correction.to_dict()
        if not record.get("coder"):
            record["coder"] = self.coder
        if not isinstance(correction.id, str) or not correction.id:
            raise AnnotationInputError("a correction needs an id")
        if correction.kind not in {k.value for k in CorrectionKind}:
            raise AnnotationInputError(f"unknown correction kind {correction.kind!r}")
        span = (correction.start, correction.end)
        if span != (None, None) and not (
            _is_int(span[0]) and _is_int(span[1]) and 0 <= span[0] < span[1]  # type: ignore[operator]
        ):
            raise AnnotationInputError("a correction's span needs 0 <= start < end")

        def build() -> tuple[list[Op], str, list[Change], None]:
            current = self._state.get("corrections", correction.id)
            if current == record:
                return [], "", [], None
            where = correction.article or "all articles"
            return (
                [put("corrections", correction.id, record)],
                f"correction {correction.kind} in {where}",
                [Change("corrections", correction.id, current, record)],
                None,
            )

        self._commit(build)

    def remove_correction(self, id: str) -> None:
        def build() -> tuple[list[Op], str, list[Change], None]:
            current = self._state.get("corrections", id)
            if current is None:
                raise AnnotationInputError(f"no correction {id!r}")
            return (
                [delete("corrections", id)],
                f"remove correction {current['kind']}",
                [Change("corrections", id, current, None)],
                None,
            )

        self._commit(build)

    def set_memo(self, article: str, text: str) -> Memo | None:
        """Write this coder's memo of `article` ("" = the project memo); empty text deletes
        it. Undoable like any annotation. Returns the memo as saved (None when deleted)."""
        if not isinstance(article, str):
            raise AnnotationInputError("a memo's article must be an article id or empty")
        if not isinstance(text, str):
            raise AnnotationInputError("a memo must be text")
        key = coder_key(article, self.coder)
        where = article or "project"

        def build() -> tuple[list[Op], str, list[Change], Memo | None]:
            current = self._state.get("memos", key)
            if not text.strip():
                if current is None:
                    return [], "", [], None
                return (
                    [delete("memos", key)],
                    f"delete memo {where}",
                    [Change("memos", key, current, None)],
                    None,
                )
            if current is not None and current["text"] == text:
                return [], "", [], _thaw(Memo, current)
            if current is None:
                record = Memo(new_id(), article, text, self.coder).to_dict()
            else:
                record = {**current, "text": text, "updated": now_iso()}
            return (
                [put("memos", key, record)],
                f"memo {where}",
                [Change("memos", key, current, record)],
                _thaw(Memo, record),
            )

        return self._commit(build)

    def set_codebook(self, codebook: Codebook) -> None:
        """Keep a copy of the codebook with the annotations (not undoable: it is settings)."""
        record = codebook.to_dict()

        def build() -> tuple[list[Op], str, list[Change], None]:
            if self._state.get("codebook", CODEBOOK_KEY) == record:
                return [], "", [], None
            return [put("codebook", CODEBOOK_KEY, record)], "set codebook", [], None

        self._commit(build, undoable=False)

    def add_session(self, record: SessionRecord) -> None:
        """Session figures are a log, not a person's annotations: not undoable."""
        data = record.to_dict()
        if not isinstance(record.id, str) or not record.id:
            raise AnnotationInputError("a session record needs an id")
        self._commit(
            lambda: ([put("sessions", record.id, data)], "session", [], None), undoable=False
        )

    def merge(
        self,
        highlights: Iterable[Highlight | Record],
        states: Iterable[ArticleState | Record],
        corrections: Iterable[Correction | Record],
        memos: Iterable[Memo | Record] = (),
    ) -> MergeReport:
        """Add what is new (one undoable change); same id + same content is skipped, same id
        + different content is kept as ours and reported. Records keep their coder; those
        without one (files from before coders) become this handle's."""
        items = (list(highlights), list(states), list(corrections), list(memos))

        def build() -> tuple[list[Op], str, list[Change], MergeReport]:
            ops, changes, report = plan_merge(self._state, *items, coder=self.coder)
            return ops, f"import ({report.summary()})", changes, report

        return self._commit(build)

    def undo(self) -> str | None:
        """Revert the last change made through this handle; returns its description."""
        return self._step(forward=False)

    def redo(self) -> str | None:
        return self._step(forward=True)

    def _step(self, *, forward: bool) -> str | None:
        source = self._history.redo_stack if forward else self._history.undo_stack
        target = self._history.undo_stack if forward else self._history.redo_stack
        with self._io:
            self._check_writable()
            if not source:
                return None
            with self._lock.held():
                self._refresh()
                self._check_writable()
                entry = source.pop()
                try:
                    changes = entry.changes if forward else list(reversed(entry.changes))
                    ops = [op for c in changes for op in transition(self._state, c, forward)]
                    if ops:
                        verb = "redo" if forward else "undo"
                        self._append(ops, f"{verb}: {entry.description}")
                except BaseException:
                    source.append(entry)
                    raise
                target.append(entry)
        if ops:
            self._maybe_fold_later()
        return entry.description

    def reanchor_article(self, article: str, text: str) -> list[Highlight]:
        """Find the article's highlights in its current text and save where they are now.

        Not undoable: it records a fact about the text, not a decision of the coder. A
        highlight that moved keeps the status "moved" while it stays put; a fuzzy one keeps
        its original quote, so it is matched afresh (and stays "fuzzy") until re-attached.
        On a read-only store the result is computed and returned but not kept.
        Every coder's highlights are re-anchored (the text changed for all of them); this
        handle's are returned.
        """
        if self.readonly:
            return [reanchored(h, text, content_hash(text))[0] for h in self.highlights(article)]

        def build() -> tuple[list[Op], str, list[Change], None]:
            text_hash = content_hash(text)
            ops: list[Op] = []
            for key in self._state.keys_for("highlights", article):
                current = self._state.tables["highlights"][key]
                h, changed = reanchored(_thaw(Highlight, current), text, text_hash)
                if changed:
                    ops.append(put("highlights", key, h.to_dict()))
            return ops, f"re-anchor {article}", [], None

        self._commit(build, undoable=False)
        return self.highlights(article)
