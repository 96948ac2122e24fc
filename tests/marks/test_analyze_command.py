"""`reader analyze`: output format, determinism across --jobs, no Textual import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "analyze", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def test_json_lines_in_path_order_and_same_for_any_jobs(seeds_copy: Path) -> None:
    (seeds_copy / "zz_empty.txt").write_text("")
    one = run(str(seeds_copy), "--jobs", "1")
    two = run(str(seeds_copy), "--jobs", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout
    recs = [json.loads(line) for line in one.stdout.splitlines()]
    assert [r["file"] for r in recs] == sorted(r["file"] for r in recs)
    assert "zz_empty.txt" in one.stderr
    for r in recs:
        assert set(r) == {"file", "title_line", "boilerplate_lines", "quotes"}
        text = (seeds_copy / r["file"]).read_text(encoding="utf-8")
        assert 1 <= r["title_line"] <= len(text.split("\n"))
        for q in r["quotes"]:
            assert text[q["start"]] in "“\"‘'«„”"


def test_bad_input_is_a_user_error(tmp_path: Path) -> None:
    res = run(str(tmp_path / "missing"))
    assert res.returncode == 2
    assert res.stderr.startswith("reader: error:")
    assert run(str(tmp_path), "--jobs", "0").returncode == 2


def test_analyze_does_not_import_textual() -> None:
    code = (
        "import sys, reader.commands.analyze, reader.marks; "
        "reader.marks.analyze('“Hi,” he said.'); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.stdout.strip() == "False", res.stderr
