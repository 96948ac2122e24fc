"""CSV for spreadsheets: one row per highlight, one per memo, one per article worked on
without either (tags or a status only).

* `coder` names whose highlight, memo or tags and status a row is; `kind` is `highlight`, `memo` or
  `article`. A memo row carries the memo's text in `memo` (an article's memo with its
  article and tags, the project memo with an empty article) and leaves the highlight
  columns empty; an `article` row leaves both empty.
* `status` is the article's, `line` the highlight's first line, `speaker` and `quote_kind`
  the quotation the highlight lies in (as the coder saw it, after corrections).

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


META_COLUMNS = ("url", "date", "source")


def with_metadata(data: ExportData) -> bool:
    """Metadata columns are added when any exported article has metadata."""
    return any(a.metadata for a in data.articles)


def rows(data: ExportData) -> list[list[str | int]]:
    """One row per highlight and per memo; an article worked on without either (tags, a
    status) gets one `article` row with the highlight columns empty, so a spreadsheet
    counts it too."""
    out: list[list[str | int]] = []
    meta = with_metadata(data)

    def metadata(a: object) -> list[str | int]:
        return [neutralise(getattr(a, k) or "") for k in META_COLUMNS] if meta else []

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
                + [neutralise(a.status), hv.line if hv.line is not None else ""]
                + [neutralise(hv.speaker or ""), neutralise(hv.quote_kind or "")]
                + metadata(a)
            )
        if a.memo is not None:
            out.append(_memo_row(a.memo, a.id, a.display_title, tags, a.status) + metadata(a))
        elif not a.highlights:
            # (whose tags and status these are: two coders' rows of one article were
            # told apart by nothing)
            cells = [a.id, a.display_title, "", tags, "", "", "", "", "", "", "", a.coder]
            out.append([neutralise(c) for c in cells]
                       + ["article", "", neutralise(a.status), "", "", ""] + metadata(a))
    for memo in data.project_memos:
        out.append(_memo_row(memo, "", "", "", "") + (["", "", ""] if meta else []))
    return out


def _memo_row(memo: Memo, article: str, title: str, tags: str,
              status: str) -> list[str | int]:
    cells = [article, title, "", tags, "", "", "", "", memo.created, "", memo.id, memo.coder]
    return ([neutralise(c) for c in cells] + ["memo", neutralise(memo.text)]
            + [neutralise(status), "", "", ""])


def render_csv(data: ExportData) -> str:
    """CSV text without BOM (`export_to_file` adds it for `excel=True`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS + (META_COLUMNS if with_metadata(data) else ()))
    writer.writerows(rows(data))
    return buf.getvalue()
