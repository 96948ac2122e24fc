"""The committed headline ranker is dev's ranker blended with one fitted on the train split
(issue 16, item 4, fourth round): synthetic pages, no benchmark data needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.marks import headline as hl
from reader.marks import train_headline as th
from tests.conftest import ROOT


def _row(**feats: float) -> list[float]:
    return [feats.get(n, 0.0) for n in hl.TITLE_FEATURES]


def test_blend_takes_the_train_split_share_of_its_weights() -> None:
    dev = [1.0] * len(hl.TITLE_FEATURES)
    other = [-1.0] * len(hl.TITLE_FEATURES)
    assert th.blend(dev, other, 0.0) == dev
    assert th.blend(dev, other, 0.25) == pytest.approx([0.5] * len(dev))
    assert 0.0 < th.TRAIN_BLEND < 0.5  # dev, the kind of page the held-out split holds, leads
    with pytest.raises(ValueError):
        th.blend(dev, other[:-1])


def test_a_blended_ranker_follows_dev_where_the_two_disagree() -> None:
    # dev pages: the headline is the line with the article's words; "train" pages: the line
    # followed by a byline; at the committed share the blend still picks as dev does where
    # the two cues point at different lines, while leaning towards the train pages' cue
    dev_pages = [([_row(body_cover=1.0), _row(next_meta=1.0), _row()], 0)] * 4
    train_pages = [([_row(body_cover=1.0), _row(next_meta=1.0), _row()], 1)] * 4
    w_dev = th.train(dev_pages)
    w = th.blend(w_dev, th.train(train_pages))
    page = [_row(body_cover=1.0), _row(next_meta=1.0)]
    assert hl.choose([0, 1], page, w) == 0
    j = hl.TITLE_FEATURES.index("next_meta")
    assert w_dev[j] < w[j]


def test_trainer_help_names_the_blend_option() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reader.marks.train_headline", "--help"],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=60,
    ).stdout
    assert "--blend=S" in out and "train split" in out
