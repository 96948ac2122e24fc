"""What the quotation kind model learns from (seventh kind round): the three readable label
sets, never the blind ones the integrator keeps for a last out-of-sample score; and its
fold bench refuses a folder without the benchmark in one line."""

from __future__ import annotations

import subprocess
import sys

from reader.marks import train_quotes as tq
from tests.conftest import ROOT


def test_the_kind_model_never_reads_the_blind_label_sets() -> None:
    folders = {path.parent.name for _, _, path in tq.LABEL_SETS if path is not None}
    assert folders == {"heldout_quotes", "heldout_quotes_train"}
    assert [name for name, _, _ in tq.LABEL_SETS] == ["dev", "extra", "train"]
    # every readable set is in the repository, so the trainer's output is reproducible
    assert all(path.is_file() for _, _, path in tq.LABEL_SETS if path is not None)


def test_kind_folds_refuses_a_folder_without_the_benchmark(tmp_path) -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "kind_folds.py"), str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "no quotation gold" in res.stderr
    assert "Traceback" not in res.stderr


def test_train_quotes_refuses_a_folder_without_the_benchmark(tmp_path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "reader.marks.train_quotes", str(tmp_path), "--check"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
