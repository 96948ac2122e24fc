"""CSV for spreadsheets: one row per highlight, and one per memo.

* `coder` names whose highlight (or memo) a row is; `kind` is `highlight` or `memo`. A memo
  row carries the memo's text in `memo` (an article's memo with its article and tags, the
  project memo with an empty article) and leaves the highlight columns empty.

* Written to a file it starts with a UTF-8 BOM: without one, Excel decodes UTF-8 as the
  system code page and turns every curly quote into mojibake. On stdout there is no BOM,
  because a pipe feeds a program, not Excel, and a BOM there corrupts the first header.
* `csv` module quoting (QUOTE_MINIMAL, `\\r\\n` records as RFC 4180 says): fields with
  commas, quotes or newlines are quoted, so article text with paragraph breaks survives.
* Cells starting with `=`, `+`, `-`, `@` (or tab/CR) get a leading apostrophe: article
  text is untrusted, and a spreadsheet would run `=HYPERLINK(...)` as a formula (OWASP
  "CSV injection"). Numbers are written as numbers and never prefixed.
"""

from __future__ import annotations

import csv
import io

from annotations.export.data import ExportData
from annotations.model import Memo

COLUMNS = (
    "article",
    "title",
    "label",
    "tags",
    "start",
    "end",
    "text",
    "note",
    "created",
    "anchor",
    "id",
    "coder",
    "kind",
    "memo",
)
TAG_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


META_COLUMNS = ("url", "date", "source")


def with_metadata(data: ExportData) -> bool:
    """Metadata columns are added when any exported article has metadata."""
    return any(a.metadata for a in data.articles)


def rows(data: ExportData) -> list[list[str | int]]:
    out: list[list[str | int]] = []
    meta = with_metadata(data)
    for a in data.articles:
        tags = TAG_SEPARATOR.join(a.tags)
        for hv in a.highlights:
            h = hv.highlight
            text_cells = [a.id, a.display_title, h.label, tags]
            tail = [h.exact, h.note, h.created, hv.anchor, h.id]
            out.append(
                [neutralise(c) for c in text_cells]
                + [h.start, h.end]
                + [neutralise(c) for c in tail]
                + [neutralise(h.coder), "highlight", ""]
                + ([neutralise(getattr(a, k) or "") for k in META_COLUMNS] if meta else [])
            )
        if a.memo is not None:
            out.append(_memo_row(a.memo, a.id, a.display_title, tags)
                       + ([neutralise(getattr(a, k) or "") for k in META_COLUMNS] if meta
                          else []))
    for memo in data.project_memos:
        out.append(_memo_row(memo, "", "", "") + (["", "", ""] if meta else []))
    return out


def _memo_row(memo: Memo, article: str, title: str, tags: str) -> list[str | int]:
    cells = [article, title, "", tags, "", "", "", "", memo.created, "", memo.id, memo.coder]
    return [neutralise(c) for c in cells] + ["memo", neutralise(memo.text)]


def render_csv(data: ExportData) -> str:
    """CSV text without BOM (`export_to_file` adds it when writing a file)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS + (META_COLUMNS if with_metadata(data) else ()))
    writer.writerows(rows(data))
    return buf.getvalue()
