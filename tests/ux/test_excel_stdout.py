"""`reader export -f csv --excel > out.csv` wrote no byte-order mark: --excel did nothing on
stdout, and Excel read the accents of the file as mojibake. The mark now comes first on
stdout as in a file (and never without --excel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.cli import main

REPO = Path(__file__).resolve().parents[2]
BOM = b"\xef\xbb\xbf"


def _export(corpus: Path, *extra: str) -> bytes:
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", str(corpus), "-f", "csv", *extra],
        capture_output=True, check=True, cwd=REPO, timeout=120,
    ).stdout


def test_excel_on_stdout_starts_with_the_byte_order_mark(seeds_copy: Path) -> None:
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    assert main(["tag", str(seeds_copy), first, "café"]) == 0
    excel = _export(seeds_copy, "--excel")
    plain = _export(seeds_copy)
    assert excel.startswith(BOM) and not plain.startswith(BOM)
    assert excel[len(BOM):] == plain
    assert "café".encode() in plain
