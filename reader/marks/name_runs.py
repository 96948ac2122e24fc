"""One to two capitalised words and then one of a page's surnames, found without compiling a
pattern per page.

`speakers.full_names` looks for a one-word speaker's full name ("Doe" -> "Mayor Jane
Doe") with `(?<![\\w'’.\\-])(?:CAP[ \\t]+){1,2}(?:w1|w2|…)\\b`, the words being the page's
surnames. Written as one regular expression, that pattern is the page's own, and compiling
it (a capitalised word is a class of ~400 letters, twice) cost ~1 ms per page, a tenth of
the page's quotation work. `surname_runs` finds the same matches with one pattern compiled
once (`_LEAD`: the capitalised words, each with its own group) and plain string tests for
the surnames, trying what the regex engine tries in the order it tries it:

* a match can start only where `_LEAD` matches (its prefix is the same);
* a capitalised word takes all of its letters, its dot and its blanks (the engine could
  only give some back if the next thing could start with a letter or a blank: the
  surnames start with neither, or the plain pattern is used);
* two words first, then one; the surnames in their order, each followed by a word
  boundary; a match resumes the search at its end, a failure one character later.

`tests/marks/test_speed_equivalence.py` checks it against the plain pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reader.marks.regex_cache import compile as _compile


def plain_pattern(cap: str, words: Sequence[str]) -> str:
    """The pattern `surname_runs` stands in for (`cap`: one capitalised word)."""
    return rf"(?<![\w'\u2019.\-])(?:{cap}[ \t]+){{1,2}}(?:{'|'.join(map(re.escape, words))})\b"


def _is_word(c: str) -> bool:
    """`\\w` of a `str` pattern."""
    return c.isalnum() or c == "_"


def surname_runs(cap: str, words: Sequence[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of `plain_pattern(cap, words)` in `text`, in order."""
    if not all(w and _is_word(w[0]) for w in words):
        # (a surname that starts with no letter: the engine could split the blanks or a
        # word before it differently; the plain pattern decides)
        for m in re.finditer(plain_pattern(cap, words), text):
            yield m.span()
        return
    lead = _compile(rf"(?<![\w'\u2019.\-])({cap}[ \t]+)({cap}[ \t]+)?")
    search = lead.search
    n = len(text)
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        ends = (m.end(2), m.end(1)) if m.start(2) >= 0 else (m.end(1),)
        found = -1
        for e in ends:
            for w in words:
                if text.startswith(w, e):
                    end = e + len(w)
                    # `\b` after the word: a word character on one side only
                    if _is_word(text[end - 1]) != (end < n and _is_word(text[end])):
                        found = end
                        break
            if found >= 0:
                break
        if found >= 0:
            yield m.start(), found
            pos = found
        else:
            pos = m.start() + 1
