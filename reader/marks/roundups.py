"""Quotations whose speaker is a line of its own: round-ups and testimonials.

Expert round-ups head each quotation with a line that is only the person's name and role
("Jane Doe, Founder of Acme" / blank / "“…”"); testimonials sign each one below it
("“…”" / "Jane Doe, Boston"), without the dash `speakers.signature` reads. Neither line is
a sentence, so no attribution pattern sees it, and a heading-like line is not even read
into the context. A page uses one layout throughout: it is told by which comes first, a
name line or a quotation paragraph, where the two first meet.

A name line is short, holds no sentence, and opens with a full name whose first word is a
common given name (`given_names`): section headings ("Market Outlook") and labels are no
one's name.
"""

from __future__ import annotations

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs
from reader.marks.given_names import GIVEN
from reader.marks.speakers import UPPER

_CAP = rf"[{UPPER}][\w'\u2019\-]*\.?"
_NAME_LINE_RE = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s+)?({_CAP}(?:\s+{_CAP}){{1,3}})"
    r"(?:\s*(?:,|\u2013|\u2014|-|\|)\s*([^\u201c\u201d\"]{0,90}))?$"
)
# words of a clause, which a role after a name never holds ("Jane Doe, who ran the city,
# died.")
_CLAUSE_WORDS = frozenset((
    "who", "which", "that", "is", "was", "were", "are", "has", "had", "have", "will",
    "would", "said", "says", "he", "she", "they", "we", "i", "it", "not", "when", "if",
))
_OPENERS = "\u201c\u201e\u00ab\""


def name_line(line: str) -> str | None:
    """The person a line names when it is only a name, perhaps with a role after a comma
    or a dash ("Jane Doe, Founder of Acme", "2. John Roe – CEO"); else None."""
    t = line.strip()
    if not t or len(t) > 120 or t[-1] in "!?:;" or len(t.split()) > 12:
        return None
    m = _NAME_LINE_RE.match(t)
    if m is None:
        return None
    parts = m.group(1).split()
    if parts[0].lower() not in GIVEN:
        return None
    role = m.group(2) or ""
    if any(w.strip(".,").lower() in _CLAUSE_WORDS for w in role.split()):
        return None
    return " ".join(p.rstrip(".") if len(p) > 2 else p for p in parts)


def _quote_paragraph(line: str) -> bool:
    t = line.lstrip()
    return t[:1] in _OPENERS and len(t) > 20


def roundup_speakers(lines: list[str], own: list[int]) -> dict[int, str]:
    """Line index -> speaker for the quotation paragraphs a name line heads or signs, among
    the article's lines `own` (in order, blank lines left out)."""
    seq = [i for i in own if lines[i].strip()]
    names = {i: n for i in seq if (n := name_line(lines[i])) is not None}
    if not names:
        return {}
    quotes = {i for i in seq if _quote_paragraph(lines[i])}
    if not quotes:
        return {}
    pos = {i: k for k, i in enumerate(seq)}
    first_name = first_quote = None
    for i in names:
        k = pos[i]
        before = k > 0 and seq[k - 1] in quotes
        after = k + 1 < len(seq) and seq[k + 1] in quotes
        if before or after:
            first_name = i if first_name is None else min(first_name, i)
            q = seq[k - 1] if before else seq[k + 1]
            first_quote = q if first_quote is None else min(first_quote, q)
    if first_name is None or first_quote is None:
        return {}
    out: dict[int, str] = {}
    heads = first_name < first_quote
    for i, name in names.items():
        k = pos[i]
        step = 1 if heads else -1
        k += step
        while 0 <= k < len(seq) and seq[k] in quotes:
            out[seq[k]] = name
            k += step
    return out
