"""Question-and-answer interviews: `Q: …` / `A: …` paragraphs.

News sites print an interview as alternating paragraphs opened by "Q:" (the publication's
question) and "A:" (the answer of the person the introduction names). The answers are that
person's speech and the quotations inside them theirs; the questions are the interviewer's,
whom the text does not name (no speaker). Written from the convention, not from any page.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs
from reader.marks.given_names import GIVEN
from reader.marks.speakers import _FULL, _is_person, clean_name

# "Q:", "A:", also "Q.", "A." and "Q -"; the words after it on the same line
_QA_RE = re.compile(r"([QA])(?::|\.|\s[\u2013\u2014-])\s+(?=\S)")
QA_MIN = 2  # questions and answers each: one "A:" is a list's answer, not an interview


@cache
def _full_re() -> re.Pattern[str]:
    """A full name (rare: compiled on first use)."""
    return re.compile(_FULL)


def interviewee(lines: list[str], first: int) -> str | None:
    """The person an interview's introduction (the lines before the first question) names
    most often, by surname, with a common given name first; None if it names none."""
    counts: Counter[str] = Counter()
    full: dict[str, str] = {}
    intro = "\n".join(lines[:first])
    for m in _full_re().finditer(intro):
        name = clean_name(m.group(0))
        parts = name.split() if name else []
        if len(parts) >= 2 and parts[0].lower() in GIVEN and _is_person(parts):
            full.setdefault(parts[-1], name)
    if not full:
        return None
    for word in re.findall(r"[\w'\u2019\-]+", intro):
        if word in full:
            counts[word] += 1
    return full[counts.most_common(1)[0][0]] if counts else None


def qa_turns(lines: list[str], article: list[bool]) -> dict[int, tuple[str | None, int]]:
    """Line index -> (speaker, offset of the words) for the question and answer lines of
    an interview among the article's lines (`article[i]`); {} unless it has `QA_MIN`
    questions and answers and its introduction names the person who answers."""
    found: dict[int, tuple[str, int]] = {}
    for i, line in enumerate(lines):
        if article[i] and line[:1] in ("Q", "A") and (m := _QA_RE.match(line)):
            found[i] = (m.group(1), m.end())
    tags = Counter(t for t, _ in found.values())
    if tags["Q"] < QA_MIN or tags["A"] < QA_MIN:
        return {}
    who = interviewee(lines, min(found))
    if who is None:
        return {}
    return {i: (who if t == "A" else None, at) for i, (t, at) in found.items()}
