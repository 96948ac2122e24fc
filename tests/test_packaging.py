"""`pip install .` (not only -e) must ship the seeds and the stylesheet as package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_seeds_and_stylesheet(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    [wheel] = tmp_path.glob("reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert f"reader/seeds/{seed.name}" in names
    assert "reader/tui/reader.tcss" in names
    assert any(n.startswith("annotations/") for n in names)
    scripts = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))
    ).decode()
    assert "reader = reader.cli:main" in scripts
