"""The annotation model: what a person's work consists of, as plain data.

Everything here is a small dataclass with `to_dict`/`from_dict`, so the store, the journal,
the exporters and the importer all agree on one JSON shape. Ids are UUIDs (TinyDB's own
integer ids are reused after deletes and collide between two processes), times are ISO 8601
UTC strings, offsets are Python `str` offsets into the decoded article text. Every record a person
makes carries `coder`, the name it was made under (see `annotations.coders`).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Self

SCHEMA_VERSION = 2  # 2: records carry their coder; article states are per coder; memos
CONTEXT_CHARS = 32


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex


def content_hash(text: str) -> str:
    """Identifies an article version, so re-anchoring is skipped when nothing changed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def one_line(text: str, width: int = 60) -> str:
    """`text` on one line (runs of whitespace, newlines included, as one space), cut to
    `width` characters with an ellipsis: how a highlight is named in lists and prompts."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"


# a highlight that starts with one of these carries its own quotation marks
_OPENING_QUOTES = "\"'\u201c\u2018\u00ab\u201e"


class AnchorStatus(StrEnum):
    EXACT = "exact"  # same offsets, same text
    MOVED = "moved"  # the quote was found again, exactly, elsewhere
    FUZZY = "fuzzy"  # found again approximately (see `score`)
    ORPHANED = "orphaned"  # not found: kept and listed, never dropped


class ArticleStatus(StrEnum):
    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"


class CorrectionKind(StrEnum):
    LINE_BODY = "line_body"  # this line (of this article) is body
    LINE_BOILERPLATE = "line_boilerplate"  # this line (of this article) is boilerplate
    TEXT_BOILERPLATE = "text_boilerplate"  # a line with this text is boilerplate everywhere
    LINE_TITLE = "line_title"  # this line (of this article) is its headline
    QUOTE_REJECT = "quote_reject"  # the quotation at start..end is not one
    QUOTE_KIND = "quote_kind"  # the quotation at start..end has kind `value`
    QUOTE_SPEAKER = "quote_speaker"  # the quotation at start..end was said by `value`


class _Record:
    """dict round-trip that ignores unknown keys, so newer files still load."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Anchor(_Record):
    """Where a highlight sits: offsets plus the W3C TextQuoteSelector triple.

    The offsets are fast and exact while the article is unchanged; `exact` with its
    `prefix`/`suffix` finds the passage again when the article was edited.
    """

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    content_hash: str

    @classmethod
    def at(cls, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
        return cls(
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
            content_hash=content_hash(text),
        )


@dataclass(slots=True)
class Highlight(_Record):
    id: str
    article: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    content_hash: str
    label: str = ""
    note: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    status: str = AnchorStatus.EXACT.value
    score: float | None = None
    coder: str = ""

    @classmethod
    def create(
        cls,
        article: str,
        text: str,
        start: int,
        end: int,
        label: str = "",
        note: str = "",
        coder: str = "",
    ) -> Highlight:
        a = Anchor.at(text, start, end)
        return cls(
            id=new_id(),
            article=article,
            start=start,
            end=end,
            exact=a.exact,
            prefix=a.prefix,
            suffix=a.suffix,
            content_hash=a.content_hash,
            label=label,
            note=note,
            coder=coder,
        )

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.start, self.end, self.exact, self.prefix, self.suffix, self.content_hash)

    def quoted(self, width: int = 60) -> str:
        """The highlighted text on one line in curly quotation marks, unless it already
        opens with its own (a highlighted quotation reads “relevant sites”, not
        ““relevant sites””)."""
        text = one_line(self.exact, width)
        return text if text.startswith(tuple(_OPENING_QUOTES)) else f"\u201c{text}\u201d"

    @property
    def short_id(self) -> str:
        """Stable block id for Markdown (`^hl-1a2b3c4d`)."""
        return f"hl-{self.id[:8]}"


@dataclass(slots=True)
class ArticleState(_Record):
    """One coder's tags and status for one article: the store keys it by (article, coder),
    so two coders' decisions about the same article never overwrite each other."""

    article: str
    tags: list[str] = field(default_factory=list)
    status: str = ArticleStatus.TODO.value
    updated: str = field(default_factory=now_iso)
    coder: str = ""


@dataclass(slots=True)
class Correction(_Record):
    """A user's correction of a detected mark; corrections override detection everywhere."""

    id: str
    kind: str
    article: str | None = None  # None for corpus-wide corrections (TEXT_BOILERPLATE)
    line: int | None = None  # 1-based, for LINE_* kinds
    text: str | None = None  # the line's text (LINE_*, TEXT_BOILERPLATE): survives edits
    start: int | None = None  # quotation span, for QUOTE_* kinds
    end: int | None = None
    value: str | None = None  # new kind or speaker; LINE_*: the template (annotations.learning)
    created: str = field(default_factory=now_iso)
    coder: str = ""


@dataclass(slots=True)
class Memo(_Record):
    """A coder's free-text memo about one article, or (`article == ""`) about the project:
    the analytic notes qualitative coding keeps beside the codes. One per (article, coder)."""

    id: str
    article: str
    text: str
    coder: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)

    @property
    def is_project(self) -> bool:
        return self.article == PROJECT_MEMO


PROJECT_MEMO = ""  # the article id of the project memo


@dataclass(slots=True)
class Label(_Record):
    name: str
    key: str = ""
    colour: str = "yellow"
    description: str = ""
    parent: str = ""  # the parent label's name: a one-level hierarchy (see codebook_ops)

    def to_dict(self) -> dict[str, Any]:
        """Without an empty `parent`, so files of flat codebooks stay as they were."""
        data = asdict(self)
        if not data["parent"]:
            del data["parent"]
        return data


@dataclass(slots=True)
class TagDef(_Record):
    name: str
    key: str = ""
    description: str = ""


@dataclass(slots=True)
class Codebook(_Record):
    labels: list[Label] = field(default_factory=list)
    tags: list[TagDef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": [lab.to_dict() for lab in self.labels],
            "tags": [t.to_dict() for t in self.tags],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Codebook:
        return cls(
            labels=[Label.from_dict(d) for d in data.get("labels", [])],
            tags=[TagDef.from_dict(d) for d in data.get("tags", [])],
        )

    def label(self, name: str) -> Label | None:
        return next((lab for lab in self.labels if lab.name == name), None)

    @classmethod
    def default(cls) -> Codebook:
        return cls(
            labels=[
                Label("claim", "1", "yellow", "A factual claim worth checking"),
                Label("evidence", "2", "green", "Data, documents or sources cited"),
                Label("opinion", "3", "magenta", "Opinion or evaluation"),
                Label("actor", "4", "cyan", "A person or organisation that acts"),
                Label("frame", "5", "orange1", "How the story is framed"),
                Label("question", "6", "red", "Something to follow up"),
            ],
            tags=[
                TagDef("relevant", "r"),
                TagDef("irrelevant", "i"),
                TagDef("follow-up", "f"),
            ],
        )


@dataclass(slots=True)
class SessionRecord(_Record):
    """Figures of one tagging session, kept for the coder's own records."""

    id: str
    started: str
    ended: str
    articles_done: int = 0
    annotations: int = 0
    seconds: float = 0.0
