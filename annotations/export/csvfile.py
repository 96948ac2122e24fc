"""CSV for spreadsheets: one row per highlight.

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
                + ([neutralise(getattr(a, k) or "") for k in META_COLUMNS] if meta else [])
            )
    return out


def render_csv(data: ExportData) -> str:
    """CSV text without BOM (`export_to_file` adds it when writing a file)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS + (META_COLUMNS if with_metadata(data) else ()))
    writer.writerows(rows(data))
    return buf.getvalue()
