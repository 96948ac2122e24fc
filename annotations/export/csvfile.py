"""CSV for spreadsheets: one row per highlight (and one per article worked on without one).

* Plain UTF-8 by default: a BOM corrupts the first header for pandas, R, csvkit and every
  program that reads the file. With `excel=True` (`reader export --excel`) a file starts
  with a UTF-8 BOM: without one, Excel decodes UTF-8 as the system code page and turns
  every curly quote into mojibake.
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
    # added later, at the end so existing column positions hold
    "status",
    "line",
    "speaker",
    "quote_kind",
)
TAG_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def rows(data: ExportData) -> list[list[str | int]]:
    """One row per highlight; an article worked on without one (tags, status, memo) gets
    one row with the highlight columns empty, so a spreadsheet counts it too."""
    out: list[list[str | int]] = []
    for a in data.articles:
        tags = TAG_SEPARATOR.join(a.tags)
        if not a.highlights:
            out.append([neutralise(a.id), neutralise(a.display_title), "", neutralise(tags),
                        "", "", "", "", "", "", "", neutralise(a.status), "", "", ""])
        for hv in a.highlights:
            h = hv.highlight
            text_cells = [a.id, a.display_title, h.label, tags]
            tail = [h.exact, h.note, h.created, hv.anchor, h.id, a.status]
            out.append(
                [neutralise(c) for c in text_cells]
                + [h.start, h.end]
                + [neutralise(c) for c in tail]
                + [hv.line if hv.line is not None else ""]
                + [neutralise(hv.speaker or ""), neutralise(hv.quote_kind or "")]
            )
    return out


def render_csv(data: ExportData) -> str:
    """CSV text without BOM (`export_to_file` adds it when writing a file)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(rows(data))
    return buf.getvalue()
