"""Find the spans of text in quotation marks, one paragraph (line) at a time.

News copy mixes curly, straight, guillemet and low-9 marks, closes quotes the wrong way
round, doubles apostrophes into a closing mark, nests quotes and runs a quotation over
several paragraphs without closing it. The rules that survive all of this:

* a mark's role comes from what is around it: after a space or an opening bracket and
  before a non-space it opens, after a non-space and before a space or punctuation it
  closes (so `won’t`, `Davies’`, `’90s` and `27" iMac` never pair up);
* only the outermost span is kept; an inner quote is part of it;
* a paragraph that ends inside an open quotation gives a span to the end of the line,
  and the next paragraph opens its own span.
"""

from __future__ import annotations

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs

DOUBLE_OPEN = "\u201c\u201e\u00ab\u201f"
DOUBLE_CLOSE = "\u201d\u00bb"
SINGLE_OPEN = "\u2018\u201a"
SINGLE_CLOSE = "\u2019"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
MARK_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")
_OPENERS_BEFORE = " \t([{\u2014\u2013-/:;\u2026>" + DOUBLE_OPEN + SINGLE_OPEN + "\"'"


def _left_flanking(line: str, i: int) -> bool:
    """True when the mark at i can open: start or space/bracket before, non-space after."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before in _OPENERS_BEFORE or before.isspace()) and not after.isspace()


def _right_flanking(line: str, i: int) -> bool:
    """True when the mark at i can close: non-space before, end/space/punctuation after."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


_SINGLE_RE = re.compile("['\u2018\u2019\u201a]")


def _single_spans(line: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Single-quoted spans between lo and hi: an opening ‘ or ' before a word, closed by a
    ’ or ' that is not followed by a letter or digit (so it is not an apostrophe)."""
    marks = [m.start() for m in _SINGLE_RE.finditer(line, lo, hi)]
    if len(marks) < 2:
        return []
    out = []
    n = len(line)
    j = 0
    while j < len(marks) - 1:
        i = marks[j]
        c = line[i]
        before = line[i - 1] if i > 0 else " "
        after = line[i + 1] if i + 1 < n else " "
        opens = (
            not before.isalnum()
            and before not in ".,"
            and (after.isalnum() or after in "\u2026.$")
            and (c != SINGLE_CLOSE or ((before.isspace() or i == 0) and after.isalpha()))
        )
        if opens:
            close = -1
            for t in range(j + 1, len(marks)):
                q = marks[t]
                if line[q] in SINGLE_OPEN:
                    continue
                nb = line[q - 1]
                na = line[q + 1] if q + 1 < n else " "
                if line[q] == "'" and nb.isdigit():
                    continue  # a prime: 6' tall
                if not nb.isspace() and not na.isalnum() and q > i + 2:
                    close = t
                    break
            if close > 0:
                out.append((i, marks[close] + 1))
                j = close + 1
                continue
        j += 1
    return out


# markup a page's text may carry (an embed code, escaped `<img …>`): an element's tag, or an
# attribute's value (`width="560"`), whose marks delimit code, not quotations
_TAG_RE = re.compile(r"<(?:/?[A-Za-z][\w:-]*|!--)(?:[^<>]*>|[^<>]*$)")


def line_spans(line: str, allow_single: bool = True) -> list[tuple[int, int, bool]]:
    """Quotation spans in one line as (start, end, closed); offsets are within the line.

    Marks inside HTML markup (`<iframe src="…" width="…">`) or opening an attribute's value
    (`="…"`) are code, never quotations."""
    spans = _line_spans(line, allow_single)
    if spans and ("<" in line or '="' in line or "='" in line):
        tags = [m.span() for m in _TAG_RE.finditer(line)] if "<" in line else []
        spans = [
            sp for sp in spans
            if line[sp[0] - 1 : sp[0]] != "="
            and not any(a <= sp[0] < b or a < sp[1] <= b for a, b in tags)
        ]
    return spans


def _line_spans(line: str, allow_single: bool = True) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    stack: list[int] = []
    first_inner_close = -1
    n = len(line)
    seg_start = 0
    i = 0
    for m in MARK_RE.finditer(line):
        i = m.start()
        c = line[i]
        if c in SINGLE_OPEN or c == SINGLE_CLOSE or c == "'":
            # an apostrophe doubled into a closing mark (AP copy: ,’’)
            if (
                stack
                and c in SINGLE_CLOSE + "'"
                and i + 1 < n
                and line[i + 1] == c
                and _right_flanking(line, i + 1)
                and line[i - 1 : i] != " "
            ):
                if len(stack) == 1:
                    out.append((stack[0], i + 2, True))
                    seg_start = i + 2
                stack.pop()
            continue
        if not stack:
            if c in DOUBLE_OPEN:
                stack.append(i)
            elif c == '"':
                if not (_right_flanking(line, i) and not _left_flanking(line, i)):
                    stack.append(i)
            elif _left_flanking(line, i) and not _right_flanking(line, i):
                stack.append(i)  # wrong-way opening ” or »
            if stack and allow_single:
                out.extend((a, b, True) for a, b in _single_spans(line, seg_start, i))
            continue
        # a quotation is open
        if c in DOUBLE_CLOSE:
            closing = True
        elif c in DOUBLE_OPEN:
            # wrong-way closing “ after a word, else a nested opening
            closing = _right_flanking(line, i) and not _left_flanking(line, i)
        else:  # straight "
            left, right = _left_flanking(line, i), _right_flanking(line, i)
            closing = right or not left
        if closing:
            if len(stack) == 1:
                out.append((stack[0], i + 1, True))
                seg_start = i + 1
            elif len(stack) == 2 and first_inner_close < stack[0]:
                first_inner_close = i
            stack.pop()
        else:
            stack.append(i)
    if stack:
        start = stack[0]
        if first_inner_close > start:
            # mis-nested: “Glasgow (“No Place Like Home”). -> one span to that closer,
            # and the rest of the line is read afresh
            cut = first_inner_close + 1
            out.append((start, cut, True))
            rest = line_spans(line[cut:], allow_single)
            out.extend((a + cut, b + cut, c) for a, b, c in rest)
            seg_start = n
        else:
            end = len(line.rstrip())
            if end > start + 1:
                out.append((start, end, False))
            seg_start = n
    if allow_single and seg_start < n:
        out.extend((a, b, True) for a, b in _single_spans(line, seg_start, n))
    out.sort()
    merged: list[tuple[int, int, bool]] = []
    for s in out:
        if merged and s[0] < merged[-1][1]:
            continue
        merged.append(s)
    return merged
