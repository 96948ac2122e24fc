"""In the CSV export, an article row (tags and a status, no highlight) left `coder` empty:
with two coders the spreadsheet held two rows of the same article with different tags and
nothing to say whose they were."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120)


def test_each_coders_tag_row_names_the_coder(seeds_copy: Path, tmp_path: Path) -> None:
    article = _reader("list", str(seeds_copy)).stdout.split("\t")[0]
    for coder, tag in (("ann", "economy"), ("bob", "politics")):
        assert _reader("tag", str(seeds_copy), article, tag, "--coder", coder).returncode == 0
    out = tmp_path / "x.csv"
    done = _reader("export", str(seeds_copy), "-f", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    tags = {r["coder"]: r["tags"] for r in rows if r["kind"] == "article"}
    assert tags == {"ann": "economy", "bob": "politics"}, rows


def test_reader_check_counts_agree_with_their_nouns(seeds_copy: Path) -> None:
    """`reader check` said "1 highlights in 1 articles", "1 corrections"."""
    article = _reader("list", str(seeds_copy)).stdout.split("\t")[0]
    done = _reader("highlight", str(seeds_copy), article, "--start", "0", "--end", "5")
    assert done.returncode == 0, done.stderr
    out = _reader("check", str(seeds_copy)).stdout
    assert "1 highlight in 1 article:" in out and "(schema" in out, out
    assert "1 highlights" not in out and "1 articles" not in out
