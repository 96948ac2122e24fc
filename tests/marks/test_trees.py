"""Boosted oblivious trees (`reader.marks.trees`): deterministic fits, an interaction a
linear model cannot express, a round trip through the generated module, and the
boilerplate model with trees in it still telling a clean page's furniture from its prose."""

from __future__ import annotations

import numpy as np

from reader.marks import LineKind, analyze
from reader.marks import boilerplate as bp
from reader.marks import trees as tr
from tests.marks.test_smoothing import PARAS


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


def test_the_generated_module_reads_back_the_same_model() -> None:
    x, y = _and_data()
    trees = tr.fit(x, y, np.ones(len(y)), np.zeros(len(y)), n_trees=15, depth=3, rate=0.2)
    names = ("a", "b", "c")
    text = tr.source({"TREES": trees}, {"TREES": names}, "test module", {"SCOPE": "ctx"})
    module = type("M", (), {})()
    ns: dict = {}
    exec(compile(text, "<generated>", "exec"), ns)  # noqa: S102 - our own generated text
    module.__dict__.update(ns)
    back = tr.load(module, names)
    assert back == trees
    assert ns["SCOPE"] == "ctx"
    assert np.array_equal(tr.predict(back.arrays(), x), tr.predict(trees.arrays(), x))
    # written for other features: not used
    assert tr.load(module, ("a", "b", "other")) is None


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


def test_a_clean_page_keeps_its_prose_and_drops_its_furniture_with_the_trees() -> None:
    text = "\n\n".join([*MENU, "Council approves new city budget", *PARAS, *FOOTER])
    marks = analyze(text)
    lines = text.split("\n")
    kinds = {lines[i]: k for i, k in enumerate(marks.line_kinds) if lines[i]}
    assert [kinds[p] for p in PARAS] == [LineKind.BODY] * len(PARAS)
    assert all(kinds[m] is LineKind.BOILERPLATE for m in MENU + FOOTER)


def _some_trees(names: tuple[str, ...], seed: int) -> tr.Trees:
    """Trees over `names` that move many scores: fitted to a made-up label of a page's
    rows (which line is longer than the page's median), so every split is a real one."""
    k = np.arange(400, dtype=np.float64)
    x = np.stack([np.sin(k * (0.1 + 0.07 * j + seed)) for j in range(len(names))], axis=1)
    y = (x[:, 1] + x[:, len(names) - 1] > 0).astype(np.float64)
    return tr.fit(x, y, np.ones(len(y)), np.zeros(len(y)), n_trees=10, depth=3, rate=0.5)


def _page_lines() -> list[str]:
    return "\n\n".join([*MENU, "Council approves new city budget", *PARAS, *FOOTER]).split("\n")


def test_the_fast_path_scores_as_the_reference_path_with_trees() -> None:
    # `analyze_lines` (cached, fused, what `reader analyze` runs) and `run_stages` (what
    # the trainer fits) must give the same probabilities with trees in either place
    lines = _page_lines()
    saved = (bp._weights.STAGE1, bp._weights.STAGES, bp._TREES, bp._STAGE_TREES,
             bp.TREE_SCOPE, bp._STAGE1_TREES)
    try:
        for kwargs in ({"trees": _some_trees(bp.TREE_FEATURES, 0), "scope": "ctx"},
                       {"trees": _some_trees(bp.TREE_FEATURES, 1), "scope": "last"},
                       {"stage_trees": [_some_trees(bp.STAGE2_FEATURES, 2),
                                        _some_trees(bp.STAGE2_FEATURES, 3)]},
                       {"stage1_trees": _some_trees(bp.LINE_FEATURES, 4)}):
            bp.use_weights(saved[0], saved[1], **kwargs)
            fast = bp.analyze_lines(lines)[3]
            ref = bp.boilerplate_probabilities(lines)[1]
            assert np.allclose(fast, ref, rtol=0, atol=1e-9), kwargs
            bp.use_weights(saved[0], saved[1])
            plain = bp.analyze_lines(lines)[3]
            assert any(abs(a - b) > 1e-6 for a, b in zip(fast, plain, strict=True))
    finally:
        bp.use_weights(saved[0], saved[1], None, saved[4])
        bp._TREES, bp._STAGE_TREES, bp._STAGE1_TREES = saved[2], saved[3], saved[5]
