"""`reader analyze`: output format, determinism across --jobs, no Textual import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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


def _break_on(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    """Make detection raise on any text containing `word` (an internal bug on one page)."""
    import reader.marks as marks

    real = marks._analyze

    def failing(text: str, *args: object, **kwargs: object) -> object:
        if word in text:
            raise RuntimeError("detector bug")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(marks, "_analyze", failing)


@pytest.mark.parametrize("small", [True, False])
def test_a_detector_error_names_the_article_and_exits_1(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    small: bool,
) -> None:
    from reader import cli
    from reader.commands import analyze as command

    if not small:  # through the worker pool as well as in this process
        monkeypatch.setattr(command, "SMALL_CORPUS_BYTES", 0)
    (seeds_copy / "broken.txt").write_text("A page.\n\nKABOOM here.\n", encoding="utf-8")
    _break_on(monkeypatch, "KABOOM")
    status = cli.main(["analyze", str(seeds_copy), "--jobs", "1" if small else "2"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "broken.txt" in err and "detection failed" in err
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert "broken.txt" not in files  # never printed as "nothing marked"
    assert len(files) == len(list(seeds_copy.glob("*.txt"))) - 1


def test_failed_marks_say_so() -> None:
    from reader.marks import analyze

    assert analyze("“Hi,” he said.\n").error is None
    broken = analyze(None)  # type: ignore[arg-type]  # any internal failure
    assert broken.error and broken.title_line is None


def test_jobs_default_is_the_cpus_this_process_may_use() -> None:
    import argparse
    import os

    from reader.commands import analyze as command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert parser.parse_args(["x"]).jobs is None  # resolved at run time:
    assert command.usable_cpus() == len(os.sched_getaffinity(0))


def test_small_corpus_runs_in_process(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from reader import cli

    def no_pool(*a: object, **k: object) -> None:
        raise AssertionError("a worker pool was started for a small corpus")

    monkeypatch.setattr(multiprocessing.context.BaseContext, "Pool", no_pool)
    assert cli.main(["analyze", str(seeds_copy), "--jobs", "4"]) == 0
