"""Small gradient-boosted ensembles of oblivious trees, fitted and evaluated with numpy.

The boilerplate model's stages are logistic regressions over hand-made features, so an
interaction ("a short line, inside the article, that shares its vocabulary") exists only
when someone writes it as a feature. A few dozen shallow trees boosted from the linear
model's own log-odds (`fit(..., base=z)`) can learn such interactions from the data and
leave the linear model's verdict alone where it has nothing to add. (Tried in the sixth
boilerplate round; none won out of sample, so `reader` does not use them: `bp_trees.py`
keeps the experiment, bench/README_marks.md its figures.)

Oblivious trees (one split per level, shared by every node of that level, as in
CatBoost): a tree of depth d is d (feature, threshold) pairs and 2**d leaf values, so a
whole page is scored at once by comparisons and a table look-up (`predict`), and the model
is a few tuples of numbers. Fitting is deterministic: split
candidates are quantiles of each feature's values (no sampling), the best split is the
first of equal gains in a fixed order, and every sum is a `numpy.bincount` (sequential).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NEVER = 1e300  # the threshold of a level where nothing splits: no value is above it


@dataclass(frozen=True)
class Trees:
    """A boosted ensemble: per tree, its split features and thresholds (one per level,
    level 0 first) and its 2**depth leaf values; a row's score is the sum over the trees of
    the leaf its comparisons `x[feature] > threshold` select (level 0 the highest bit)."""

    features: tuple[tuple[int, ...], ...]
    thresholds: tuple[tuple[float, ...], ...]
    leaves: tuple[tuple[float, ...], ...]

    def __len__(self) -> int:
        return len(self.features)

    def arrays(self) -> Arrays:
        """The ensemble as numpy arrays, for `predict` (built once per model)."""
        return Arrays.of(self)


@dataclass(frozen=True)
class Arrays:
    """`Trees` as arrays: features (T, d) ints, thresholds (T, d), leaves (T, 2**d)."""

    features: np.ndarray
    thresholds: np.ndarray
    leaves: np.ndarray
    powers: np.ndarray

    @staticmethod
    def of(trees: Trees) -> Arrays:
        depth = len(trees.features[0]) if len(trees) else 0
        return Arrays(
            np.array(trees.features, dtype=np.intp).reshape(len(trees), depth),
            np.array(trees.thresholds, dtype=np.float64).reshape(len(trees), depth),
            np.array(trees.leaves, dtype=np.float64).reshape(len(trees), 2**depth),
            (2 ** np.arange(depth - 1, -1, -1)).astype(np.intp),
        )


def predict(model: Arrays, x: np.ndarray) -> np.ndarray:
    """The ensemble's score of every row of `x` (n, features): one vectorised pass."""
    n = x.shape[0]
    t = model.features.shape[0]
    if not n or not t:
        return np.zeros(n)
    bits = x[:, model.features] > model.thresholds  # (n, T, d)
    leaf = bits.astype(np.intp) @ model.powers  # (n, T)
    return model.leaves[np.arange(t), leaf].sum(axis=1)


def score_rows(model: Arrays, rows: Sequence[Sequence[float]]) -> list[float]:
    """`predict` of plain rows (lists of floats), as a list."""
    return predict(model, np.array(rows, dtype=np.float64)).tolist() if rows else []


def candidate_thresholds(x: np.ndarray, n_bins: int) -> list[np.ndarray]:
    """Per feature, the split candidates: up to `n_bins` - 1 distinct quantiles of its
    values, the largest value excluded (a split must send something each way)."""
    qs = np.linspace(0.0, 1.0, n_bins + 1)[1:-1]
    out = []
    for j in range(x.shape[1]):
        col = np.sort(x[:, j])
        vals = np.unique(col[np.minimum((qs * len(col)).astype(np.intp), len(col) - 1)])
        out.append(vals[vals < col[-1]] if len(col) else vals)
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def fit(  # noqa: PLR0913 - the usual boosting settings
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    base: np.ndarray,
    n_trees: int = 100,
    depth: int = 3,
    rate: float = 0.1,
    l2: float = 1.0,
    min_hess: float = 5.0,
    n_bins: int = 32,
) -> Trees:
    """Boost `n_trees` oblivious trees of `depth` on the log-loss of labels `y` (1 =
    positive) with sample weights `w` (scaled to mean 1), starting from the scores `base`.

    Newton steps: a leaf's value is -G / (H + `l2`) times `rate`; a split is scored by the
    usual gain summed over the level's nodes, where a node whose smaller side holds less
    than `min_hess` of hessian gains nothing (so a rare value cannot carve out a leaf)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    n, nf = x.shape
    if not n:
        return Trees((), (), ())
    w = w / (np.bincount(np.zeros(n, dtype=np.intp), w)[0] / n)
    cands = candidate_thresholds(x, n_bins)
    # bin b of feature j: the number of candidates below the value, so x > cands[j][i]
    # exactly when the bin is above i
    bins = [np.searchsorted(c, x[:, j], side="left") for j, c in enumerate(cands)]
    score = np.asarray(base, dtype=np.float64).copy()
    feats: list[tuple[int, ...]] = []
    thrs: list[tuple[float, ...]] = []
    leaves: list[tuple[float, ...]] = []
    for _ in range(n_trees):
        p = _sigmoid(score)
        g = (p - y) * w
        h = np.maximum(p * (1.0 - p), 1e-6) * w
        node = np.zeros(n, dtype=np.intp)
        tf: list[int] = []
        tt: list[float] = []
        for level in range(depth):
            nodes = 1 << level
            best_gain, best = 0.0, None
            for j, c in enumerate(cands):
                nb = len(c) + 1
                if nb < 2:
                    continue
                key = node * nb + bins[j]
                gs = np.bincount(key, g, nodes * nb).reshape(nodes, nb)
                hs = np.bincount(key, h, nodes * nb).reshape(nodes, nb)
                cg, ch = np.cumsum(gs, axis=1), np.cumsum(hs, axis=1)
                gl, hl = cg[:, :-1], ch[:, :-1]
                gt, ht = cg[:, -1:], ch[:, -1:]
                gr, hr = gt - gl, ht - hl
                gain = gl * gl / (hl + l2) + gr * gr / (hr + l2) - gt * gt / (ht + l2)
                gain = np.where((hl >= min_hess) & (hr >= min_hess), gain, 0.0).sum(axis=0)
                i = int(np.argmax(gain))
                if gain[i] > best_gain + 1e-12:
                    best_gain, best = float(gain[i]), (j, i)
            if best is None:  # nothing splits: a split that sends every row one way
                j, thr = 0, NEVER
                side = np.zeros(n, dtype=np.intp)
            else:
                j, i = best
                thr = float(cands[j][i])
                side = (bins[j] > i).astype(np.intp)
            tf.append(j)
            tt.append(thr)
            node = node * 2 + side
        size = 1 << depth
        gsum = np.bincount(node, g, size)
        hsum = np.bincount(node, h, size)
        vals = -rate * gsum / (hsum + l2)
        score += vals[node]
        feats.append(tuple(tf))
        thrs.append(tuple(tt))
        leaves.append(tuple(float(v) for v in vals))
    return Trees(tuple(feats), tuple(thrs), tuple(leaves))
