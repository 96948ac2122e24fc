"""Cursor motions over article text by word, sentence and paragraph, as pure offset maths.

Paragraphs are lines (the scraped text has one block per line); sentences end at `.`, `!`
or `?` (optionally followed by closing quotes or brackets), whitespace and a capital, digit
or opening quote. Initialisms ("U.S.") and common titles ("Mr.", "Gen.") do not end a
sentence. Rare misses are cheap to fix by nudging a selection end, and not worth a language
model in the hot path of a key press.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[A-Z0-9]|\s*$)|\n", re.M)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]?|\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|"
    r"Prof|Inc|Co|Corp|Ltd|vs|etc|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mt|Ft|Ave|Rev|Hon))"
    r"\.$"
)


def _ends(text: str, start: int, end: int) -> list[int]:
    """Sentence end offsets inside [start, end), skipping abbreviations."""
    out = []
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "\n":
            continue
        if m.group() == "." and _ABBREVIATION.search(text, max(start, m.start() - 12), m.end()):
            continue
        out.append(m.end())
    return out
# a word carries its trailing punctuation ("pestis,"), so one `w` is one word on screen
_WORD = re.compile(r"\w[\w’'-]*[^\w\s]*|[^\w\s]+")


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The line holding `offset`, without its newline."""
    offset = max(0, min(offset, len(text)))
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, trimmed of surrounding spaces, inside its paragraph."""
    p_start, p_end = paragraph_bounds(text, offset)
    start = p_start
    for e in _ends(text, p_start, p_end):
        if e > offset:
            end = e
            break
        start = e
    else:
        end = p_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_starts(text: str, p_start: int, p_end: int) -> list[int]:
    starts = []
    s = p_start
    for e in _ends(text, p_start, p_end):
        starts.append(s)
        s = e
    starts.append(s)
    out = []
    for s in starts:
        while s < p_end and text[s].isspace():
            s += 1
        if s < p_end and (not out or out[-1] != s):
            out.append(s)
    return out


def line_sentences(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """The sentences of the line [p_start, p_end) as (start, end), trimmed as
    `sentence_bounds` trims them: what `)` steps through, and the units of agreement."""
    out: list[tuple[int, int]] = []
    for s in _sentence_starts(text, p_start, p_end):
        span = sentence_bounds(text, s)
        if span[0] < span[1] and (not out or out[-1] != span):
            out.append(span)
    return out


def next_sentence(text: str, offset: int) -> int:
    pos = offset
    while pos <= len(text):
        p_start, p_end = paragraph_bounds(text, pos)
        for s in _sentence_starts(text, p_start, p_end):
            if s > offset:
                return s
        if p_end >= len(text):
            return offset
        pos = p_end + 1
    return offset


def prev_sentence(text: str, offset: int) -> int:
    pos = offset
    while pos >= 0:
        p_start, p_end = paragraph_bounds(text, pos)
        for s in reversed(_sentence_starts(text, p_start, p_end)):
            if s < offset:
                return s
        if p_start == 0:
            return 0
        pos = p_start - 1
    return 0


def next_paragraph(text: str, offset: int) -> int:
    """Start of the next non-blank line."""
    _, end = paragraph_bounds(text, offset)
    pos = end + 1
    while pos < len(text):
        s, e = paragraph_bounds(text, pos)
        if text[s:e].strip():
            return s
        pos = e + 1
    return offset


def prev_paragraph(text: str, offset: int) -> int:
    start, _ = paragraph_bounds(text, offset)
    if offset > start:
        return start
    pos = start - 1
    while pos >= 0:
        s, e = paragraph_bounds(text, pos)
        if text[s:e].strip():
            return s
        pos = s - 1
    return offset


def next_word(text: str, offset: int) -> int:
    m = _WORD.search(text, offset)
    if m and m.start() == offset:
        m = _WORD.search(text, m.end())
    return m.start() if m else len(text)


def word_end(text: str, offset: int) -> int:
    """End of the word at or after `offset`: where a selection's moving end should land."""
    m = _WORD.search(text, offset)
    if m and m.end() == offset:
        m = _WORD.search(text, m.end())
    return m.end() if m else len(text)


def prev_word(text: str, offset: int) -> int:
    last = 0
    for m in _WORD.finditer(text, max(0, offset - 400), offset):
        if m.start() < offset:
            last = m.start()
    return last
