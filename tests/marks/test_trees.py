"""Boosted oblivious trees (`bench/trees.py`, the sixth boilerplate round's experiment, not
used by `reader`): deterministic fits, an interaction a linear model cannot express, and
`bench/bp_trees.py` adding them to `reader analyze`'s scores and taking them away again.
Their figures are in bench/README_marks.md, so what they rest on is checked."""

from __future__ import annotations

import importlib
import math
import sys

import numpy as np

from reader.marks import boilerplate as bp
from tests.conftest import ROOT
from tests.marks.test_smoothing import PARAS


def _load(name: str):  # noqa: ANN202 - a bench module
    """A module of bench/ (registered, so its dataclasses and `import trees` work)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


tr = _load("trees")


def _and_data(n: int = 1200) -> tuple[np.ndarray, np.ndarray]:
    # a fixed grid (no random numbers): label 1 where the first feature is positive and
    # the second is above 0.3 (a short line AND inside the article); the third carries
    # nothing
    k = np.arange(n, dtype=np.float64)
    x = np.stack([np.sin(k * 0.37), np.cos(k * 0.91), np.sin(k * 2.3)], axis=1)
    y = ((x[:, 0] > 0) & (x[:, 1] > 0.3)).astype(np.float64)
    return x, y


def test_a_fit_is_the_same_every_time() -> None:
    x, y = _and_data()
    w = 1.0 + (np.arange(len(y)) % 5)
    a = tr.fit(x, y, w, np.zeros(len(y)), n_trees=20, depth=2, rate=0.3)
    b = tr.fit(x.copy(), y.copy(), w.copy(), np.zeros(len(y)), n_trees=20, depth=2, rate=0.3)
    assert a == b
    assert len(a) == 20


def test_trees_learn_a_rule_of_two_features() -> None:
    x, y = _and_data()
    trees = tr.fit(x, y, np.ones(len(y)), np.zeros(len(y)), n_trees=30, depth=2, rate=0.3)
    right = ((tr.predict(trees.arrays(), x) > 0) == (y > 0.5)).mean()
    assert right > 0.97
    # both halves of the interaction are used, the uninformative third feature is not
    used = {f for fs in trees.features for f in fs}
    assert {0, 1} <= used


def test_the_base_scores_are_where_boosting_starts() -> None:
    # labels the base already predicts perfectly and confidently leave the trees ~nothing
    x, y = _and_data()
    base = np.where(y > 0.5, 12.0, -12.0)
    trees = tr.fit(x, y, np.ones(len(y)), base, n_trees=10, depth=2)
    assert np.abs(tr.predict(trees.arrays(), x)).max() < 0.01


def test_predict_matches_walking_each_tree() -> None:
    x, y = _and_data(300)
    trees = tr.fit(x, y, np.ones(len(y)), np.zeros(len(y)), n_trees=8, depth=3, rate=0.5)
    fast = tr.predict(trees.arrays(), x)
    for row, got in zip(x, fast, strict=True):
        total = 0.0
        for fs, ts, leaves in zip(trees.features, trees.thresholds, trees.leaves, strict=True):
            leaf = 0
            for f, t in zip(fs, ts, strict=True):
                leaf = leaf * 2 + (1 if row[f] > t else 0)
            total += leaves[leaf]
        assert abs(total - got) < 1e-12


def test_nothing_to_split_gives_constant_trees() -> None:
    x = np.ones((50, 2))
    y = (np.arange(50) % 2).astype(np.float64)
    trees = tr.fit(x, y, np.ones(50), np.zeros(50), n_trees=3, depth=2)
    assert all(t == (tr.NEVER, tr.NEVER) for t in trees.thresholds)
    assert np.allclose(tr.predict(trees.arrays(), x), tr.predict(trees.arrays(), x)[0])


MENU = ["Home", "News", "Sport", "Weather", "Opinion"]
FOOTER = ["Privacy policy", "Terms of use", "Contact us", "© 2024 The Daily Example"]


def _some_trees(names: tuple[str, ...], seed: int) -> tr.Trees:
    """Trees over `names` that move many scores: fitted to a made-up label of a page's
    rows (which line is longer than the page's median), so every split is a real one."""
    k = np.arange(400, dtype=np.float64)
    x = np.stack([np.sin(k * (0.1 + 0.07 * j + seed)) for j in range(len(names))], axis=1)
    y = (x[:, 1] + x[:, len(names) - 1] > 0).astype(np.float64)
    return tr.fit(x, y, np.ones(len(y)), np.zeros(len(y)), n_trees=10, depth=3, rate=0.5)


def _page_lines() -> list[str]:
    return "\n\n".join([*MENU, "Council approves new city budget", *PARAS, *FOOTER]).split("\n")


def test_installed_trees_move_the_open_lines_and_undo_restores_the_linear_model() -> None:
    # `bp_trees.install` adds the trees' score to the final scores of the lines they score,
    # starting from the scores `reader analyze`'s fast path gives; undoing leaves the
    # linear model exactly as it was
    bp_trees = _load("bp_trees")
    lines = _page_lines()
    w1, stages = bp._weights.STAGE1, bp._weights.STAGES
    plain = bp.analyze_lines(lines)[3]
    for scope, seed in (("ctx", 0), ("last", 1)):
        bp_trees.SCOPE = scope
        undo = bp_trees.install(_some_trees(bp_trees.FEATURES, seed), w1, stages)
        try:
            with_trees = bp.analyze_lines(lines)[3]
        finally:
            undo()
        idx, rows1, _ = bp.stage1_rows(lines, None)
        texts = [lines[i].strip() for i in idx]
        z, scored, _ = bp_trees.tree_rows(rows1, list(map(len, texts)), texts, set(), w1,
                                          stages)
        # the reference path's final scores are the fast path's
        assert np.allclose(plain, [1 - 1 / (1 + math.exp(-v)) for v in z], atol=1e-9)
        moved = {k for k, (a, b) in enumerate(zip(plain, with_trees, strict=True))
                 if abs(a - b) > 1e-9}
        assert moved and moved <= set(scored)
        assert bp.analyze_lines(lines)[3] == plain
