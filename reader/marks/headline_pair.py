"""The second look at the headline ranker's two best candidates (issue 16, item 4).

The ranker (`headline.py`) scores each candidate line alone, with weights fitted on ~130
news pages, so its top two are often a headline and the line that sits right against it:
the kicker or section label above it, the dek or the caption under it, a teaser above.
Which of two such lines is the headline depends on how they relate (which is above, which
is shorter, which ends like a sentence, how far apart their scores are), and that is learnt
here from many more pages than the ranker sees: the train split's pages (guides, blogs and
reviews of ~800 other sites), ranked by the committed ranker, which never trained on them
at more than its blended share, and the dev pages ranked out of fold (two halves by site).
A small logistic regression over the pair (`pair_row`) says whether the second is the
headline; `headline.pick_line` then takes it.

Judged out of fold in `bench/headline_sites.py` (each scenario fits its own second look
from its training sites only); see `bench/README_marks.md`, "Fifth round (headline)".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reader.marks.text import CLOSERS

# how the second-best candidate relates to the best one
RELATION_FEATURES: tuple[str, ...] = (
    "bias",
    "margin",  # the ranker's score of the best minus the second's (capped, scaled)
    "second_right_above",  # the second is the line right above the best (a kicker?)
    "second_right_below",  # right under it (a dek, a caption?)
    "second_above",  # anywhere above it
    "best_short",  # the best has 3 words or fewer (a label)
    "second_short",
    "words_ratio",  # log of the second's words over the best's (capped at +-2)
    "best_caps",  # in capitals
    "second_caps",
    "best_sentence",  # ends with a full stop or "!" (quotation marks aside)
    "second_sentence",
)
MARGIN_CAP = 6.0
# the second takes the first place only when the second look gives it this probability or
# more: it overrules a ranker fitted on news pages with evidence mostly from other kinds
SECOND_MIN = 0.6


def _sentence(s: str) -> bool:
    return s.rstrip(CLOSERS).endswith((".", "!"))


def pair_row(
    best: str,
    second: str,
    k_best: int,
    k_second: int,
    row_best: Sequence[float],
    row_second: Sequence[float],
    margin: float,
) -> list[float]:
    """Features of the pair: `RELATION_FEATURES`, then the second's ranker row minus the
    best's (`best`, `second`: the stripped lines; `k_*`: their positions among the page's
    non-blank lines; `margin`: the score difference, >= 0)."""
    nb, ns = len(best.split()), len(second.split())
    ratio = max(-2.0, min(2.0, math.log(ns / nb))) if nb and ns else 0.0
    return [
        1.0,
        min(margin, MARGIN_CAP) / 3.0,
        1.0 if k_second == k_best - 1 else 0.0,
        1.0 if k_second == k_best + 1 else 0.0,
        1.0 if k_second < k_best else 0.0,
        1.0 if nb <= 3 else 0.0,
        1.0 if ns <= 3 else 0.0,
        ratio,
        1.0 if best.isupper() else 0.0,
        1.0 if second.isupper() else 0.0,
        1.0 if _sentence(best) else 0.0,
        1.0 if _sentence(second) else 0.0,
        *(b - a for a, b in zip(row_best, row_second, strict=True)),
    ]


def top_two(
    scores: Sequence[float],
    cands: Sequence[int],
    keys: Sequence[str],
    skip: Callable[[int], bool] = lambda k: False,
) -> tuple[int, int] | None:
    """Indexes (into `cands`) of the best-scoring candidate that `skip` does not rule out
    and of the next one whose text differs from it (a copy of the best is the same
    headline, not a rival); None when there is no such pair."""
    order = sorted(range(len(cands)), key=lambda j: -scores[j])
    best = None
    for j in order:
        if skip(cands[j]):
            continue
        if best is None:
            best = j
        elif keys[cands[j]] != keys[cands[best]]:
            return best, j
    return None


def second_wins(
    pair_w: Sequence[float],
    lines: Sequence[str],
    idx: Sequence[int],
    cands: Sequence[int],
    rows: Sequence[Sequence[float]],
    scores: Sequence[float],
    best: int,
    second: int,
) -> bool:
    """Whether the second look prefers the second candidate (probability above
    `SECOND_MIN`)."""
    kb, ks = cands[best], cands[second]
    x = pair_row(lines[idx[kb]].strip(), lines[idx[ks]].strip(), kb, ks, rows[best],
                 rows[second], scores[best] - scores[second])
    if len(x) != len(pair_w):
        raise ValueError("headline pair rows and weights differ in length")
    z = sum(a * b for a, b in zip(pair_w, x, strict=True))
    return z > math.log(SECOND_MIN / (1.0 - SECOND_MIN))


def fit(examples: Sequence[tuple[Sequence[float], bool]], l2: float = 1e-2,
        iters: int = 300) -> list[float]:
    """Logistic-regression weights for (pair row, the second is the headline), by plain
    (adaptive) gradient descent from zero: deterministic."""
    if not examples:
        raise ValueError("no pairs to fit the second look on")
    dim = len(examples[0][0])
    w = [0.0] * dim
    g2 = [1e-8] * dim
    n = len(examples)
    for _ in range(iters):
        grad = [l2 * v for v in w]
        for x, y in examples:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            c = (p - (1.0 if y else 0.0)) / n
            for j, v in enumerate(x):
                if v:
                    grad[j] += c * v
        for j in range(dim):
            g2[j] += grad[j] * grad[j]
            w[j] -= 0.3 * grad[j] / math.sqrt(g2[j])
    return w
