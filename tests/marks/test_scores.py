"""The benchmark figures of `reader analyze` on the dev split, via the official scorers.

Two levels: FLOORS are what the current detectors reach (minus a small margin), so a change
that makes things worse fails; TARGETS are the issue's goals, all reached, asserted too.
Without the evaluation data (../shared/eval, or READER_EVAL) the module skips, saying so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import EVAL, ROOT

DEV = EVAL / "boilerplate" / "dev"
QUOTES_GOLD = EVAL / "quotes" / "dev" / "gold.jsonl"
pytestmark = pytest.mark.skipif(
    not (DEV / "gold.jsonl").is_file() or not QUOTES_GOLD.is_file(),
    reason=f"evaluation data not found at {EVAL} (expected ../shared/eval beside the repo)",
)

FLOORS = {
    "line_f1": 0.972,
    "char_f1": 0.926,
    "body_kept": 0.985,
    # (in-sample 123/130 = 0.946 since issue 16's third headline round: candidates 8 lines
    # past the article start, `first_copy` dropped, both judged out of fold; one page of
    # margin)
    "headline": 0.935,
    "quote_f1": 0.99,
    "speaker": 0.91,
    # (0.948 since issue 16: the kind model leans further towards speech, a choice made on
    # the extra labels of bench/heldout_quotes, not on dev, where it costs 4 spans)
    "kind": 0.94,
}
TARGETS = {
    "line_f1": 0.95,
    "char_f1": 0.90,
    "body_kept": 0.98,
    "headline": 0.93,  # issue 16's headline target (set there for the held-out split)
    "quote_f1": 0.99,
    "speaker": 0.90,
    "kind": 0.90,
}


@cache
def figures() -> dict[str, float]:
    import shutil
    import tempfile

    # analysed in a copy of the pages: `reader analyze` keeps its caches beside the corpus,
    # and the benchmark's folder is not ours to write into
    with tempfile.TemporaryDirectory() as tmp:
        for page in DEV.glob("*.txt"):
            shutil.copyfile(page, Path(tmp) / page.name)
        pred = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", tmp],
            capture_output=True, text=True, cwd=ROOT, check=True, timeout=300,
        ).stdout

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(pred)
        path = f.name
    bp = json.loads(subprocess.run(
        [sys.executable, str(EVAL / "score_boilerplate.py"), str(DEV), path, "--json"],
        capture_output=True, text=True, check=True,
    ).stdout)["micro"]
    qs = json.loads(subprocess.run(
        [sys.executable, str(EVAL / "score_quotes.py"), str(DEV), str(QUOTES_GOLD), path,
         "--json"],
        capture_output=True, text=True, check=True,
    ).stdout)
    titles = {}
    with open(DEV / "gold.jsonl", encoding="utf-8") as g:
        for raw in g:
            o = json.loads(raw)
            titles[o["file"]] = next(int(k) for k, v in o["labels"].items() if v == "title")
    got = {r["file"]: r["title_line"] for r in map(json.loads, pred.splitlines())}
    headline = sum(got.get(f) == t for f, t in titles.items()) / len(titles)
    return {
        "line_f1": bp["line_f1"],
        "char_f1": bp["char_f1"],
        "body_kept": bp["body_retention"],
        "headline": headline,
        "quote_f1": qs["f1"],
        "speaker": qs["speaker_accuracy"],
        "kind": qs["kind_accuracy"],
    }


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_regression(name: str) -> None:
    assert figures()[name] >= FLOORS[name], figures()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_issue_target(name: str) -> None:
    """Every goal of the issue is met today, so each is a plain assertion: falling below
    one fails (it used to xfail below and assert nothing above, so it could not fail)."""
    assert figures()[name] >= TARGETS[name], figures()
