"""Every committed weight module is what its trainer writes from the benchmark data, byte
for byte: a weight file edited by hand, trained on data that is not committed, or left
behind by a trainer whose output depends on its own previous output fails here.

Each trainer runs with `--check` (compute, compare with the committed file, write nothing).
Skipped, visibly, when the benchmark is not beside the repository (`../shared/eval`, or
`READER_EVAL`)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EVAL, ROOT

pytestmark = pytest.mark.skipif(
    not (EVAL / "boilerplate" / "dev" / "gold.jsonl").is_file()
    or not (EVAL / "quotes" / "dev" / "gold.jsonl").is_file(),
    reason=f"benchmark data not found at {EVAL}: weight reproduction NOT checked",
)


@pytest.mark.parametrize(
    ("trainer", "weights"),
    [
        ("train_boilerplate", "_weights.py"),
        ("train_headline", "_title_weights.py"),
        ("train_quotes", "_kind_weights.py"),
    ],
)
def test_committed_weights_are_the_trainer_output(trainer: str, weights: str) -> None:
    res = subprocess.run(
        [sys.executable, "-m", f"reader.marks.{trainer}", str(EVAL), "--check"],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert f"{weights}: reproduced byte for byte" in res.stdout
