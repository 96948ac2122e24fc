"""`bench/score_heldout_quotes.py` scores the blind train sets only when asked for by name.

The later blind sets are worth something only while nothing is tuned on them, so `--set all`
(run by habit after a change) must leave them out, and `--set train3` must score exactly
the third set. The scoring itself (running `reader analyze`) is replaced here by a record
of what would have been scored.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _load():
    spec = importlib.util.spec_from_file_location(
        "score_heldout_quotes", ROOT / "bench" / "score_heldout_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("choice", "expected"), [
    ("all", ["dev", "heldout_quotes_train"]),
    ("train2", ["heldout_quotes_train2"]),
    ("train3", ["heldout_quotes_train3"]),
])
def test_blind_sets_are_scored_only_by_name(choice: str, expected: list[str],
                                            tmp_path: Path, monkeypatch) -> None:
    module = _load()
    scored: list[str] = []
    monkeypatch.setattr(module, "score_dev", lambda *a, **k: scored.append("dev"))
    monkeypatch.setattr(module, "score_train", lambda eval_dir, scorer, tmp,
                        set_dir="heldout_quotes_train", title="": scored.append(set_dir))
    (tmp_path / "score_quotes.py").write_text("")
    assert module.main([str(tmp_path), "--set", choice]) == 0
    assert scored == expected
    assert (ROOT / "bench" / "heldout_quotes_train3" / "gold.jsonl").is_file()
