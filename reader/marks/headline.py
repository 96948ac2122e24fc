"""Pick the one line of a page that is the article's headline.

The headline sits a few lines above the start of the article text, is a short non-sentence
line, and shares its content words with the article (a masthead such as "The Washington
PostDemocracy Dies in Darkness", a section label, a byline or the title of a teaser for
another story does not). Candidates in a window before the first body line are scored with
a small linear model (`_title_weights.py`, trained by `train_headline.py`); the best wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reader.marks.features import LINE_FEATURES, STOPWORDS

WINDOW_BEFORE = 40
WINDOW_AFTER = 4

_WORD_RE = re.compile(r"[a-z0-9]+")
_WORD3_RE = re.compile(r"[a-z0-9]{3,}")  # the words of 3+ characters, same runs
_F = {n: j for j, n in enumerate(LINE_FEATURES)}
_JBYLINE, _JDATE, _JCTA = _F["byline"], _F["date"], _F["cta"]
_JCREDIT, _JLEAD, _JURL = _F["credit_tail"], _F["lead"], _F["url"]
_JSENT, _JTITLE, _JSEPS = _F["sent_end"], _F["title_ratio"], _F["seps"]
_JCREDKW = _F["credit_kw"]
_JGLUED = _F["glued"]

TITLE_FEATURES: tuple[str, ...] = (
    "overlap",
    "overlap_n",
    "body_cover",
    "log_chars",
    "w1_2",
    "w3_5",
    "w6_14",
    "w15_25",
    "w26",
    "dist",
    "after_start",
    "last_overlap_before",
    "sent_end",
    "ends_colon",
    "byline",
    "date",
    "cta",
    "credit",
    "lead",
    "url",
    "seps",
    "title_ratio",
    "p_bp",
    "dup",
    "first_dup",
    "last_dup",
    "next_meta",
    "prev_meta",
    "good",
    "n_good_after",
    "prev_good",
    "next_good",
    "first_good",
    "contains_other",
    "contained",
    "credit_kw",
    "good_next_good",
    "good_prev_good",
    "ends_period",
    "overlap_rank",
    "next_good_longer",
    "prev_good_shorter",
    "prev_label",
    "first_in_run",
    "glued",
    "doc_first",
    "dup_after_copy",
    "dup_before_copy",
    "quoted",
    "ends_with_other",
    "starts_with_other",
    "dek_next",
    "is_dek",
)


_CW_CACHE: dict[str, frozenset[str]] = {}
_CW_MAX = 50_000
_OPEN_QUOTES = "\"\u201c\u201e\u00ab'\u2018"
_CLOSE_QUOTES = "\"\u201d\u00bb'\u2019"


def content_words(s: str) -> frozenset[str]:
    """Lower-case words of 3+ characters that are not function words (cached per line)."""
    cw = _CW_CACHE.get(s)
    if cw is None:
        cw = frozenset(_WORD3_RE.findall(s.lower())) - STOPWORDS
        if len(_CW_CACHE) >= _CW_MAX:
            _CW_CACHE.clear()
        _CW_CACHE[s] = cw
    return cw


def _candidates(
    lines: Sequence[str], idx: Sequence[int], p_bp: Sequence[float]
) -> tuple[int, list[int], dict[int, int]]:
    """First confident body line, candidate positions and their lengths (stripped)."""
    m = len(idx)
    chars: dict[int, int] = {}
    start = None
    for k in range(m):
        n = chars[k] = len(lines[idx[k]].strip())
        if p_bp[k] < 0.5 and n >= 80:
            start = k
            break
    if start is None:
        # no article prose at all (a note, a stub): the first line is the best title
        return 0, [0], chars
    lo, hi = max(0, start - WINDOW_BEFORE), min(m, start + WINDOW_AFTER + 1)
    for k in range(start + 1, hi):
        chars[k] = len(lines[idx[k]].strip())
    return start, [k for k in range(lo, hi) if 3 <= chars[k] <= 300], chars


def candidates(
    idx: Sequence[int], p_bp: Sequence[float], chars: Sequence[int]
) -> tuple[int, list[int]]:
    """Position (in `idx`) of the first confident body line, and the candidate positions."""
    m = len(idx)
    start = next((k for k in range(m) if p_bp[k] < 0.5 and chars[k] >= 80), None)
    if start is None:
        return 0, [0] if m else []
    lo, hi = max(0, start - WINDOW_BEFORE), min(m, start + WINDOW_AFTER + 1)
    return start, [k for k in range(lo, hi) if 3 <= chars[k] <= 300]


def _quoted(line: str) -> bool:
    """The whole line is one quotation (a pull quote or a claim, not a headline)."""
    s = line.strip()
    return len(s) > 2 and s[0] in _OPEN_QUOTES and s[-1] in _CLOSE_QUOTES


def title_rows(
    lines: Sequence[str],
    idx: Sequence[int],
    rows1: Sequence[Sequence[float]],
    p_bp: Sequence[float],
    keys: Sequence[str],
) -> tuple[list[int], list[list[float]]]:
    """Feature rows of the headline candidates; returns (positions in `idx`, rows).

    O(lines of the page) plus O(candidates) per candidate for the substring features.
    """
    m = len(idx)
    if not m:
        return [], []
    start, cands, chars = _candidates(lines, idx, p_bp)
    body_words: dict[str, int] = {}
    n_body = 0
    findall, stop = _WORD3_RE.findall, STOPWORDS
    for k in range(start, m):
        if p_bp[k] < 0.5:
            n_body += 1
            # article lines are unique: not worth the content_words cache
            for w in set(findall(lines[idx[k]].lower())) - stop:
                body_words[w] = body_words.get(w, 0) + 1
            if n_body >= 25:
                break
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
    text = {k: lines[idx[k]] for k in cands}
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
        overlaps[k] = (hit / len(cw) if cw else 0.0, hit, cw)
        covers[k] = cov / (3 * len(cw)) if cw else 0.0
        nwords[k] = len(text[k].split())
    last_ov = max((k for k in cands if k < start and overlaps[k][0] >= 0.5), default=None)

    metas = {
        k
        for k in range(max(0, cands[0] - 1), min(m, cands[-1] + 4))
        if rows1[k][_JBYLINE] or rows1[k][_JDATE]
    } if cands else set()
    meta = metas.__contains__

    good = {
        k
        for k in cands
        if overlaps[k][0] >= 0.5
        and 3 <= nwords[k] <= 30
        and not rows1[k][_JSENT]
        and not meta(k)
        and not rows1[k][_JCREDIT]
    }
    good_sorted = sorted(good)
    first_good = good_sorted[0] if good_sorted else None
    # good lines strictly between k and start, by a suffix count over the candidates
    n_good_to_start: dict[int, int] = {}
    run = 0
    for k in reversed(cands):
        n_good_to_start[k] = run if k < start else 0
        if k in good and k < start:
            run += 1
    texts = [keys[k] for k in cands if overlaps[k][0] >= 0.3 and len(keys[k]) > 10]
    by_overlap = sorted(cands, key=lambda k: -overlaps[k][0] * min(overlaps[k][1], 4))
    rank = {k: j for j, k in enumerate(by_overlap)}

    def sentence_like(k: int) -> bool:
        return k in cand_set and (
            bool(rows1[k][_JSENT])
            or text[k].rstrip().endswith((".", "?", "!"))
            or nwords[k] >= 9
        )

    def headline_like(k: int) -> bool:
        return (
            k in cand_set
            and 3 <= nwords[k] <= 16
            and not rows1[k][_JSENT]
            and not text[k].rstrip().endswith((".", ":"))
            and not meta(k)
        )


    rows = []
    for k in cands:
        r = rows1[k]
        ov, hit, cw = overlaps[k]
        cover = covers[k]
        nw = nwords[k]
        line = text[k].rstrip()
        key = keys[k]
        dup = first_seen[key] != last_seen[key]
        sub = ov >= 0.3
        contains = sub and any(t != key and t in key for t in texts)
        contained = sub and any(t != key and key in t for t in texts)
        suffix_other = contains and any(
            t != key and key.endswith(t) and len(t) > 10 for t in texts
        )
        prefix_other = contains and any(
            t != key and key.startswith(t) and len(t) > 10 for t in texts
        )
        nxt = k + 1
        dek_next = (
            headline_like(k)
            and nxt in cand_set
            and nwords[nxt] > nw
            and nwords[nxt] >= 6
            and p_bp[nxt] >= 0.5
            and nxt < start
            and not meta(nxt)
            and sentence_like(nxt)
        )
        is_dek = (
            k - 1 in cand_set
            and headline_like(k - 1)
            and nw > nwords[k - 1]
            and nw >= 6
            and p_bp[k] >= 0.5
            and k < start
            and not meta(k)
            and sentence_like(k)
        )
        rows.append(
            [
                ov,
                min(hit, 8) / 8.0,
                cover,
                math.log1p(chars[k]) / 6.0,
                1.0 if nw <= 2 else 0.0,
                1.0 if 3 <= nw <= 5 else 0.0,
                1.0 if 6 <= nw <= 14 else 0.0,
                1.0 if 15 <= nw <= 25 else 0.0,
                1.0 if nw > 25 else 0.0,
                math.log1p(abs(start - k)) / 4.0,
                1.0 if k >= start else 0.0,
                1.0 if k == last_ov else 0.0,
                r[_JSENT],
                1.0 if line.endswith(":") else 0.0,
                r[_JBYLINE],
                r[_JDATE],
                r[_JCTA],
                r[_JCREDIT],
                r[_JLEAD],
                r[_JURL],
                r[_JSEPS],
                r[_JTITLE],
                p_bp[k],
                1.0 if dup else 0.0,
                1.0 if dup and first_seen[key] == k else 0.0,
                1.0 if dup and last_seen[key] == k else 0.0,
                1.0 if meta(k + 1) or meta(k + 2) or meta(k + 3) else 0.0,
                1.0 if meta(k - 1) else 0.0,
                1.0 if k in good else 0.0,
                math.log1p(n_good_to_start[k]) / 2.0,
                1.0 if k - 1 in good else 0.0,
                1.0 if k + 1 in good else 0.0,
                1.0 if k == first_good else 0.0,
                1.0 if contains else 0.0,
                1.0 if contained else 0.0,
                r[_JCREDKW],
                1.0 if k in good and k + 1 in good else 0.0,
                1.0 if k in good and k - 1 in good else 0.0,
                1.0 if line.endswith(".") else 0.0,
                math.log1p(rank[k]) / 3.0,
                1.0 if k + 1 in good and chars[k + 1] > chars[k] else 0.0,
                1.0 if k - 1 in good and chars[k - 1] < chars[k] else 0.0,
                1.0 if k > 0 and (lines[idx[k - 1]].rstrip().endswith(":")
                                  or rows1[k - 1][_JLEAD]) else 0.0,
                1.0 if k in good and k - 1 not in good and k + 1 in good else 0.0,
                r[_JGLUED],
                1.0 if k == 0 else 0.0,
                1.0 if dup and k > 0 and keys[k - 1] == key else 0.0,
                1.0 if dup and k + 1 < m and keys[k + 1] == key else 0.0,
                1.0 if _quoted(line) else 0.0,
                1.0 if suffix_other else 0.0,
                1.0 if prefix_other else 0.0,
                1.0 if dek_next else 0.0,
                1.0 if is_dek else 0.0,
            ]
        )
    return cands, rows


def choose(cands: Sequence[int], rows: Sequence[Sequence[float]], w: Sequence[float]) -> int:
    """Position (in `idx`) of the best-scoring candidate, or -1 when there is none."""
    best, best_k = -math.inf, -1
    for k, r in zip(cands, rows, strict=True):
        s = sum(a * b for a, b in zip(w, r, strict=True))
        if s > best:
            best, best_k = s, k
    return best_k
