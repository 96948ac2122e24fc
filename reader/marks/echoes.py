"""Headlines and pull quotes that repeat a quotation the article attributes.

A page often puts a speaker's words in its headline or a display line (`'We Got Her!':
Video Shows Dramatic Rescue`, `‘He died in my hands’: 3 killed in clashes`, a pull quote
set apart between paragraphs) before or after the paragraph that says who said them. Such
a line has no attribution of its own, so the patterns around the quote find no speaker and
the kind model, seeing title case or a line of its own, often calls it a term. The
benchmark's rule is that a quoted heading which repeats words the article attributes to
someone is that person's speech; this module applies it: a quotation without a speaker on
a heading-like line whose words (two or more) occur inside an attributed speech quotation
of the same article takes that quotation's kind and speaker.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

_WORDS_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SENT_PUNCT = (".", "!", "?", "\u201d", '"')


class _QuoteLike(Protocol):
    start: int
    end: int
    kind: str
    speaker: str | None


Q = TypeVar("Q", bound=_QuoteLike)


def _norm(s: str) -> str:
    """Lower-case words joined by single spaces, apostrophes unified ("We’re" == "we're")."""
    return " ".join(_WORDS_RE.findall(s.replace("\u2019", "'").lower()))


def _capitalised(words: str) -> bool:
    """Whether the words are written as a title or a name: first and last capitalised and
    most longer words too ("Dancing with the Stars", "Jewels after Jewels after Jewels")."""
    ws = [w for w in words.split() if w[:1].isalpha()]
    if not ws:
        return False
    big = [w for w in ws if len(w) > 3]
    return (
        bool(big)
        and ws[0][:1].isupper()
        and ws[-1][:1].isupper()
        and sum(1 for w in big if w[:1].isupper()) >= 0.6 * len(big)
    )


def _heading_like(line: str, a: int, b: int, is_title: bool) -> bool:
    """Whether the quotation `line[a:b]` stands as (part of) a heading: on the headline, or
    on a line whose other words are few or title-cased and that is no sentence of prose."""
    if is_title:
        return True
    rest = (line[:a] + " " + line[b:]).strip(" :;,-\u2013\u2014|")
    words = rest.split()
    if not words:
        return True
    if rest.endswith(_SENT_PUNCT) or len(words) > 14:
        return False
    big = [w for w in words if len(w) > 3]
    return bool(big) and sum(1 for w in big if w[:1].isupper()) >= 0.8 * len(big)


def echo_speakers(
    text: str, quotes: Sequence[Q], line_of: Sequence[int], lines: Sequence[str],
    starts: Sequence[int], title_lines: frozenset[int],
) -> list[Q]:
    """`quotes` (sorted or not) with each heading-like quotation that has no speaker given
    the kind and speaker of an attributed speech quotation containing its words.

    `line_of[k]` is the line index of `quotes[k]`; `starts` the offsets of the lines.
    """
    donors = [
        (_norm(text[q.start : q.end]), q)
        for q in quotes
        if q.kind == "speech" and q.speaker
    ]
    if not donors:
        return list(quotes)
    out = list(quotes)
    for k, q in enumerate(quotes):
        if q.speaker:
            continue
        i = line_of[k]
        a, b = q.start - starts[i], q.end - starts[i]
        if not _heading_like(lines[i], a, b, i in title_lines):
            continue
        words = _norm(text[q.start : q.end])
        if words.count(" ") < 1:
            continue  # one word is too little to tell whose it is
        raw = " ".join(_WORDS_RE.findall(text[q.start : q.end]))
        n = words.count(" ") + 1
        for d_words, d in donors:
            d_n = d_words.count(" ") + 1
            if d_n < max(n, 4):
                continue  # a short donor may itself be a name or a term the model missed
            if d is not q and f" {words} " in f" {d_words} ":
                d_raw = " ".join(_WORDS_RE.findall(text[d.start : d.end]))
                at = d_raw.lower().find(raw.lower())
                if at >= 0 and _capitalised(d_raw[at : at + len(raw)]):
                    break  # a title or a name the speaker mentions ("Dancing with the Stars")
                if raw == d_raw:
                    break  # the same words written the same way twice: a name or a title
                out[k] = dataclasses.replace(q, kind="speech", speaker=d.speaker)
                break
    return out
