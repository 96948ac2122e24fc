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
)


def content_words(s: str) -> set[str]:
    """Lower-case words of 3+ characters that are not function words."""
    return {w for w in _WORD_RE.findall(s.lower()) if len(w) > 2 and w not in STOPWORDS}


def candidates(
    idx: Sequence[int], p_bp: Sequence[float], chars: Sequence[int]
) -> tuple[int, list[int]]:
    """Position (in `idx`) of the first confident body line, and the candidate positions."""
    m = len(idx)
    start = next((k for k in range(m) if p_bp[k] < 0.5 and chars[k] >= 80), None)
    if start is None:
        # no article prose at all (a note, a stub): the first line is the best title
        return 0, [0] if m else []
    lo, hi = max(0, start - WINDOW_BEFORE), min(m, start + WINDOW_AFTER + 1)
    return start, [k for k in range(lo, hi) if 3 <= chars[k] <= 300]


def title_rows(
    lines: Sequence[str],
    idx: Sequence[int],
    rows1: Sequence[Sequence[float]],
    p_bp: Sequence[float],
    keys: Sequence[str],
) -> tuple[list[int], list[list[float]]]:
    """Feature rows of the headline candidates; returns (positions in `idx`, rows)."""
    m = len(idx)
    if not m:
        return [], []
    chars = [len(lines[i].strip()) for i in idx]
    start, cands = candidates(idx, p_bp, chars)
    body_words: dict[str, int] = {}
    n_body = 0
    for k in range(start, m):
        if p_bp[k] < 0.5:
            n_body += 1
            for w in content_words(lines[idx[k]]):
                body_words[w] = body_words.get(w, 0) + 1
            if n_body >= 25:
                break
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    for k in range(m):
        first_seen.setdefault(keys[k], k)
        last_seen[keys[k]] = k
    overlaps = {}
    for k in cands:
        cw = content_words(lines[idx[k]])
        hit = sum(1 for w in cw if w in body_words)
        overlaps[k] = (hit / len(cw) if cw else 0.0, hit, cw)
    last_ov = max((k for k in cands if k < start and overlaps[k][0] >= 0.5), default=None)
    nwords = {k: len(lines[idx[k]].split()) for k in cands}

    def meta(k: int) -> bool:
        return 0 <= k < m and bool(rows1[k][_JBYLINE] or rows1[k][_JDATE])

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
    texts = [keys[k] for k in cands if overlaps[k][0] >= 0.3 and len(keys[k]) > 10]
    by_overlap = sorted(cands, key=lambda k: -overlaps[k][0] * min(overlaps[k][1], 4))
    rank = {k: j for j, k in enumerate(by_overlap)}
    rows = []
    for k in cands:
        r = rows1[k]
        ov, hit, cw = overlaps[k]
        cover = sum(min(body_words.get(w, 0), 3) for w in cw) / (3 * len(cw)) if cw else 0.0
        nw = len(lines[idx[k]].split())
        key = keys[k]
        dup = first_seen[key] != last_seen[key]
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
                1.0 if lines[idx[k]].rstrip().endswith(":") else 0.0,
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
                math.log1p(sum(1 for g in good_sorted if k < g < start)) / 2.0,
                1.0 if k - 1 in good else 0.0,
                1.0 if k + 1 in good else 0.0,
                1.0 if k == first_good else 0.0,
                1.0 if ov >= 0.3 and any(t != key and t in key for t in texts) else 0.0,
                1.0 if ov >= 0.3 and any(t != key and key in t for t in texts) else 0.0,
                r[_JCREDKW],
                1.0 if k in good and k + 1 in good else 0.0,
                1.0 if k in good and k - 1 in good else 0.0,
                1.0 if lines[idx[k]].rstrip().endswith(".") else 0.0,
                math.log1p(rank[k]) / 3.0,
                1.0 if k + 1 in good and chars[k + 1] > chars[k] else 0.0,
                1.0 if k - 1 in good and chars[k - 1] < chars[k] else 0.0,
                1.0 if k > 0 and (lines[idx[k - 1]].rstrip().endswith(":")
                                  or rows1[k - 1][_JLEAD]) else 0.0,
                1.0 if k in good and k - 1 not in good and k + 1 in good else 0.0,
                r[_JGLUED],
                1.0 if k == 0 else 0.0,
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
