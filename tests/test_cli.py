"""The console script's shared behaviour: help, version, list, and one-line errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from reader.cli import SUBCOMMANDS
from tests.conftest import EVAL, SEED_TITLES


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
    )


def test_help_names_every_subcommand() -> None:
    out = reader("--help")
    assert out.returncode == 0
    for name in SUBCOMMANDS:  # every registered command, those added later included
        assert name in out.stdout


def test_every_subcommand_has_help() -> None:
    for name in SUBCOMMANDS:  # every registered command, those added later included
        out = reader(name, "--help")
        assert out.returncode == 0, (name, out.stderr)
        assert "usage: reader " + name in out.stdout


def test_version() -> None:
    out = reader("--version")
    assert out.returncode == 0 and out.stdout.startswith("reader ")


def test_list_seeds(seeds_copy: Path) -> None:
    out = reader("list", str(seeds_copy))
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert len(lines) == 2
    ids, titles, words = zip(*(line.split("\t") for line in lines), strict=True)
    assert ids == ("000_4f563db4c078cd2b.txt", "004_598cb5278b402db9.txt")
    assert titles[0] == SEED_TITLES[0]
    assert titles[1].startswith(SEED_TITLES[1])
    assert all(w.isdigit() and int(w) > 500 for w in words)


def test_list_reports_skipped_on_stderr(bad_corpus: Path) -> None:
    out = reader("list", str(bad_corpus), "--max-size", "1")
    assert out.returncode == 0
    assert len(out.stdout.splitlines()) == 3
    assert "skipped binary.txt: binary" in out.stderr
    assert "skipped empty.txt: empty file" in out.stderr


def test_missing_corpus_is_one_line_exit_2(tmp_path: Path) -> None:
    for args in (("list", str(tmp_path / "nope")), (str(tmp_path / "nope"),)):
        out = reader(*args)
        assert out.returncode == 2
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
        assert "no such file or folder" in out.stderr
    (tmp_path / "empty").mkdir()
    out = reader("list", str(tmp_path / "empty"))
    assert out.returncode == 2 and "no articles" in out.stderr


def test_list_eval_dev_has_130_articles(tmp_path: Path) -> None:
    dev = EVAL / "boilerplate" / "dev"
    if not dev.is_dir():
        import pytest

        pytest.skip("../shared/eval is not beside the repo")
    # a copy, gold file and all: `reader` keeps its caches beside the corpus, and the
    # benchmark's folder is not ours to write into
    (tmp_path / "dev").mkdir()
    for page in dev.iterdir():  # files one by one: the eval folder itself may be read-only
        if page.is_file():
            shutil.copyfile(page, tmp_path / "dev" / page.name)
    out = reader("list", str(tmp_path / "dev"))
    assert out.returncode == 0
    assert len(out.stdout.splitlines()) == 130


def test_an_unknown_article_id_names_the_one_meant(seeds_copy: Path) -> None:
    # ids are file names, ".txt" and all: typing the stem is the usual slip
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    stem = first.removesuffix(".txt")
    out = reader("tag", str(seeds_copy), stem, "economy")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and f"did you mean {first!r}?" in out.stderr
    out = reader("export", str(seeds_copy), "--article", "zzz-nothing-like-it")
    assert out.returncode == 2 and "did you mean" not in out.stderr
    assert not (seeds_copy / "annotations.json").exists() or "economy" not in (
        seeds_copy / "annotations.json"
    ).read_text(encoding="utf-8")
