"""`--scheduler`: analysis and the text export on a real Dask LocalCluster, vs the serial run."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from tests.conftest import SEEDS
from tests.corpora.conftest import DEV

HAVE_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="the dask extra is not installed (pip install -e '.[dask]')"
)


def reader(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          timeout=300)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The seeds, ten dev pages (else copies of the seeds), a JSON Lines file, a bad file."""
    root = tmp_path / "corpus"
    root.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, root / p.name)
    pages = sorted(DEV.glob("*.txt"))[2:12] if DEV.is_dir() else []
    for p in pages:
        shutil.copy(p, root / p.name)
    seeds = sorted(SEEDS.glob("*.txt"))
    with open(root / "wire.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(seeds * 2):
            f.write(json.dumps({"id": f"w{i}", "text": p.read_text(encoding="utf-8"),
                                "url": f"https://example.com/{i}"}) + "\n")
        f.write("{broken\n")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return root


@needs_dask
def test_analyze_on_a_local_cluster_is_the_serial_output(mixed: Path) -> None:
    serial = reader("analyze", str(mixed), "--jobs", "1")
    assert serial.returncode == 0, serial.stderr
    dask = reader("analyze", str(mixed), "--scheduler", "local")
    assert dask.returncode == 0, dask.stderr
    assert dask.stdout == serial.stdout  # the same bytes, in corpus order
    records = [json.loads(line) for line in serial.stdout.splitlines()]
    assert len(records) >= 6 and "wire.jsonl#w3" in {r["file"] for r in records}
    assert b"binary.txt" in dask.stderr and b"wire.jsonl line 5" in dask.stderr


@needs_dask
def test_text_export_on_a_local_cluster_is_the_serial_output(mixed: Path, tmp_path: Path
                                                             ) -> None:
    a, b = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    assert reader("export", str(mixed), "--format", "text", "--jsonl", "-o", str(a)
                  ).returncode == 0
    out = reader("export", str(mixed), "--format", "text", "--jsonl", "-o", str(b),
                 "--scheduler", "local")
    assert out.returncode == 0, out.stderr
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000


def test_without_dask_one_line_error(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as if missing
    assert cli.main(["analyze", str(SEEDS), "--scheduler", "local"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install -e '.[dask]'" in err


def test_scheduler_only_for_text_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", str(SEEDS), "--scheduler", "local"]) == 2
    assert "--scheduler is for --format text" in capsys.readouterr().err
