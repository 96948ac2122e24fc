"""The on-disk layout of the folded annotation file, its versions, and migration.

The file is a plain TinyDB database (a JSON object of tables, each an object of
`doc id -> document`), so `TinyDB(path)` opens it. Records are identified by their own
UUID (or article id) field, never by TinyDB's doc ids, which are renumbered on every fold.

Version 1 has a `meta` table whose single document says `app: "reader"` and carries the
schema version and the journal sequence number folded in. Version 2 adds the coder: every
record has a `coder` field, article states and memos are keyed by `coder_key(article,
coder)`, and a `memos` table. Older files are read in their own shape and brought up to
date by `upgrade` (the store writes a backup first), attributing their records to the
login name. Version 0 is whatever an earlier
prototype wrote through plain TinyDB (everything in `_default`, no version). Anything else is
not ours and is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotations.errors import StoreCorruptError, StoreForeignError
from annotations.model import (
    SCHEMA_VERSION,
    ArticleState,
    ArticleStatus,
    Correction,
    CorrectionKind,
    Highlight,
    new_id,
    now_iso,
)

APP = "reader"
KIND = "annotations"
META = "meta"
TABLES = ("articles", "highlights", "corrections", "codebook", "sessions", "legacy", "memos")
KEY_FIELD = {
    "articles": "article",
    "highlights": "id",
    "corrections": "id",
    "sessions": "id",
    "memos": "article",
}
CODEBOOK_KEY = "codebook"
PER_CODER = ("articles", "memos")  # tables keyed by (article, coder)
KEY_SEP = "\x1f"  # cannot occur in a coder name (printable text only, see annotations.coders)

Tables = dict[str, dict[str, dict[str, Any]]]


def empty_tables() -> Tables:
    return {name: {} for name in TABLES}


def new_meta() -> dict[str, Any]:
    return {"app": APP, "kind": KIND, "schema": SCHEMA_VERSION, "created": now_iso(), "seq": 0}


@dataclass(slots=True)
class Loaded:
    tables: Tables
    meta: dict[str, Any]
    version: int  # as found in the file: 0 = legacy prototype, > SCHEMA_VERSION = newer
    documents: int = 0  # how many documents the file held (a v0 file with none needs no backup)
    extra: dict[str, Any] = field(default_factory=dict)  # tables of a newer version, kept as-is


def coder_key(article: str, coder: str) -> str:
    """The key of one coder's record about one article (article state, memo)."""
    return f"{article}{KEY_SEP}{coder}"


def split_coder_key(key: str) -> tuple[str, str]:
    """(article, coder) of a `coder_key`; a version 1 key (just the article) has coder ""."""
    article, _, coder = key.rpartition(KEY_SEP)
    return (article, coder) if _ else (key, "")


def key_of(table: str, record: dict[str, Any], version: int = SCHEMA_VERSION) -> str:
    if table == "codebook":
        return CODEBOOK_KEY
    if table == "legacy":
        return f"{record.get('source')}:{record.get('doc_id')}"
    if table in PER_CODER and version >= 2:
        article = record[KEY_FIELD[table]]
        coder = record.get("coder", "")
        if not isinstance(article, str) or not isinstance(coder, str):
            raise TypeError("article and coder must be text")
        return coder_key(article, coder)
    return record[KEY_FIELD[table]]


def upgrade(tables: Tables, version: int, coder: str) -> Tables:
    """Version `version` tables (after their journal was replayed) as current ones.

    1 -> 2: each record without a coder is attributed to `coder` (the login name: the
    person who worked alone before coders existed), and article states are re-keyed by
    (article, coder). Nothing else changes, so the upgrade is idempotent.
    """
    if version >= SCHEMA_VERSION:
        return tables
    out = empty_tables()
    for name, records in tables.items():
        if name in ("codebook", "legacy"):
            out[name] = dict(records)
            continue
        for key, record in records.items():
            rec = record if record.get("coder") else {**record, "coder": coder}
            if name in PER_CODER:
                key = coder_key(rec[KEY_FIELD[name]], rec["coder"])
            out[name][key] = rec
    return out


def _json_error(exc: orjson.JSONDecodeError) -> str:
    return f"line {exc.lineno}, column {exc.colno}" if exc.lineno else str(exc)


def parse(data: bytes, path: Path) -> Loaded:
    """Understand the bytes of an annotation file, or say precisely why not.

    An empty file is an empty store (TinyDB itself treats it so); everything else must be a
    TinyDB-shaped object that is either ours (v1+) or an earlier prototype's (v0). The
    tables come in the shape of the version found; `upgrade` brings them up to date.
    """
    if not data.strip():
        return Loaded(empty_tables(), new_meta(), SCHEMA_VERSION)
    untouched = "it was left untouched; repair or move it, or use --db PATH"
    try:
        raw = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StoreCorruptError(
            f"annotation file {path} is not valid JSON ({_json_error(exc)}); {untouched}", path
        ) from exc
    if not isinstance(raw, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in raw.values()
    ):
        raise StoreForeignError(
            f"{path} is not a reader annotation file (not a TinyDB database); {untouched}", path
        )
    meta_docs = list(raw.get(META, {}).values())
    if meta_docs:
        meta = meta_docs[0]
        if meta.get("app") != APP or not isinstance(meta.get("schema"), int):
            raise StoreForeignError(
                f"{path} is not a reader annotation file (its meta table is another "
                f"program's); {untouched}",
                path,
            )
        return _parse_v1(raw, dict(meta), path, untouched)
    loaded = migrate_v0(raw)
    if loaded.documents and len(loaded.tables["legacy"]) == loaded.documents:
        raise StoreForeignError(
            f"{path} is not a reader annotation file (a TinyDB database holding no tags, "
            f"highlights or corrections); {untouched}",
            path,
        )
    return loaded


def _parse_v1(raw: dict[str, Any], meta: dict[str, Any], path: Path, untouched: str) -> Loaded:
    tables = empty_tables()
    extra: dict[str, Any] = {}
    count = 0
    version = int(meta["schema"])
    for name, docs in raw.items():
        if name == META:
            continue
        if name not in tables:
            extra[name] = docs  # a newer version's table: carried over verbatim
            continue
        for doc in docs.values():
            count += 1
            try:
                key = key_of(name, doc, version)
            except (KeyError, TypeError):
                raise StoreCorruptError(
                    f"annotation file {path} has a {name} record without its "
                    f"{KEY_FIELD.get(name, 'id')}; {untouched}",
                    path,
                ) from None
            if not isinstance(key, str):
                raise StoreCorruptError(
                    f"annotation file {path} has a {name} record with a non-text id; {untouched}",
                    path,
                )
            tables[name][key] = doc
    meta.setdefault("seq", 0)
    return Loaded(tables, meta, version, count, extra)


def to_layout(tables: Tables, meta: dict[str, Any], extra: dict[str, Any] | None = None) -> dict:
    """The TinyDB document layout: string doc ids "1".."n", meta first, records as they are."""
    out: dict[str, Any] = {META: {"1": meta}}
    for name in TABLES:
        out[name] = {str(i): rec for i, rec in enumerate(tables[name].values(), 1)}
    for name, docs in (extra or {}).items():
        out.setdefault(name, docs)
    return out


LAYOUT_CHUNK = 2000


def layout_bytes(
    tables: Tables, meta: dict[str, Any], extra: dict[str, Any] | None = None
) -> bytes:
    """`orjson.dumps(to_layout(...))`, serialised a few thousand records at a time.

    One orjson call over 50k records holds the GIL for ~40 ms; a fold runs on a background
    thread, and in chunks it lets a save from the UI's side through between them.
    """
    parts = [b'{"meta":{"1":', orjson.dumps(meta), b"}"]
    for name in TABLES:
        records = list(tables[name].values())
        parts += [b",", orjson.dumps(name), b":{"]
        for i in range(0, len(records), LAYOUT_CHUNK):
            chunk = records[i : i + LAYOUT_CHUNK]
            if i:
                parts.append(b",")
            parts.append(orjson.dumps({str(i + j + 1): r for j, r in enumerate(chunk)})[1:-1])
        parts.append(b"}")
    for name, docs in (extra or {}).items():
        if name not in TABLES and name != META:
            parts += [b",", orjson.dumps(name), b":", orjson.dumps(docs)]
    parts.append(b"}")
    return b"".join(parts)


# --- version 0 -------------------------------------------------------------------------

_STATUSES = {s.value for s in ArticleStatus}
_KINDS = {k.value for k in CorrectionKind}
_ANCHORS = {"exact", "moved", "fuzzy", "orphaned"}


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _v0_highlight(doc: dict[str, Any], taken: set[str]) -> dict[str, Any] | None:
    start, end = _as_int(doc.get("start")), _as_int(doc.get("end"))
    article = doc.get("article")
    if start is None or end is None or not isinstance(article, str) or not article:
        return None
    hid = str(doc.get("id") or doc.get("uuid") or "")
    if not hid or hid in taken:
        hid = new_id()
    taken.add(hid)
    status = doc.get("status")
    record = {
        "id": hid,
        "article": article,
        "start": start,
        "end": end,
        # an empty quote means "adopt the text at these offsets" on the first re-anchoring
        "exact": str(doc.get("exact") or doc.get("text") or doc.get("quote") or ""),
        "prefix": str(doc.get("prefix") or ""),
        "suffix": str(doc.get("suffix") or ""),
        "content_hash": str(doc.get("content_hash") or ""),
        "label": str(doc.get("label") or doc.get("tag") or ""),
        "note": str(doc.get("note") or doc.get("comment") or ""),
        "status": status if isinstance(status, str) and status in _ANCHORS else "exact",
    }
    for stamp in ("created", "updated"):
        if isinstance(doc.get(stamp), str):
            record[stamp] = doc[stamp]
    return Highlight.from_dict(record).to_dict()


def _v0_state(doc: dict[str, Any], states: dict[str, dict[str, Any]]) -> bool:
    article = doc.get("article")
    tags = doc.get("tags")
    tag = doc.get("tag")
    status = doc.get("status") if isinstance(doc.get("status"), str) else None
    if not isinstance(article, str) or not article:
        return False
    if not (isinstance(tags, list) or isinstance(tag, str) or status in _STATUSES):
        return False
    state = states.setdefault(article, ArticleState(article).to_dict())
    new_tags = [str(t) for t in (tags if isinstance(tags, list) else [tag] if tag else [])]
    state["tags"] = list(dict.fromkeys([*state["tags"], *(t for t in new_tags if t)]))
    if status in _STATUSES and status != ArticleStatus.TODO:
        state["status"] = status
    if isinstance(doc.get("updated"), str):
        state["updated"] = doc["updated"]
    return True


def _v0_correction(doc: dict[str, Any], taken: set[str]) -> dict[str, Any] | None:
    kind = doc.get("kind")
    if not isinstance(kind, str) or kind not in _KINDS:
        return None
    cid = str(doc.get("id") or "")
    if not cid or cid in taken:
        cid = new_id()
    taken.add(cid)
    return Correction.from_dict({**doc, "id": cid}).to_dict()


def migrate_v0(raw: dict[str, dict[str, dict[str, Any]]]) -> Loaded:
    """Turn a prototype's plain TinyDB file into version 1 tables. Nothing is dropped:
    documents that are not recognisably a tag, highlight or correction go to `legacy`."""
    tables = empty_tables()
    taken: set[str] = set()
    states: dict[str, dict[str, Any]] = {}
    count = 0
    for source, docs in raw.items():
        for doc_id, doc in docs.items():
            count += 1
            if (corr := _v0_correction(doc, taken)) is not None:
                tables["corrections"][corr["id"]] = corr
            elif (hl := _v0_highlight(doc, taken)) is not None:
                tables["highlights"][hl["id"]] = hl
            elif not _v0_state(doc, states):
                rec = {"source": source, "doc_id": doc_id, "doc": doc}
                tables["legacy"][key_of("legacy", rec)] = rec
    tables["articles"] = states
    return Loaded(tables, new_meta(), 0, count)
