"""Indexes of an article's text that answer the speaker detector's whole-text questions in
time independent of the article's length.

`speakers.LowerWords` asks, for each new word, whether the article writes it in lower case
and whether it writes a capitalised word in mid-sentence; `speakers._acronym` asks which
capitalised run spells out an acronym. Each question used to be a scan of the whole text
(memoised per word), so an article of n characters with w distinct words cost n * w: a
4 MB report took 11 s where 1 MB took 0.75 s, and the app could not quit until it ended.

Each index here is built in one pass and gives exactly the answer of the scan it replaces
(`tests/marks/test_long_articles.py` checks them against those scans, kept in the test).
`LowerWords` builds them only once its scans have read the text several times over, so a
short article keeps its few cheap scans.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.marks import regex_cache as re  # `re`; compiled patterns kept between runs

# a word of `LowerWords.__contains__`: what follows a space, up to the space, comma, full
# stop, semicolon or colon after it (the scan looks for " word" followed by one of these)
_AFTER_SPACE_RE = re.compile(r"(?<= )[^ ,.;:]+(?=[ ,.;:])")

# a maximal run of alphanumeric characters (`[^\W_]` is `str.isalnum`, character by
# character) that does not open with an ASCII lower-case letter: the words `mid_sentence`
# can be asked about, and more (the test checks the character class on every code point)
_RUN_RE = re.compile(r"(?<![^\W_])(?![a-z])[^\W_]+")
_ALNUM_RUN_RE = re.compile(r"[^\W_]+")

# what `mid_sentence` strips from the seven characters before a word
OPENERS = " \u201c\u201d\"'\u2018\u2019("


def lower_vocabulary(text: str) -> frozenset[str]:
    """Every `w` for which `text` holds " " + w followed by one of " ,.;:"."""
    return frozenset(_AFTER_SPACE_RE.findall(text))


def mid_sentence_at(text: str, i: int, title_abbrev: Callable[[str], object]) -> bool:
    """Whether a word at offset `i` stands in mid-sentence: the seven characters before it,
    stripped of spaces, quotation marks and a parenthesis, end in something other than a
    sentence end or a colon, or in a title abbreviation (`title_abbrev(before)`, "Mr.")."""
    before = text[max(0, i - 7) : i].rstrip(OPENERS)
    return bool(before) and (
        (before[-1] not in ".!?:" and before[-1].isprintable())
        or title_abbrev(before) is not None
    )


def mid_sentence_positions(
    text: str, title_abbrev: Callable[[str], object]
) -> dict[str, list[int]]:
    """Word -> the offsets where `text` writes it in mid-sentence, for every maximal
    alphanumeric run not opening with a-z: the seven characters before it, stripped of
    spaces, quotation marks and a parenthesis, end in something other than a sentence end
    or a colon, or in a title abbreviation (`title_abbrev(before)`, "Mr.")."""
    out: dict[str, list[int]] = {}
    for m in _RUN_RE.finditer(text):
        i = m.start()
        if mid_sentence_at(text, i, title_abbrev):
            run = m.group()
            hits = out.get(run)
            if hits is None:
                out[run] = [i]
            else:
                hits.append(i)
    return out


def mid_sentence_lookup(text: str, positions: dict[str, list[int]], word: str) -> bool | None:
    """Whether `text` writes `word` in mid-sentence with alphanumeric-free boundaries, from
    `mid_sentence_positions`; None when the index cannot say (a word that is empty, opens
    with a-z or with a character that is not alphanumeric)."""
    if not word or not word[0].isalnum() or "a" <= word[0] <= "z":
        return None
    first = _ALNUM_RUN_RE.match(word)
    if first is None:  # (cannot happen: word[0] is alphanumeric)
        return None
    head = first.group()
    hits = positions.get(head)
    if hits is None:
        return False
    if len(head) == len(word):
        return True  # (the run is the word, and runs end where a non-alphanumeric begins)
    n = len(word)
    return any(text.startswith(word, i) and not text[i + n : i + n + 1].isalnum() for i in hits)


class AcronymTable:
    """The capitalised runs of a text (`run_re`), to spell out acronyms as
    `speakers._acronym` does: the first run followed by "(ACR)" or " (ACR)", else the
    first run whose initials hold ACR and that the name's other words start, else the first
    run whose initials hold it (with at least as many words as ACR has letters)."""

    __slots__ = ("_runs", "_paren", "_by_initials")

    MAX = 6  # longest acronym indexed (`speakers._ACRONYM_RE`: 2 to 6 capitals)

    def __init__(self, text: str, run_re: re.Pattern[str], joiners: frozenset[str]) -> None:
        self._runs: list[tuple[str, list[str], str]] = []
        self._paren: dict[str, int] = {}
        self._by_initials: dict[str, list[int]] = {}
        for m in run_re.finditer(text):
            k = len(self._runs)
            run = m.group(0)
            parts = [w for w in run.split() if w not in joiners]
            initials = "".join(w[0] for w in parts)
            self._runs.append((run, parts, initials))
            end = m.end()
            at = end + 2 if text.startswith(" (", end) else end + 1 if text.startswith(
                "(", end) else -1
            if at >= 0:
                close = text.find(")", at, at + self.MAX + 1)
                if close >= 0:
                    self._paren.setdefault(text[at:close], k)
            seen = set()
            for a in range(len(initials)):
                for b in range(a + 2, min(len(initials), a + self.MAX) + 1):
                    sub = initials[a:b]
                    if sub not in seen and len(parts) >= len(sub):
                        seen.add(sub)
                        self._by_initials.setdefault(sub, []).append(k)

    def spell(self, acr: str, words: list[str]) -> str | None:
        """The run for acronym `acr` (2 to `MAX` characters, no parenthesis), "" if none;
        None when `acr` is outside what the table holds. `words`: the speaker's words."""
        if not 2 <= len(acr) <= self.MAX or "(" in acr or ")" in acr:
            return None
        k = self._paren.get(acr)
        if k is not None:
            return self._runs[k][0]
        first = ""
        for k in self._by_initials.get(acr, ()):
            run, parts, initials = self._runs[k]
            at = initials.find(acr)
            if at == 0 or (len(words) > 1 and parts[at - 1] == words[-2]):
                return run
            if not first:
                first = run
        return first
