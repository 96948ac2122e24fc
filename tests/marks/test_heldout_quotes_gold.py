"""The blind quotation sets kept in bench/ are well-formed gold for the benchmark's scorer.

A malformed span (offsets off by one, a kind typed wrong, a speaker on a term, a page that
is not in the train split) would silently change every figure scored on these sets, so the
files are checked here: against the page texts, against the benchmark's own validator
(score_quotes.py exits 2 on malformed gold), and against the label files they are built
from. Without the evaluation data the module skips, saying so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import EVAL, ROOT

TRAIN = EVAL / "boilerplate" / "train"
SCORER = EVAL / "score_quotes.py"
SETS = ("heldout_quotes_train", "heldout_quotes_train2", "heldout_quotes_train3")
MARKS = "\u201c\u201d\"\u2018\u2019\u00ab\u00bb\u201e'"  # ' : straight singles used as marks
pytestmark = pytest.mark.skipif(
    not (TRAIN / "gold.jsonl").is_file(),
    reason=f"evaluation data not found at {EVAL} (expected ../shared/eval beside the repo)",
)


def _gold(name: str) -> list[dict]:
    path = ROOT / "bench" / name / "gold.jsonl"
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _train_records() -> dict[str, dict]:
    with open(TRAIN / "gold.jsonl", encoding="utf-8") as fh:
        return {r["file"]: r for r in map(json.loads, fh)}


@pytest.mark.parametrize("name", SETS)
def test_spans_lie_on_article_lines_of_train_pages(name: str) -> None:
    train = _train_records()
    for rec in _gold(name):
        f = rec["file"]
        assert f in train, f"{name}: {f} is not a page of the train split"
        text = (TRAIN / f).read_bytes().decode("utf-8")
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        prev_end = 0
        for i, q in enumerate(rec["quotes"]):
            where = f"{name} {f} [{i}]"
            assert 0 <= q["start"] < q["end"] <= len(text), where
            assert q["start"] >= prev_end, f"{where}: unsorted or overlapping"
            prev_end = q["end"]
            assert text[q["start"]:q["end"]] == q["text"], where
            assert q["text"][0] in MARKS, f"{where}: does not open with a quotation mark"
            assert q["kind"] in ("speech", "term"), where
            if q["kind"] == "term":
                assert q["speaker"] is None, f"{where}: a term with a speaker"
            else:
                assert q["speaker"] is None or (isinstance(q["speaker"], str)
                                                and q["speaker"].strip()), where
            first = next(k for k in range(len(starts)) if starts[k + 1] > q["start"]) + 1
            last = next(k for k in range(len(starts)) if starts[k + 1] >= q["end"]) + 1
            kinds = {train[f]["labels"].get(str(k)) for k in range(first, last + 1)}
            assert kinds <= {"body", "title", None} and kinds & {"body", "title"}, \
                f"{where}: on lines labelled {kinds}"


@pytest.mark.parametrize("later", (1, 2))
def test_later_sets_are_new_pages_one_per_site(later: int) -> None:
    """Each later set takes pages and web domains that no earlier set has."""
    train = _train_records()

    def site(f: str) -> str:
        url = train[f].get("url")  # a page recorded without its address is a site of its own
        return urlparse(url).hostname.removeprefix("www.") if url else f

    earlier = [r["file"] for k in range(later) for r in _gold(SETS[k])]
    pages = [r["file"] for r in _gold(SETS[later])]
    assert not set(earlier) & set(pages), f"{SETS[later]} reuses pages of an earlier set"
    hosts = [site(f) for f in pages]
    assert len(set(hosts)) == len(hosts), f"{SETS[later]}: two pages from one web domain"
    assert not {site(f) for f in earlier} & set(hosts), \
        f"{SETS[later]}: a web domain of an earlier set"


@pytest.mark.parametrize("name", SETS)
def test_benchmark_scorer_accepts_the_gold_and_scores_it_perfect(name: str,
                                                                  tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip(f"no scorer at {SCORER}")
    gold = ROOT / "bench" / name / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"file": r["file"], "quotes": [
        {k: q[k] for k in ("start", "end", "kind", "speaker")} for q in r["quotes"]]}) + "\n"
        for r in _gold(name)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(TRAIN), str(gold), str(pred),
                          "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    n = sum(len(r["quotes"]) for r in _gold(name))
    assert figures["counts"]["gold"] == figures["counts"]["tp"] == n
    assert figures["counts"]["pred_dropped"] == 0, "a span off the body/title lines"
    assert (figures["f1"], figures["speaker_accuracy"], figures["kind_accuracy"]) == (1, 1, 1)


@pytest.mark.parametrize("name", SETS[1:])
def test_later_sets_rebuild_from_their_label_files(name: str, tmp_path: Path) -> None:
    """gold.jsonl is exactly what the labelling scripts make of the hand labels."""
    tools = ROOT / "bench" / "heldout_quotes_train" / "labelling"
    labels = ROOT / "bench" / name / "labelling"
    files = [r["file"] for r in _gold(name)]
    prop, out = tmp_path / "prop.json", tmp_path / "gold.jsonl"
    subprocess.run([sys.executable, str(tools / "propose.py"), str(TRAIN), str(prop), *files],
                   check=True, timeout=120)
    subprocess.run([sys.executable, str(tools / "build.py"), str(TRAIN), str(prop), str(labels),
                    str(out)], check=True, capture_output=True, timeout=120)
    assert out.read_bytes() == (ROOT / "bench" / name / "gold.jsonl").read_bytes()
