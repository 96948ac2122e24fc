"""The JSON export: the store's full content plus titles, in a versioned schema.

This is the backup and exchange format (`reader import` reads it back); the schema is
documented in `SCHEMA.md` beside this file. Records are the model's own `to_dict()`, so a
new model field appears in the export without a change here, and readers ignore keys they
do not know.
"""

from __future__ import annotations

import json
from typing import Any

from annotations.export.data import ArticleExport, ExportData, HighlightView

FORMAT_NAME = "reader-annotations"
FORMAT_VERSION = 2  # 2: an article entry per coder ("coder", "memo"); project "memos"


def export_document(data: ExportData) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "corpus": {"name": data.corpus_name, "root": str(data.corpus_root)},
        "exported": data.exported,
        "filters": dict(data.filters),
        "coders": list(data.coders),
        "codebook": data.codebook.to_dict() if data.codebook is not None else None,
        "articles": [_article(a, data.with_quotes) for a in data.articles],
        "corpus_corrections": [c.to_dict() for c in data.corpus_corrections],
        "sessions": [s.to_dict() for s in data.sessions],
        "memos": [m.to_dict() for m in data.project_memos],
    }
    return doc


def _article(a: ArticleExport, with_quotes: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "article": a.id,
        "title": a.title,
        "path": a.path,
        **a.metadata,
        "in_corpus": a.in_corpus,
        "coder": a.coder,
        "tags": list(a.tags),
        "status": a.status,
        "updated": a.updated,
        "highlights": [_highlight(hv) for hv in a.highlights],
        "corrections": [c.to_dict() for c in a.corrections],
        "memo": a.memo.to_dict() if a.memo is not None else None,
    }
    if with_quotes:
        out["quotes"] = [
            {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker, "text": q.text}
            for q in a.quotes or []
        ]
    return out


def _highlight(hv: HighlightView) -> dict[str, Any]:
    """The stored record plus what the coder saw: its line, and the quotation it lies in
    (`speaker`, `quote_kind`, both null outside a quotation)."""
    return hv.highlight.to_dict() | {
        "line": hv.line,
        "speaker": hv.speaker,
        "quote_kind": hv.quote_kind,
    }


def render_json(data: ExportData) -> str:
    return json.dumps(export_document(data), ensure_ascii=False, indent=2) + "\n"
