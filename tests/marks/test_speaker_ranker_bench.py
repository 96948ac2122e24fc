"""The learned speaker ranker of the sixth speaker round (bench/speaker_ranker.py).

Not used by `reader` (it gained nothing out of set), but its figures are in
bench/README_marks.md, so what they rest on is checked: each quotation remembers the
attribution step that named its speaker, the candidates hold the people a reader would
consider (and nobody), only the label sets that may be read are read, and the fit is a
function of the data alone.
"""

from __future__ import annotations

import importlib.util
import sys

from reader.marks import LineKind, _find_quotes
from reader.marks.speakers import LowerWords
from tests.conftest import ROOT


def _load(name: str):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


PAGE = [
    "Acme opens a bridge",
    "",
    "The mayor, Jane Doe, opened the bridge on Monday with John Roe, the engineer.",
    "",
    "\u201cWe will rebuild the road next,\u201d Doe said.",
    "",
    "\u201cIt took four years.\u201d",
]
KINDS = [LineKind.TITLE, LineKind.BLANK, LineKind.BODY, LineKind.BLANK, LineKind.BODY,
         LineKind.BLANK, LineKind.BODY]


def _quotes():
    return [q for q in _find_quotes(PAGE, KINDS) if not q.turn]


def test_each_quotation_remembers_the_step_that_named_its_speaker() -> None:
    said, carried = _quotes()
    assert (said.speaker, said.step) == ("Jane Doe", "direct")
    assert (carried.speaker, carried.step) == ("Jane Doe", "carry")


def test_candidates_hold_the_people_named_nearby_and_nobody() -> None:
    cands = _load("speaker_candidates")
    quotes = _quotes()
    starts = [0]
    for ln in PAGE:
        starts.append(starts[-1] + len(ln) + 1)
    own = [i for i, k in enumerate(KINDS) if k in (LineKind.BODY, LineKind.TITLE)]
    lower = LowerWords(" ".join(PAGE[i] for i in own))
    found = dict(cands.quote_candidates(quotes, PAGE, starts, own, lower))
    assert sorted(found) == [0, 1]
    second = found[1]
    names = [c.name for c in second]
    assert None in names  # nobody is always a candidate
    assert {"Jane Doe", "John Roe"} <= set(names)
    doe = second[names.index("Jane Doe")]
    # the rules carried Jane Doe to the second quotation, who also spoke the one before
    assert doe.feats[cands._IDX["rule_carry"]] == 1.0
    assert doe.feats[cands._IDX["prev_speaker"]] == 1.0
    roe = second[names.index("John Roe")]
    assert roe.feats[cands._IDX["rule_carry"]] == 0.0


def test_the_fit_is_deterministic_and_learns_which_feature_marks_the_speaker() -> None:
    ranker = _load("speaker_ranker")
    dim = len(ranker.speaker_ranker.FEATURES)
    k = ranker.speaker_ranker._IDX["attr_after"]
    items = []
    for n in range(30):
        right = [0.0] * dim
        right[k] = 1.0
        wrong = [0.0] * dim
        wrong[0] = 1.0 + (n % 3) / 10
        order = [right, wrong] if n % 2 else [wrong, right]
        labels = [1, 0] if n % 2 else [0, 1]
        items.append(("dev", f"p{n}", order, labels, 0))
    w1 = ranker.fit(items)
    assert w1 == ranker.fit(list(items))
    assert ranker.accuracy(items, w1) == (30, 30)
    assert ranker.accuracy(items, None) == (0, 30)


def test_only_the_readable_label_sets_are_read() -> None:
    ranker = _load("speaker_ranker")
    paths = [str(p) for _, p in ranker.SETS.values() if p is not None]
    assert not any("train2" in p or "train3" in p for p in paths)
