"""The second look at the headline ranker's two best candidates (`headline_pair`, issue 16
item 4, fifth round): how a pair is described, when the second takes the first place, and
that `reader analyze` and the benches choose through it."""

from __future__ import annotations

import math

import pytest

from reader.marks import _title_weights, analyze
from reader.marks import headline as hl
from reader.marks import headline_pair as hp

REL = {n: j for j, n in enumerate(hp.RELATION_FEATURES)}


def _weights(**named: float) -> list[float]:
    w = [0.0] * len(hl.PAIR_FEATURES)
    for n, v in named.items():
        w[hl.PAIR_FEATURES.index(n)] = v
    return w


def test_pair_row_says_how_the_second_relates_to_the_best() -> None:
    row = hp.pair_row("Bridge fears", "Council to rebuild the corroded harbour bridge.", 5, 6,
                      [1.0, 0.0], [0.5, 1.0], 9.0)
    assert len(row) == len(hp.RELATION_FEATURES) + 2
    assert row[REL["second_right_below"]] == 1.0 and row[REL["second_right_above"]] == 0.0
    assert row[REL["best_short"]] == 1.0 and row[REL["second_short"]] == 0.0
    assert row[REL["second_sentence"]] == 1.0 and row[REL["best_sentence"]] == 0.0
    assert row[REL["margin"]] == hp.MARGIN_CAP / 3.0  # capped
    assert row[REL["words_ratio"]] == pytest.approx(math.log(7 / 2))
    assert row[-2:] == [-0.5, 1.0]  # the second's row minus the best's


def test_top_two_passes_over_ruled_out_lines_and_copies_of_the_best() -> None:
    keys = ["masthead", "head", "head", "dek", "lede"]
    cands = [0, 1, 2, 3, 4]
    scores = [5.0, 4.0, 3.5, 3.0, 1.0]
    assert hp.top_two(scores, cands, keys) == (0, 1)
    # the masthead ruled out: the best is "head", its copy is no rival, the dek is
    assert hp.top_two(scores, cands, keys, lambda k: k == 0) == (1, 3)
    assert hp.top_two(scores, cands, keys, lambda k: k != 4) is None


def test_the_second_takes_the_first_place_only_when_the_second_look_is_sure_enough() -> None:
    # two candidates, the dek right under a short headline; a second look that prefers
    # the line above the best by log-odds z: it wins above SECOND_MIN, not below
    lines = ["Harbour bridge to be rebuilt", "", "Council approves a plan after engineers "
             "find the bridge supports corroded", "", "lede"]
    idx, keys = [0, 2, 4], ["harbour bridge to be rebuilt", "council approves ...", "lede"]
    dim = len(hl.TITLE_FEATURES)

    def row(score: float) -> list[float]:
        return [score] + [0.0] * (dim - 1)

    cands, rows, w = [0, 1, 2], [row(1.0), row(2.0), row(0.0)], [1.0] + [0.0] * (dim - 1)
    assert hl.pick_line(idx, keys, cands, rows, w) == 3  # the ranker alone: the dek
    threshold = math.log(hp.SECOND_MIN / (1 - hp.SECOND_MIN))
    pair_w = _weights(second_above=threshold + 0.1)
    assert hl.pick_line(idx, keys, cands, rows, w, pair_w=pair_w, lines=lines) == 1
    # never for a masthead-like line of glued words, however sure the look is
    glued = hl.TITLE_FEATURES.index("glued")
    rows_glued = [r[:] for r in rows]
    rows_glued[0][glued] = 1.0
    assert hl.pick_line(idx, keys, cands, rows_glued, w, pair_w=pair_w, lines=lines) == 3
    pair_w = _weights(second_above=threshold - 0.1)
    assert hl.pick_line(idx, keys, cands, rows, w, pair_w=pair_w, lines=lines) == 3
    with pytest.raises(ValueError):
        hl.pick_line(idx, keys, cands, rows, w, pair_w=[1.0], lines=lines)


def test_fit_learns_which_pairs_the_second_wins_and_is_deterministic() -> None:
    # the second wins when it is right above the best (a headline under its kicker, say)
    ex = []
    for j in range(40):
        above = j % 2 == 0
        x = [1.0, 0.5, 1.0 if above else 0.0, 0.0 if above else 1.0] + [0.0] * 4
        ex.append((x, above))
    w = hp.fit(ex)
    assert w == hp.fit(ex)
    assert w[2] > 0 > w[3]
    with pytest.raises(ValueError):
        hp.fit([])


def test_analyze_chooses_through_the_committed_second_look(monkeypatch) -> None:
    assert len(_title_weights.PAIR_WEIGHTS) == len(hl.PAIR_FEATURES)
    body = ("The city council voted on Tuesday to rebuild the old harbour bridge after "
            "engineers found that its steel supports had corroded far faster than expected.")
    text = "\n\n".join(["Menu", "Harbour News", "Council to rebuild corroded harbour bridge",
                        "By Jane Smith", body, body.replace("Tuesday", "Monday")])
    lines = text.split("\n")
    assert lines[analyze(text).title_line - 1] == "Council to rebuild corroded harbour bridge"
    # a second look that always prefers the runner-up changes the choice
    monkeypatch.setattr(_title_weights, "PAIR_WEIGHTS", tuple(_weights(bias=10.0)))
    assert lines[analyze(text).title_line - 1] != "Council to rebuild corroded harbour bridge"
