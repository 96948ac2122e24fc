"""Turning article text into screen rows without losing track of offsets.

Every annotation, quotation and cursor position is a `str` offset into the article, so the
display keeps a one-to-one map between characters and cells: control characters (ANSI and
OSC escapes, BEL, bidi overrides) are swapped for one visible placeholder each rather than
dropped, and wrapping only splits text, never rewrites it. Nothing from an article is ever
interpreted as markup: rendering builds styled segments, not Rich markup strings.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Bidi controls reorder what follows them on the terminal: as dangerous as escapes.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def _placeholder(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for ESC)
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def sanitize(text: str) -> str:
    """Same length as `text`, safe to send to a terminal; tabs become single spaces."""
    return inert(text.replace("\t", " ") if "\t" in text else text)


def has_controls(text: str) -> bool:
    """Whether `text` holds a character `sanitize` would swap (an escape, another control,
    a bidi override): what a name shown on a terminal may not hold."""
    return _UNSAFE.search(text) is not None


def inert(text: str) -> str:
    """`sanitize` for text the user edits (a memo, a note): tabs and line breaks stay,
    escapes and other controls become their visible placeholders."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: _placeholder(m.group()), text)


@lru_cache(maxsize=4096)
def _char_cells(ch: str) -> int:
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 1


def cell_width(s: str) -> int:
    if s.isascii():
        return len(s)
    return sum(_char_cells(ch) for ch in s)


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row: `text[start:end]` of logical line `line` (0-based)."""

    start: int
    end: int
    line: int


def wrap_line(line: str, offset: int, width: int, line_no: int) -> list[Row]:
    """Greedy word wrap of one logical line; long words are broken hard.

    A trailing space stays on the row it ends, so rows tile the line exactly and an offset
    always belongs to exactly one row.
    """
    width = max(1, width)
    n = len(line)
    if n == 0:
        return [Row(offset, offset, line_no)]
    rows: list[Row] = []
    ascii_line = line.isascii()
    start = 0
    while start < n:
        if ascii_line:
            limit = start + width
        else:
            cells, limit = 0, start
            while limit < n:
                w = _char_cells(line[limit])
                if cells + w > width and limit > start:
                    break
                cells += w
                limit += 1
        if limit >= n:
            rows.append(Row(offset + start, offset + n, line_no))
            break
        brk = line.rfind(" ", start, limit + 1)
        no_space = brk < start or brk == start and line[start] != " "
        end = limit if no_space else brk + 1  # no space: a hard break
        rows.append(Row(offset + start, offset + end, line_no))
        start = end
    return rows


def line_starts(text: str) -> list[int]:
    """Offset of the first character of each logical line (`text.split("\\n")`)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def layout(text: str, width: int, hidden: frozenset[int] = frozenset()) -> list[Row]:
    """Rows for the whole article at `width`, skipping the 0-based lines in `hidden`.

    Runs of blank lines left behind by hidden lines are collapsed to one, so hiding
    boilerplate gives a compact article instead of a column of gaps.
    """
    rows: list[Row] = []
    starts = line_starts(text)
    previous_blank = True
    for no, start in enumerate(starts):
        end = starts[no + 1] - 1 if no + 1 < len(starts) else len(text)
        if no in hidden:
            continue
        line = text[start:end]
        blank = not line.strip()
        if blank and previous_blank and hidden:
            continue
        previous_blank = blank
        rows.extend(wrap_line(line, start, width, no))
    return rows


def row_index(rows: list[Row], offset: int) -> int:
    """Index of the row holding `offset` (or the nearest row before it)."""
    if not rows:
        return 0
    starts = [r.start for r in rows]
    i = bisect.bisect_right(starts, offset) - 1
    return max(0, min(i, len(rows) - 1))
