"""Classify the non-blank lines of a scraped page as article body or page furniture.

Two linear stages, because whether a line is boilerplate depends both on what it looks
like and on where it sits:

1. each line alone is scored for prose-likeness (`features.line_features`);
2. the main run of prose is located as the stretch of lines with the largest total
   evidence (a maximum-sum segment, so a caption or an ad inside the article does not cut
   it in two, while a menu or footer outside it stays out), and every line is scored again
   with its stage-1 score, its neighbours' scores and its position relative to that run.

Weights live in `_weights.py`, written by `train_boilerplate.py` from the dev benchmark.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reader.marks import _weights
from reader.marks.features import LINE_FEATURES, line_features
from reader.marks.text import normalise_line

REGION_BIASES = (0.25, 0.4, 0.55, 0.7)

CONTEXT_FEATURES: tuple[str, ...] = (
    "z",
    "z_prev",
    "z_next",
    "z_prev2",
    "z_next2",
    "win_p",
    "win_long_p",
    "win8_p",
    "in_r25",
    "in_r40",
    "in_r55",
    "in_r70",
    "before_region",
    "after_region",
    "dist_region",
    "region_pos",
    "doc_pos",
    "region_share",
    "near_edge",
    "sandwiched",
    "dist_prev_strong",
    "dist_next_strong",
    "in_w1",
    "in_w2_3",
    "in_w4_7",
    "in_z",
    "in_credit",
    "in_cta_short",
    "in_lead",
)

STAGE2_FEATURES: tuple[str, ...] = LINE_FEATURES + CONTEXT_FEATURES


def _sigmoid(z: float) -> float:
    if z < -30.0:
        return 0.0
    if z > 30.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def _dot(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(w, x, strict=True))


def stage1_rows(
    lines: Sequence[str], repeated: frozenset[str] | None
) -> tuple[list[int], list[list[float]], list[str]]:
    """Stage-1 feature rows for the non-blank lines; returns (line indexes, rows, keys)."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    keys = [normalise_line(lines[i]) for i in idx]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    n = len(lines)
    rows = []
    for j, i in enumerate(idx):
        adj_prev = i > 0 and bool(lines[i - 1].strip())
        adj_next = i + 1 < n and bool(lines[i + 1].strip())
        k = keys[j]
        rep = repeated is not None and k in repeated
        rows.append(line_features(lines[i], adj_prev, adj_next, counts[k] > 1, rep))
    return idx, rows, keys


def main_region(p: Sequence[float], chars: Sequence[int], bias: float) -> tuple[int, int]:
    """Maximum-sum segment of per-line evidence; returns (first, last) inclusive, or (0, -1).

    Evidence is (p - bias) weighted by sqrt(length): long prose lines pull the region
    towards them, a run of short menu items pushes it away, a lone caption barely matters.
    """
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for k, (pk, ck) in enumerate(zip(p, chars, strict=True)):
        v = (pk - bias) * math.sqrt(ck)
        if cur <= 0.0:
            cur, cur_a = v, k
        else:
            cur += v
        if cur > best:
            best, best_a, best_b = cur, cur_a, k
    return best_a, best_b


def _strong_distances(p: list[float], chars: list[int]) -> tuple[list[int], list[int]]:
    """Lines since the previous / until the next unmistakable prose line."""
    m = len(p)
    strong = [p[k] > 0.8 and chars[k] >= 80 for k in range(m)]
    prev, nxt = [0] * m, [0] * m
    last = -100
    for k in range(m):
        prev[k] = k - last
        if strong[k]:
            last = k
    last = m + 100
    for k in range(m - 1, -1, -1):
        nxt[k] = last - k
        if strong[k]:
            last = k
    return prev, nxt


_F = {n: j for j, n in enumerate(LINE_FEATURES)}
_JW1, _JW2, _JW4 = _F["w1"], _F["w2_3"], _F["w4_7"]
_JCR, _JCTA, _JLEAD = _F["credit_tail"], _F["cta_short"], _F["lead"]


def context_rows(
    rows1: list[list[float]], z: list[float], chars: list[int]
) -> list[list[float]]:
    """Line features plus context computed from the previous stage's scores `z`."""
    m = len(rows1)
    p = [_sigmoid(v) for v in z]
    regions = [main_region(p, chars, bias) for bias in REGION_BIASES]
    a, b = regions[1]
    total = sum(chars) or 1
    share = (sum(chars[a : b + 1]) if b >= a else 0) / total
    prev_strong, next_strong = _strong_distances(p, chars)
    zs = [v / 5.0 for v in z]
    out = []
    cum = 0
    for k in range(m):
        lo, hi = max(0, k - 3), min(m, k + 4)
        win = p[lo:hi]
        wc = chars[lo:hi]
        sw = sum(wc) or 1
        lo8, hi8 = max(0, k - 8), min(m, k + 9)
        inside = a <= k <= b
        if inside:
            dist = 0
            rpos = (k - a) / max(1, b - a)
        elif k < a:
            dist = a - k
            rpos = 0.0
        else:
            dist = k - b
            rpos = 1.0
        ctx = [
            zs[k],
            zs[k - 1] if k > 0 else -1.0,
            zs[k + 1] if k + 1 < m else -1.0,
            zs[k - 2] if k > 1 else -1.0,
            zs[k + 2] if k + 2 < m else -1.0,
            sum(win) / len(win),
            sum(x * c for x, c in zip(win, wc, strict=True)) / sw,
            sum(p[lo8:hi8]) / (hi8 - lo8),
        ]
        ctx.extend(1.0 if ra <= k <= rb else 0.0 for ra, rb in regions)
        ctx += [
            1.0 if k < a else 0.0,
            1.0 if k > b else 0.0,
            math.log1p(dist) / 4.0,
            rpos,
            cum / total,
            share,
            1.0 if inside and (k - a < 2 or b - k < 2) else 0.0,
            1.0 if prev_strong[k] <= 4 and next_strong[k] <= 4 else 0.0,
            math.log1p(min(prev_strong[k], 30)) / 3.5,
            math.log1p(min(next_strong[k], 30)) / 3.5,
        ]
        r = rows1[k]
        if inside:
            ctx += [r[_JW1], r[_JW2], r[_JW4], zs[k], r[_JCR], r[_JCTA], r[_JLEAD]]
        else:
            ctx += [0.0] * 7
        cum += chars[k]
        out.append(r + ctx)
    return out


def boilerplate_probabilities(
    lines: Sequence[str], repeated: frozenset[str] | None = None
) -> tuple[list[int], list[float], list[str]]:
    """Probability that each non-blank line is boilerplate; returns (line indexes, p, keys)."""
    idx, rows1, keys = stage1_rows(lines, repeated)
    if not idx:
        return idx, [], keys
    w1 = _weights.STAGE1
    z1 = [_dot(w1, r) for r in rows1]
    chars = [len(lines[i].strip()) for i in idx]
    z = z1
    for w in _weights.STAGES:
        z = [_dot(w, r) for r in context_rows(rows1, z, chars)]
    p_body = [_sigmoid(v) for v in z]
    return idx, [1.0 - p for p in p_body], keys
