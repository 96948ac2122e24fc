"""Pick the one line of a page that is the article's headline.

The headline sits a few lines above the start of the article text, is a short non-sentence
line, and shares its content words with the article (a masthead such as "The Washington
PostDemocracy Dies in Darkness", a section label, a byline or the title of a teaser for
another story does not). It stands alone or with its dek, right before the byline or the
dateline, where a list of teasers is a long run of similar lines. Candidates in a window
before the article's first paragraph (`article_start`) are scored with a small linear model
(`_title_weights.py`, trained by `train_headline.py`); the best wins. A line that is only a
date or a byline (with at most the author's name) is never chosen; a sentence in quotation
marks counts as ending with its period; a line the page repeats right before the article
text is a dek; a bare person's name just above the article text ("Anna Menin") is the
byline of the line above it; a line that names the byline's author ("Follow Jane Smith on
Twitter") is an author box, never the headline; "Jane Smith | The Texas Newsroom" is a
byline. A short headline-like line followed by a sentence and then the byline is the
headline over its dek (on dev that pattern names the headline on 18 of the 23 pages where
it occurs); a line in capitals above the headline is its kicker ("BLACK DEATH FEARS"); a
number in a headline ("Opening Bell 11.18.19") does not make it a dateline.

A line that wraps another candidate's text in a breadcrumb path or behind a label ("Home »
Guides » <headline>", "<headline> | Site") yields to that text (`wraps`), and a second look
at the two best candidates (`headline_pair.py`) may put the second first. The entries of a
guide's table of contents, listed between its headline and its text, which the text
repeats as its sub-headings (`toc_lines`), are never the headline, nor is a line the
corpus repeats on several pages (`corpus_lines`: site furniture).

The feature set is deliberately small (21 features): with ~130 labelled pages a larger
one fitted dev better but cross-validated worse, and three features made from dev misses (a
headline-like line over a longer sentence, the byline right under a line, the first of two
copies apart) were dropped when the site-held-out estimates and the train split did not
lose without them (see `bench/README_marks.md`).
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Callable, Container, Sequence
from itertools import chain, repeat
from operator import mul

from reader.marks import _weights
from reader.marks import headline_pair as _pair
from reader.marks.features import LINE_FEATURES, STOPWORDS
from reader.marks.text import CLOSERS, ends_sentence

WINDOW_BEFORE = 40
# `article_start`: a body line the boilerplate model trusts (p below CONFIDENT) of START_CHARS
# or more characters starts the article; a half-trusted one (below the boilerplate
# threshold and LOOSE) far above it may
CONFIDENT = 0.5
LOOSE = 1.0
START_CHARS = 80
WINDOW_AFTER = 8
BODY_LINES = 25  # the article lines whose words the candidates are compared with
# a table of contents: TOC_BLOCK or more adjacent lines above the article start, each of
# which the article repeats below it as a body line (its sub-headings); 0: off
TOC_BLOCK = 2

_F = {n: j for j, n in enumerate(LINE_FEATURES)}
_JBYLINE, _JSENT, _JGLUED = _F["byline"], _F["sent_end"], _F["glued"]
_JCREDIT = _F["credit_tail"]
_JCTA, _JCTA_SHORT, _JCREDIT_KW = _F["cta"], _F["cta_short"], _F["credit_kw"]

TITLE_FEATURES: tuple[str, ...] = (
    "body_cover",  # how well the line's content words are covered by the article's
    "w1_2",  # number of words, in bins
    "w6_14",
    "w15_25",
    "dist",  # distance to the first body line
    "after_start",
    "p_bp",
    "dup",  # the same text elsewhere on the page
    "next_meta",  # a byline or dateline within the next three lines
    "good_prev_good",
    "ends_period",
    "overlap_rank",  # rank among the candidates by body overlap
    "dup_after_copy",  # second of two adjacent copies
    "ends_with_other",  # a breadcrumb or label glued before another candidate
    "glued",  # masthead-like glued words ("The Washington PostDemocracy Dies ...")
    "run_2",  # length of the run of adjacent text-like lines around the line
    "run_3_5",
    "run_last",  # last of such a run (a dek, the last teaser of a list)
    "question",  # ends with "?" (a headline may; a sentence-end otherwise is a dek's)
    "dek_in_body",  # the same text again where the article starts (a dek, a lede)
    "dek_pair",  # a headline-like line, then a sentence, then the byline or dateline
)
_GLUED_COL = TITLE_FEATURES.index("glued")
# the second look at the ranker's two best candidates (`headline_pair`): how they relate,
# then the second's ranker row minus the best's
PAIR_FEATURES: tuple[str, ...] = (
    *_pair.RELATION_FEATURES, *(f"d_{n}" for n in TITLE_FEATURES)
)

# a date or time as a dateline shows it ("Nov 19, 2019", "15 November", "6:46 pm",
# "13/06/2014", "Updated ...", "Tuesday", "2 days ago"), not a month named in a headline
# ("4 Things to Do in October", "... Announced in October 2025")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DATE_RE = re.compile(
    rf"\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:updated|published|posted|ago)\b"
)
DATE_MAX = 100  # longer lines are prose that may mention a date, not a dateline


# every branch of `_DATE_RE` needs a digit or one of these words
_DATE_WORDS = ("day", "updated", "published", "posted", "ago")
_DIGIT_RE = re.compile(r"\d")


def dateline(s: str) -> bool:
    """A short line that carries a date or a time (an article's dateline).

    (Most lines have no digit and none of `_DATE_WORDS`, which one scan for a digit and a
    few substring tests tell faster than the date pattern's search.)
    """
    if len(s) > DATE_MAX:
        return False
    low = s.lower()
    if _DIGIT_RE.search(low) is None and not any(w in low for w in _DATE_WORDS):
        return False
    return _DATE_RE.search(low) is not None


# what a dateline or a byline is made of, besides the author's name
_META_WORD_RE = re.compile(
    rf"\b(?:{_MONTH}|(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?"
    r"|\d[\d:./-]*(?:st|nd|rd|th|am|pm)?\b|[ap]\.?m\b\.?|(?:updated|published|posted"
    r"|ago|by|on|at|last|said|says|wrote|(?:second|minute|min|hour|hr|day|week)s?"
    r"|est|edt|cst|cdt|pst|pdt|gmt|utc|ist|et|pt)\b)|[^\w\s]+",
    re.IGNORECASE,
)
# a date that only a dateline has: a month and a day, a time, a weekday, "... ago"
# ("Opening Bell 11.18.19" is a headline with a number in it)
_DAY_RE = re.compile(
    rf"\b{_MONTH}\s*\d|\d\s+(?:of\s+)?{_MONTH}|\b\d{{1,2}}:\d{{2}}\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bago\b"
)


def only_meta(s: str, byline: bool) -> bool:
    """A byline or a date with at most a name beside it ("September 10, 2018 | by Jane
    Smith", "By Jane Smith, CNN", "Alex on May 2, 2018 at 6:34 am said:"): never a headline.
    """
    if not (byline or (len(s) <= DATE_MAX and _DAY_RE.search(s.lower()))):
        return False
    rest = _META_WORD_RE.sub(" ", s).split()
    return len(rest) <= 3 and all(w[0].isupper() or not w[0].isalpha() for w in rest)


# a person's name alone on its line ("Anna Menin", "Sarah E. Needleman"): an author's name
# as many sites print it under the headline, without "By"
# (Latin-1 letters too: "Sergio Mart\u00ednez-Beltr\u00e1n")
_UP, _LOW = "A-Z\u00c0-\u00d6\u00d8-\u00de", "a-z\u00df-\u00f6\u00f8-\u00ff"
_NAME_WORD = (
    rf"(?:[{_UP}](?:[{_LOW}]+|['\u2019][{_UP}][{_LOW}]+)(?:[-'\u2019][{_UP}]?[{_LOW}]+)*"
    rf"|[{_UP}]\.)"
)
_BARE_NAME_RE = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}")


def bare_name(s: str, row: Sequence[float] | None = None) -> bool:
    """A line of two or three capitalised words (or initials) that is not a call to action
    or a credit (by the line's features `row`, when given) and starts with no function word
    ("The Corner", "Next Post" are not names).
    """
    return (
        _BARE_NAME_RE.fullmatch(s) is not None
        and not (row and (row[_JCTA] or row[_JCTA_SHORT] or row[_JCREDIT_KW]))
        and s.split(None, 1)[0].lower() not in STOPWORDS
    )


def name_and_outlet(s: str) -> bool:
    """A byline without "By": a person's name, a bar and the outlet ("Sergio
    Mart\u00ednez-Beltr\u00e1n | The Texas Newsroom")."""
    name, bar, outlet = s.partition(" | ")
    return bool(bar) and 1 <= len(outlet.split()) <= 5 and bare_name(name)


def author_names(s: str) -> list[str]:
    """The names in a byline: runs of two or more capitalised words between its date,
    punctuation and "by" ("By Sandee LaMotte, CNN" -> ["Sandee LaMotte"])."""
    out = []
    for part in _META_WORD_RE.sub("\n", s).split("\n"):
        run: list[str] = []
        for w in [*part.split(), ""]:
            if w[:1].isupper():
                run.append(w)
                continue
            if len(run) >= 2:
                out.append(" ".join(run))
            run = []
    return out


# a line that only labels the next one as the author's name
_NAME_LABELS = frozenset(("by", "by:", "author", "author:", "authors:", "written by",
                          "written by:", "posted by", "posted by:", "words by", "words:"))

# The content words of a line are its runs of 3+ characters of [a-z0-9] once lower-cased
# (what `re.findall(r"[a-z0-9]{3,}", s.lower())` finds), function words aside. They are
# taken at C speed, as ASCII bytes: every other character (a non-ASCII one is first
# encoded as "?") becomes a space, the line is split, and the 1- and 2-character runs go
# with the function words in one set difference. Only the headline ranker compares them,
# with each other, so bytes serve as well as strings (and are faster than the regex).
_ALNUM = string.ascii_lowercase + string.digits
_WORD3_TABLE = bytes(c if chr(c) in _ALNUM else 32 for c in range(256))
_NOT_WORD3 = frozenset(
    [w.encode() for w in STOPWORDS]
    + [a.encode() for a in _ALNUM]
    + [(a + b).encode() for a in _ALNUM for b in _ALNUM]
)


def _words3(low: str) -> set[bytes]:
    """The content words of a lower-cased line (see above)."""
    return set(low.encode("ascii", "replace").translate(_WORD3_TABLE).split()) - _NOT_WORD3


_CW_CACHE: dict[str, frozenset[bytes]] = {}
_CW_MAX = 50_000


def content_words(s: str) -> frozenset[bytes]:
    """Lower-case words of 3+ characters that are not function words, as ASCII bytes
    (cached per line)."""
    cw = _CW_CACHE.get(s)
    if cw is None:
        cw = frozenset(_words3(s.lower()))
        if len(_CW_CACHE) >= _CW_MAX:
            _CW_CACHE.clear()
        _CW_CACHE[s] = cw
    return cw


def article_start(lines: Sequence[str], idx: Sequence[int], p_bp: Sequence[float]) -> int | None:
    """Where the article text starts (a position in `idx`): the first confident body line
    (p < 0.5) of 80+ characters that ends like a sentence. A teaser title or a long link in
    a list ("California power shutoff: Largest utility to intentionally cut ...") is as long
    and may look as body-like to the boilerplate model, but does not end with a period; a
    lede does. When a line of that shape that the page keeps as body (p below the
    boilerplate threshold) comes more than a window (`WINDOW_BEFORE`) above it, that line
    is the start: a guide's or a listicle's introduction the model half trusts, whose
    headline the window above the confident line would not reach. Failing a sentence, the
    first confident body line of 80+ characters; failing that, the most body-like line of
    80+ characters (a model trained on other sites may trust no line of the page); None
    when the page has no line that long.
    """
    kept = _weights.THRESHOLD
    loose_max = min(kept, LOOSE)
    confident = CONFIDENT
    first = best = loose = None
    best_p = 2.0
    for k in range(len(idx)):
        p = p_bp[k]
        if p >= kept and (first is not None or p >= best_p):
            continue
        s = lines[idx[k]].strip()
        if len(s) < START_CHARS:
            continue
        sentence = ends_sentence(s)
        if p < confident:
            if sentence:
                return k if loose is None or k - loose <= WINDOW_BEFORE else loose
            if first is None:
                first = k
        else:
            if sentence and loose is None and p < loose_max:
                loose = k
            if first is None and p < best_p:
                best, best_p = k, p
    return first if first is not None else best


# `start=UNKNOWN`: the caller has not found the article's start (`article_start`) yet;
# `analyze` finds it once and hands it to `title_rows`, `toc_lines` and `corpus_lines`
UNKNOWN = -1


def _candidates(
    lines: Sequence[str], idx: Sequence[int], p_bp: Sequence[float], start: int | None = UNKNOWN
) -> tuple[int, list[int], dict[int, int]]:
    """The article's start (`article_start`), candidate positions and their lengths
    (stripped)."""
    m = len(idx)
    if start == UNKNOWN:
        start = article_start(lines, idx, p_bp)
    if start is None:
        # no article prose at all (a note, a stub): the first line is the best title
        return 0, [0], {0: len(lines[idx[0]].strip())}
    lo, hi = max(0, start - WINDOW_BEFORE), min(m, start + WINDOW_AFTER + 1)
    chars = {k: len(lines[idx[k]].strip()) for k in range(lo, hi)}
    return start, [k for k in range(lo, hi) if 3 <= chars[k] <= 300], chars


def _body_word_sets(
    lines: Sequence[str], idx: Sequence[int], p_bp: Sequence[float], start: int
) -> list[set[bytes]]:
    """The words (`_words3`) of each of the article's first `BODY_LINES` body lines (p
    below 0.5) from `start` on: what the candidates are compared with."""
    sets = []
    for k in range(start, len(idx)):
        if p_bp[k] < 0.5:
            # article lines are unique: not worth the content_words cache
            sets.append(_words3(lines[idx[k]].lower()))
            if len(sets) >= BODY_LINES:
                break
    return sets


def title_rows(
    lines: Sequence[str],
    idx: Sequence[int],
    rows1: Sequence[Sequence[float]],
    p_bp: Sequence[float],
    keys: Sequence[str],
    start: int | None = UNKNOWN,
) -> tuple[list[int], list[list[float]]]:
    """Feature rows of the headline candidates; returns (positions in `idx`, rows).

    O(lines of the page) plus O(candidates) per candidate for the substring feature.
    """
    m = len(idx)
    if not m:
        return [], []
    start, cands, chars = _candidates(lines, idx, p_bp, start)
    if not cands:
        return [], []
    # in how many of the first body lines each content word occurs (counted in one go, at
    # C speed)
    body_words = Counter(chain.from_iterable(_body_word_sets(lines, idx, p_bp, start)))
    # first and last copy of each candidate's text on the whole page (one pass)
    ckeys = {keys[k] for k in cands}
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    for k, key in enumerate(keys):
        if key in ckeys:
            if key not in first_seen:
                first_seen[key] = k
            last_seen[key] = k
    cand_set = set(cands)
    text = {k: lines[idx[k]].rstrip() for k in cands}
    overlaps = {}
    covers = {}
    nwords = {}
    for k in cands:
        cw = content_words(text[k])
        hit = cov = 0
        for w in cw:
            c = body_words.get(w)
            if c:
                hit += 1
                cov += c if c < 3 else 3
        overlaps[k] = (hit / len(cw) if cw else 0.0, hit)
        covers[k] = cov / (3 * len(cw)) if cw else 0.0
        nwords[k] = len(text[k].split())

    # bylines and datelines around the candidates; "By" or "Author:" alone on its line puts
    # the author's name on the next one
    metas = set()
    names = set()  # the line under a lone "By" or "Author:": the author's name
    outlet_bylines = set()  # "Jane Smith | The Texas Newsroom"
    for k in range(max(0, cands[0] - 2), min(m, cands[-1] + 4)):
        if rows1[k][_JBYLINE] or dateline(lines[idx[k]]):
            metas.add(k)
        elif name_and_outlet(lines[idx[k]].strip()):
            metas.add(k)
            outlet_bylines.add(k)
        if keys[k] in _NAME_LABELS:  # ("Author:" is no byline by its features)
            metas.update((k, k + 1))
            names.add(k + 1)
    meta = metas.__contains__
    # the candidates that hold only a date or a byline (with at most the author's name),
    # "Jane Smith | The Texas Newsroom" among them: never the headline, nor headline-like
    # (a byline or dateline with more in it, "Opening Bell 11.18.19", still may be)
    meta_only = {
        k
        for k in cands
        if k in outlet_bylines
        or (meta(k) and only_meta(text[k], bool(rows1[k][_JBYLINE]) or k in names))
    }
    # a bare name among the last lines above the article text, where a byline sits (higher
    # up, menus hold name-shaped items: "Free Roadmap", "Last Man"): byline evidence for the
    # line right above it only (it stays a candidate and breaks no run)
    bare = {
        k
        for k in range(max(0, start - 6), min(m, start))
        if k not in metas and bare_name(lines[idx[k]].strip(), rows1[k])
    }

    def meta_or_name(k: int) -> bool:
        return k in metas or k in bare

    good = {
        k
        for k in cands
        if overlaps[k][0] >= 0.5
        and 3 <= nwords[k] <= 30
        and not rows1[k][_JSENT]
        and not meta(k)
        and not rows1[k][_JCREDIT]
        and not text[k].isupper()
    }
    # runs of adjacent text-like lines: a list of teasers is a long run, a headline
    # stands alone or with its dek
    run_lo: dict[int, int] = {}
    run_hi: dict[int, int] = {}
    cur: list[int] = []
    for k in cands:
        if 3 <= nwords[k] <= 30 and p_bp[k] >= 0.5 and not meta(k):
            if cur and k != cur[-1] + 1:
                for j in cur:
                    run_lo[j], run_hi[j] = cur[0], cur[-1]
                cur = []
            cur.append(k)
        else:
            run_lo[k] = run_hi[k] = k
    for j in cur:
        run_lo[j], run_hi[j] = cur[0], cur[-1]
    texts = tuple(keys[k] for k in cands if overlaps[k][0] >= 0.3 and len(keys[k]) > 10)
    # (lines of the article text itself overlap with it by definition: ranked after)
    by_overlap = sorted(
        cands, key=lambda k: (k >= start, -overlaps[k][0] * min(overlaps[k][1], 4))
    )
    rank = {k: j for j, k in enumerate(by_overlap)}

    def headline_like(k: int) -> bool:
        # (an all-capitals line is a kicker or a label: "BLACK DEATH FEARS")
        return (
            k in cand_set
            and 3 <= nwords[k] <= 16
            and not text[k].isupper()
            and not rows1[k][_JSENT]
            and not text[k].endswith((".", ":"))
            and k not in meta_only
        )

    rows = []
    for k in cands:
        nw = nwords[k]
        # a sentence in quotation marks still ends with its period
        line = text[k].rstrip(CLOSERS)
        key = keys[k]
        dup = first_seen[key] != last_seen[key]
        # a breadcrumb or a label glued before another candidate's text
        # (another text that ends this one is a proper suffix: one that `key[1:]` ends
        # with; `endswith` tries them all at C speed)
        suffix_other = overlaps[k][0] >= 0.3 and key[1:].endswith(texts)
        nxt = k + 1
        dek_pair = (
            headline_like(k)
            and nxt in cand_set
            and text[nxt].rstrip(CLOSERS).endswith((".", "!", "\u2026"))
            and 6 <= nwords[nxt] <= 40
            and (meta_or_name(nxt + 1) or meta(nxt + 2))
        )
        run_len = run_hi[k] - run_lo[k] + 1
        # the line above, skipping an exact copy right above: two adjacent copies (a sticky
        # bar, a mobile and a desktop heading) are one line, not neighbours in a list
        prev = k - 2 if k > 0 and keys[k - 1] == key else k - 1
        rows.append(
            [
                covers[k],
                1.0 if nw <= 2 else 0.0,
                1.0 if 6 <= nw <= 14 else 0.0,
                1.0 if 15 <= nw <= 25 else 0.0,
                math.log1p(abs(start - k)) / 4.0,
                1.0 if k >= start else 0.0,
                p_bp[k],
                1.0 if dup else 0.0,
                1.0 if meta_or_name(k + 1) or meta(k + 2) or meta(k + 3) else 0.0,
                1.0 if k in good and prev in good else 0.0,
                1.0 if line.endswith(".") else 0.0,
                math.log1p(rank[k]) / 3.0,
                1.0 if dup and k > 0 and keys[k - 1] == key else 0.0,
                1.0 if suffix_other else 0.0,
                rows1[k][_JGLUED],
                1.0 if run_len == 2 else 0.0,
                1.0 if 3 <= run_len <= 5 else 0.0,
                1.0 if run_len > 1 and run_hi[k] == k and not meta(k + 1) else 0.0,
                1.0 if line.endswith("?") else 0.0,
                1.0 if dup and start - 1 <= last_seen[key] <= start + WINDOW_AFTER else 0.0,
                1.0 if dek_pair else 0.0,
            ]
        )
    # the author's names from the bylines (person-shaped: not "LISA MASCARO" or a desk): a
    # line, not itself a byline, that names the author is an author box ("About Jane
    # Smith", "Follow Jane Smith on Twitter"), never the headline
    authors = sorted({
        a for k in metas if k < m and (rows1[k][_JBYLINE] or k in names)
        for a in author_names(lines[idx[k]].strip())
        if bare_name(a)
    })
    author_re: re.Pattern[str] | None = None

    def names_author(s: str) -> bool:
        """`\b(?:AUTHOR|…)\b` occurs in `s`. The pattern is this page's own, so compiling it
        costs as much as the rest of the headline search: it is compiled only once a
        candidate holds an author's name at all (an author box is rare)."""
        nonlocal author_re
        if not any(a in s for a in authors):
            return False
        if author_re is None:
            author_re = re.compile(r"\b(?:" + "|".join(map(re.escape, authors)) + r")\b")
        return author_re.search(s) is not None

    # a line that is only a date or an author never is the headline (its features above
    # still count for its neighbours), nor is an author box
    ok = [
        j
        for j, k in enumerate(cands)
        if k not in meta_only
        and not (authors and not meta(k) and names_author(text[k]))
    ]
    if ok and len(ok) < len(cands):
        cands = [cands[j] for j in ok]
        rows = [rows[j] for j in ok]
    return cands, rows


def toc_lines(
    lines: Sequence[str],
    idx: Sequence[int],
    keys: Sequence[str],
    p_bp: Sequence[float],
    cands: Sequence[int],
    start: int | None = UNKNOWN,
) -> frozenset[int]:
    """The candidates (positions in `idx`) above the article start (`article_start`) that
    are entries of a table of contents: runs of `TOC_BLOCK` or more adjacent lines each of
    which comes again below the start as a line the boilerplate model keeps as body (a
    guide's sub-headings, listed under its headline: "Is SEO dead in 2026?",
    "Conclusion"). A headline is seldom repeated word for word in its own text, and
    seldom with its neighbours (in such a run: the headline on 5 of the train split's 813
    pages and on none of dev's 130, other candidates 546 and 4 times). `pick_line`'s
    callers skip them, after the ranker, whose weights they leave alone (as an exclusion
    from the ranker's candidates the refitted weights moved and lost news pages). Their
    copies below the start, the sub-headings, are left to the ranker (`after_start`)."""
    if not TOC_BLOCK or not cands:
        return frozenset()
    if start == UNKNOWN:
        start = article_start(lines, idx, p_bp)
    if start is None:
        return frozenset()
    body = {keys[j] for j in range(start, len(keys)) if p_bp[j] < 0.5}
    listed = {k for k in cands if k < start and len(keys[k]) >= 3 and keys[k] in body}
    out: set[int] = set()
    run: list[int] = []
    for k in sorted(listed) + [-2]:
        if run and k != run[-1] + 1:
            if len(run) >= TOC_BLOCK:
                out.update(run)
            run = []
        run.append(k)
    return frozenset(out)


# a line the corpus repeats that has this many words or more, most of them in the
# article's text, is kept as a candidate: a story's own headline, repeated in the "most
# read" lists of other pages of its site
OWN_STORY_WORDS = 6


def corpus_lines(
    lines: Sequence[str],
    idx: Sequence[int],
    keys: Sequence[str],
    p_bp: Sequence[float],
    cands: Sequence[int],
    repeated: Container[str] | None,
    start: int | None = UNKNOWN,
) -> frozenset[int]:
    """The candidates (positions in `idx`) whose text recurs across the corpus (`repeated`:
    the lines `repeated_lines` finds on 3+ pages): site or platform furniture ("Contact",
    "Work with us", "An official website of the United States government", a section
    banner), never the headline, which belongs to one article. The boilerplate model reads
    the same evidence as one feature among many, so such a line may still be the ranker's
    best candidate. Two exceptions: when the article's own start line
    (`article_start`) recurs too, the page is a copy of a syndicated story, whose headline
    the other copies repeat (nothing is skipped); and a line of `OWN_STORY_WORDS` or more
    words, at least half of whose content words the article's first body lines hold, may
    be this story's headline that other pages of its site list as a teaser. `pick_line`'s
    callers skip them, after the ranker (no weight depends on it). See
    `bench/README_marks.md`, "Seventh round (headline)"."""
    if not repeated or not cands:
        return frozenset()
    rep = [k for k in cands if keys[k] in repeated]
    if not rep:
        return frozenset()
    if start == UNKNOWN:
        start = article_start(lines, idx, p_bp)
    if start is not None and keys[start] in repeated:
        return frozenset()
    out = set(rep)
    long = [k for k in rep if len(lines[idx[k]].split()) >= OWN_STORY_WORDS]
    if long and start is not None:
        body: set[bytes] = set().union(*_body_word_sets(lines, idx, p_bp, start))
        for k in long:
            cw = content_words(lines[idx[k]].strip())
            if cw and 2 * len(cw & body) >= len(cw):
                out.discard(k)
    return frozenset(out)


def choose(cands: Sequence[int], rows: Sequence[Sequence[float]], w: Sequence[float]) -> int:
    """Position (in `idx`) of the best-scoring candidate, or -1 when there is none."""
    best, best_k = -math.inf, -1
    for k, r in zip(cands, rows, strict=True):
        s = sum(a * b for a, b in zip(w, r, strict=True))
        if s > best:
            best, best_k = s, k
    return best_k


# what separates the steps of a breadcrumb path or a label from the headline it wraps
# ("Home » Furniture » Title", "Car Talk / Car Reviews / Title", "PROJECT: Title"), or the
# headline from a site name after it ("Title | Site")
# (line keys fold "»" and "«" into '"': one between spaces is a path step too)
_PATH_SEPS = "\u00bb\u203a>/|\\:\u2022\u00b7\u2192-\u2013\u2014"
WRAP_MIN = 10  # a wrapped text of fewer characters (a section name) is not a headline


def wraps(outer: str, inner: str) -> bool:
    """Whether line key `outer` is line key `inner` (two or more words, `WRAP_MIN`+
    characters) inside a breadcrumb or behind a label ("home » furniture » <inner>",
    "homeresearch<inner>", "project: <inner>"), or followed by bare punctuation or a
    separator and a short site name ("<inner>:", "<inner> | the site"; not a subtitle:
    "<inner>: 25 useful tips").

    Such a line repeats the headline with site furniture around it: the wrapped text is
    the headline. (A number or a word before the text is no wrapper: "7 healthy air fryer
    recipes" is a headline that ends with another line, "healthy air fryer recipes".)
    """
    if len(inner) < WRAP_MIN or outer == inner or " " not in inner:
        return False
    if outer.endswith(inner):
        before = outer[: -len(inner)]
        head = before.rstrip()
        # a separator before the text, the text glued to the path ("homeresearchthe ..."),
        # or a path from "Home" ("home news business news <inner>")
        return bool(head) and (
            head[-1] in _PATH_SEPS
            or not before[-1].isspace()
            or head == '"'
            or head.endswith(' "')
            or head.startswith(("home ", 'home"'))
        )
    if outer.startswith(inner):
        tail = outer[len(inner):].strip()
        if not tail:
            return False
        if not any(c.isalnum() for c in tail):
            return True
        return tail[0] in _PATH_SEPS and tail[0] != ":" and len(tail.split()) <= 5
    return False


def pick_line(
    idx: Sequence[int],
    keys: Sequence[str],
    cands: Sequence[int],
    rows: Sequence[Sequence[float]],
    w: Sequence[float],
    skip: Callable[[int], bool] = lambda k: False,
    not_second: Container[int] = (),
    pair_w: Sequence[float] | None = None,
    lines: Sequence[str] | None = None,
) -> int | None:
    """The headline's 1-based line number, as `reader analyze` chooses it: the best-scoring
    candidate that `skip` (a position in `idx`) does not rule out (furniture, the user's
    corrections); when that line wraps another candidate's text in a breadcrumb or a label
    (`wraps`: "Home » Guides » <headline>", "<headline> | Site"), that candidate (the
    longest such); of two identical lines in a row, the second (the first is a breadcrumb
    or the page title above the <h1>: 6 of the 6 such automatically labelled dev pages),
    unless its line number is in `not_second`. With `pair_w` (and the page's `lines`), the
    second look (`headline_pair`) first judges the best candidate against the next one
    and may put the second first. None when no candidate is left. (Shared by `analyze`
    and the benches, so they pick alike.)
    """
    if any(len(r) != len(w) for r in rows):
        raise ValueError("headline rows and weights differ in length")
    # (the same products summed in the same order as a generator would, at C speed)
    scores = list(map(sum, map(map, repeat(mul), repeat(w), rows)))
    if pair_w is not None and lines is not None:
        two = _pair.top_two(scores, cands, keys, skip)
        # (never for a masthead-like line of glued words: "The Washington PostDemocracy
        # Dies in Darkness", which the ranker's own `glued` weight holds down)
        if (two is not None and not rows[two[1]][_GLUED_COL]
                and _pair.second_wins(pair_w, lines, idx, cands, rows, scores, *two)):
            scores[two[1]] = scores[two[0]] + 1.0
    scored = sorted(zip(scores, cands, strict=True), reverse=True)
    for _, k in scored:
        if skip(k):
            continue
        inner = [j for j in cands if j != k and wraps(keys[k], keys[j]) and not skip(j)]
        if inner:
            k = max(inner, key=lambda j: (len(keys[j]), -j))
        if k + 1 < len(idx) and keys[k + 1] == keys[k] and idx[k + 1] + 1 not in not_second:
            return idx[k + 1] + 1
        return idx[k] + 1
    return None
