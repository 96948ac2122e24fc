"""Long articles: the speaker detector's whole-text questions cost the same however long
the article, and give the answers of the plain scans they replaced.

A 4 MB report took 11 s to mark where 1 MB took 0.75 s: `LowerWords` scanned the whole
text once per new word, `_acronym` once per acronym, `_office_holder` once per "the
mayor said", and three checks copied the text (`text.strip()`) per name. The references
below are those scans, kept here so that the fast paths are checked against them rather
than against today's marks (which other work changes).
"""

from __future__ import annotations

import random
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.marks import analyze
from reader.marks import speakers as S
from reader.marks.word_index import _ALNUM_RUN_RE, OPENERS
from tests.conftest import EVAL, SEEDS

DEV = EVAL / "boilerplate" / "dev"


# -- the references: the scans as they were ----------------------------------------------


def ref_contains(text: str, word: str) -> bool:
    if not word.isalpha() or not word.islower():
        return False
    t = " " + text + " "
    key = " " + word
    n = len(key)
    i = t.find(key)
    while i >= 0:
        if t[i + n] in " ,.;:":
            return True
        i = t.find(key, i + 1)
    return False


def ref_mid_sentence(text: str, word: str) -> bool:
    t = " " + text + " "
    n = len(word)
    i = t.find(word)
    while i >= 0:
        after = t[i + n : i + n + 1]
        if not (after.isalnum() or t[i - 1 : i].isalnum()):
            before = t[max(0, i - 7) : i].rstrip(" \u201c\u201d\"'\u2018\u2019(")
            if before and (
                (before[-1] not in ".!?:" and before[-1].isprintable())
                or S._TITLE_ABBREV_RE.search(before) is not None
            ):
                return True
        i = t.find(word, i + 1)
    return False


def ref_acronym(name: str, text: str) -> str:
    words = name.split()
    acr = words[-1]
    t = " " + text + " "
    hit = ""
    best = -1
    for m in S._ORG_RUN_RE.finditer(t):
        run = m.group(0)
        parts = [w for w in run.split() if w not in S._ORG_JOINERS]
        initials = "".join(w[0] for w in parts)
        if t.startswith(" (" + acr + ")", m.end()) or t.startswith("(" + acr + ")", m.end()):
            hit = run
            break
        k = initials.find(acr)
        if k < 0 or len(parts) < len(acr):
            continue
        score = 1 if k == 0 or (len(words) > 1 and parts[k - 1] == words[-2]) else 0
        if score > best:
            best, hit = score, run
    if hit and hit.split()[0] == "The":
        hit = hit[4:]
    return hit or name


# -- helpers -------------------------------------------------------------------------------


def indexed(text: str) -> S.LowerWords:
    """A `LowerWords` that answers from its indexes from the first question on."""
    lw = S.LowerWords(text)
    lw._scanned = sys.maxsize
    return lw


def scanning(text: str) -> S.LowerWords:
    lw = S.LowerWords(text)
    lw._scanned = -sys.maxsize  # never reaches the budget
    return lw


def acronym(name: str, text: str) -> str:
    return S._acronym(name, S.Context(lower_words=S.LowerWords(text)))


def _dev_texts(n: int) -> list[str]:
    if not DEV.is_dir():
        pytest.skip(f"dev pages not found at {DEV} (READER_EVAL): the equivalence is "
                    "checked on real pages, not only on made-up ones")
    files = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))[:n]
    return [f.read_text(encoding="utf-8") for f in files]


def _questions(text: str) -> list[str]:
    """Words the detector could ask about, and their near misses."""
    out = set()
    for tok in text.split()[:3000]:
        for w in {tok, tok.strip(OPENERS + ".,;:!?)"), tok.lower(), tok.capitalize()}:
            if w:
                out.add(w)
                out.add(w[:-1] or w)
    toks = [t for t in text.split() if t[:1].isupper()][:400]
    out.update(a + "-" + b for a, b in zip(toks, toks[1:], strict=False))
    out.update(("", "-", "'s", "O'Brien", "Mr", "Mr.", "\u00c9tienne", "1990", "A"))
    return sorted(out)


# -- the character class the index relies on ----------------------------------------------


def test_the_run_pattern_class_is_isalnum_on_every_code_point() -> None:
    bad = [c for c in map(chr, range(sys.maxunicode + 1))
           if (_ALNUM_RUN_RE.fullmatch(c) is not None) != c.isalnum()]
    assert bad == []


# -- fast paths against references, on real pages -----------------------------------------


def test_lower_words_indexes_answer_as_the_scans_on_dev_pages() -> None:
    for text in _dev_texts(30):
        fast, slow = indexed(text), scanning(text)
        for w in _questions(text):
            assert (w in fast) == ref_contains(text, w) == (w in slow), w
            assert fast.mid_sentence(w) == ref_mid_sentence(text, w) == slow.mid_sentence(w), w


def test_acronym_table_spells_as_the_scan_on_dev_pages() -> None:
    for text in _dev_texts(30):
        acrs = set(re.findall(r"\b[A-Z]{2,6}\b", text))
        runs = [m.group(0) for m in S._ORG_RUN_RE.finditer(text)][:40]
        initials = {"".join(w[0] for w in r.split() if w not in S._ORG_JOINERS) for r in runs}
        acrs.update(i[a:b] for i in initials for a in range(len(i))
                    for b in range(a + 2, min(len(i), a + 6) + 1))
        firsts = ["", "the"] + [r.split()[0] for r in runs[:3]]
        ctx = S.Context(lower_words=S.LowerWords(text))  # (one table per page)
        for acr in sorted(acrs)[:40]:
            for first in firsts:
                name = f"{first} {acr}".strip()
                ctx.acronyms.clear()  # (the memo is by acronym; the name's words matter)
                assert S._acronym(name, ctx) == ref_acronym(name, text), name


# -- and on made-up text with the characters that matter ----------------------------------

PIECES = st.sampled_from([
    " ", "  ", "\n", ",", ".", ";", ":", "!", "?", "(", ")", "-", "_", "'", "\u2019", "\u201c",
    "\u201d", '"', "Mr.", "Dr.", " Mr. ", "Ann", "ann", "Lee", "lee", "Lee-Ann", "O'Neil",
    "\u00c9va", "\u00e9va", "1", "\u0661", "\u00b2", "WHO", "World Health Organization",
    " (WHO)", "(WHO)", "The Who", "\x00", "\u200b", "\t",
])
TEXT = st.lists(PIECES, max_size=60).map("".join)
WORDS = st.sampled_from(["ann", "lee", "Ann", "Lee", "Lee-Ann", "O'Neil", "\u00c9va",
                         "\u00e9va", "1", "WHO", "Who", "World", "_", "", "Mr", "A"])


@settings(max_examples=400, deadline=None)
@given(TEXT, st.lists(WORDS, min_size=1, max_size=6))
def test_indexes_answer_as_the_scans_on_any_text(text: str, words: list[str]) -> None:
    fast = indexed(text)
    for w in words:
        assert (w in fast) == ref_contains(text, w)
        assert fast.mid_sentence(w) == ref_mid_sentence(text, w)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["WHO", "the WHO", "World WHO", "WH", "HO", "WO", "TW", "Who WHO"]))
def test_acronyms_as_the_scan_on_any_text(text: str, name: str) -> None:
    assert acronym(name, text) == ref_acronym(name, text)


# -- whole articles: the same marks from the indexes and from the scans --------------------


def test_analyze_gives_the_same_marks_with_indexes_as_with_scans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _dev_texts(50) + [_prose(60_000)]
    monkeypatch.setattr(S.LowerWords, "SCANS", -1)  # indexes from the first question
    fast = [analyze(t) for t in texts]
    monkeypatch.setattr(S.LowerWords, "SCANS", sys.maxsize)  # scans only
    slow = [analyze(t) for t in texts]
    for a, b in zip(fast, slow, strict=True):
        assert a.error is None
        assert a == b


# -- scaling: whole-text work does not grow with the number of words -----------------------


def _prose(size: int, seed: int = 7) -> str:
    """An article of made-up paragraphs, each with quotations, new names, an acronym and
    "the mayor said": what made the old scans quadratic."""
    rnd = random.Random(seed)
    syl = ["ka", "lo", "mi", "ra", "ten", "vos", "dal", "ber", "gu", "shi", "mon", "tar"]

    def word() -> str:
        return "".join(rnd.choice(syl) for _ in range(rnd.randint(2, 3)))

    def cap() -> str:
        return word().capitalize()

    out: list[str] = []
    n = 0
    while n < size:
        a, b = cap(), cap()
        para = (
            f"{cap()} {word()} the {word()} of {cap()} {word()}, and {word()} in {cap()}. "
            f"\u201cWe {word()} the {word()},\u201d said {a} {b}, the {word()} of the "
            f"{cap()} {cap()} ({cap()[:2].upper()}). {b} {word()} that the mayor said "
            f"\u201c{word()} {word()}\u201d on {cap()}. According to {cap()} {cap()}, "
            f"\u201c{word()} {word()} {word()}.\u201d"
        )
        out.append(para)
        n += len(para) + 2
    return "\n\n".join(out)


def _whole_text_work(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(characters the LowerWords scans read / text length, role_holder calls over the whole
    text, passes of the capitalised-run pattern over it) while marking `text`."""
    made: list[S.LowerWords] = []
    roles = 0
    passes = 0

    class Counted(S.LowerWords):
        __slots__ = ()

        def __init__(self, text: str = "") -> None:
            super().__init__(text)
            made.append(self)

    real_role_holder = S.role_holder

    def role_holder(role: str, t: str, lw: object) -> str | None:
        nonlocal roles
        roles += len(t) > len(text) // 2
        return real_role_holder(role, t, lw)

    class CountedPattern:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, t: str):  # noqa: ANN201 - re's own iterator
            nonlocal passes
            passes += len(t) > len(text) // 2
            return self.pattern.finditer(t)

    import reader.marks as M

    monkeypatch.setattr(M, "LowerWords", Counted)
    monkeypatch.setattr(S, "role_holder", role_holder)
    monkeypatch.setattr(S, "_ORG_RUN_RE", CountedPattern(S._ORG_RUN_RE))
    marks = analyze(text)
    monkeypatch.undo()
    assert marks.error is None and len(marks.quotes) > 100
    scanned = max(lw._scanned / len(lw.text) for lw in made)
    return round(scanned), roles, passes


def test_whole_text_work_stays_flat_as_the_article_grows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = _whole_text_work(_prose(40_000), monkeypatch)
    large = _whole_text_work(_prose(320_000), monkeypatch)
    # the scans stop once they have read the text SCANS times over (then indexes answer);
    # before, they read it once per distinct word asked about
    assert large[0] <= S.LowerWords.SCANS + 1
    # one scan per office, however often "the mayor said" (was once per quotation)
    assert large[1] <= len(S._OFFICES)
    # one pass for every acronym (was one per distinct acronym)
    assert large[2] <= 1
    assert large[1:] == small[1:]
