"""Boosted trees over the boilerplate model's final scores: the sixth round's lead, kept as
an experiment (`reader` does not use it).

    nice python bench/bp_estimate.py EVAL_DIR --on-train --trees 100 [--tree-pages-share 0.25]

The linear model's stages cannot learn an interaction nobody wrote as a feature. Here a few
dozen oblivious trees (`trees.py`) are boosted from the fitted linear model's final
log-odds, over a line's features, its context row as the last stage saw it and that score
(`FEATURES`), on the lines stage 1 left open (`SCOPE` "ctx") or those of the last stage
("last"), with the context stages' pages and line weights (the train-split pages of stage 1
at `PAGES_SHARE`, None: as the context stages, i.e. not at all). At analysis the trees'
score is added to those lines' final scores (`install`).

Why it is here and not in `reader` (seventh round, bench/README_marks.md): with the train
pages in the fit it kept more body on both cross-source sets (+0.026 / +0.031) but lost
char F1 on the site folds at every threshold tried, cost ~16 % of `reader analyze`'s speed
and needs numpy at analysis. Two other places for trees (as the context stages, boosted from
stage 1) lost more and were removed; they are in the history of `reader/marks/boilerplate.py`
before the seventh round.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import trees as tr

from reader.marks import boilerplate as bp
from reader.marks import train_boilerplate as tb

FEATURES: tuple[str, ...] = bp.STAGE2_FEATURES + ("z_final",)
N_TREES = 100
DEPTH = 3
RATE = 0.1
L2 = 1.0
MIN_HESS = 5.0
BINS = 32
SCOPE = "ctx"  # the lines scored: every line stage 1 left open ("ctx") or the last stage's
PAGES_SHARE: float | None = None  # weight factor of the stage-1-only pages (None: as context)


def tree_rows(rows1: list[list[float]], chars: list[int], texts: Sequence[str],
              neutral: set[int], w1: Sequence[float], stages: Sequence[Sequence[float]]
              ) -> tuple[list[float], list[int], list[list[float]]]:
    """(the linear model's final scores, the lines the trees score, their `FEATURES` rows):
    line features, the context row of the last stage's input scores, final score / 5."""
    cap: list = []
    z = bp.run_stages(rows1, chars, w1, stages, cap, texts, neutral)
    if not cap:
        return z, [], []
    z_in = bp.run_stages(rows1, chars, w1, stages[:-1], None, texts, neutral)
    first, last = cap[0][0], cap[-1][0]
    m = len(rows1)
    sq, ssq = bp.run_weights([math.sqrt(c) for c in chars], range(m), neutral)
    p1 = [bp._sigmoid(bp._dot(w1, r)) for r in rows1]
    regions = bp.main_regions(p1, sq, ssq)
    lists = bp.list_runs(texts)
    topic = bp.topic_overlap(texts, p1, chars, bp.article_span(regions, p1, chars), first)
    scope = first if SCOPE == "ctx" else last
    ctx = bp.context_rows(rows1, z_in, chars, sq, scope, topic, lists, ssq)
    return z, scope, [[*rows1[k], *c, z[k] / 5.0] for k, c in zip(scope, ctx, strict=True)]


def fit(docs: list[tb.Doc], w1: list[float], stages: list[list[float]],
        repeated: frozenset[str] | None) -> tr.Trees | None:
    """Boost `N_TREES` trees from the fitted linear model's final scores (see the module)."""
    only1 = [d.split in tb.STAGE1_ONLY_SPLITS for d in docs]
    if all(only1):
        only1 = [False] * len(docs)
    share = tb.CONTEXT_SHARE if PAGES_SHARE is None else PAGES_SHARE
    xs: list[list[float]] = []
    ys: list[float] = []
    ws: list[float] = []
    base: list[float] = []
    for d, o in zip(docs, only1, strict=True):
        if o and share <= 0:
            continue
        idx, rows1, y, chars, texts = tb._doc_rows(d, repeated)
        if not idx:
            continue
        ks = tb._open_lines(d, idx)
        z, scope, rows = tree_rows(rows1, chars, texts, set(), w1, stages)
        f = share if o else 1.0
        for k, r in zip(scope, rows, strict=True):
            wk = tb._weight(chars[k], tb.CONTEXT_WEIGHT_EXP) * ks[k] * d.weight * f
            if wk > 0:
                xs.append(r)
                ys.append(y[k])
                ws.append(wk)
                base.append(z[k])
    if not xs:
        return None
    return tr.fit(np.array(xs), np.array(ys), np.array(ws), np.array(base),
                  N_TREES, DEPTH, RATE, L2, MIN_HESS, BINS)


def install(trees: tr.Trees | None, w1: Sequence[float], stages: Sequence[Sequence[float]]
            ) -> Callable[[], None]:
    """Make `boilerplate.analyze_lines` (what `marks.analyze` calls) add the trees' score
    to the final scores of the lines they score; returns the function that undoes it."""
    plain = bp.analyze_lines
    if trees is None or not len(trees):
        return lambda: None
    arrays = trees.arrays()

    def with_trees(lines: Sequence[str], repeated: frozenset[str] | None = None,
                   line_keys: Sequence[str] | None = None, found: object = None):  # noqa: ANN202
        idx, rows, keys, p = plain(lines, repeated, line_keys, found)  # type: ignore[arg-type]
        if not idx:
            return idx, rows, keys, p
        _, rows1, _ = bp.stage1_rows(lines, repeated)
        texts = [lines[i].strip() for i in idx]
        chars = list(map(len, texts))
        nl = bp.neutral_lines(lines, line_keys, found)  # type: ignore[arg-type]
        neutral = {k for k, i in enumerate(idx) if i in nl}
        z, scope, trows = tree_rows(rows1, chars, texts, neutral, w1, stages)
        p = list(p)
        for k, v in zip(scope, tr.score_rows(arrays, trows), strict=True):
            p[k] = 1.0 - bp._sigmoid(z[k] + v)
        return idx, rows, keys, p

    bp.analyze_lines = with_trees

    def undo() -> None:
        bp.analyze_lines = plain

    return undo
