"""`--db /proc/x.json` (or a store whose lock file cannot be made) waited ~30 s and then
blamed another process ("locked by another process"). filelock retries every failure to
open its file until the timeout. It now fails at once, exit 2, with one line naming the
real reason, and nothing is written anywhere."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.errors import StoreReadOnlyError
from annotations.store import AnnotationStore


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def corpus(tmp_path: Path, isolated_home: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Harbour budget approved.\n", encoding="utf-8")
    return root


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_db_in_proc_fails_at_once_naming_the_reason(corpus: Path) -> None:
    started = time.monotonic()
    out = reader("tag", str(corpus), "a.txt", "harbour", "--db", "/proc/x.json")
    assert time.monotonic() - started < 15  # (was the 30 s lock timeout)
    assert out.returncode == 2
    (line,) = out.stderr.splitlines()
    assert "cannot create" in line and "/proc/x.json" in line
    assert "another process" not in line


def test_a_lock_file_that_cannot_be_opened_is_named(corpus: Path) -> None:
    db = corpus / "notes.json"
    (corpus / "notes.json.lock").mkdir()  # (what no process could ever lock)
    started = time.monotonic()
    out = reader("tag", str(corpus), "a.txt", "harbour", "--db", str(db))
    assert time.monotonic() - started < 15
    assert out.returncode == 2
    (line,) = out.stderr.splitlines()
    assert "cannot create its lock file notes.json.lock" in line
    assert "another process" not in line
    assert not db.exists()


def test_the_app_opens_such_a_store_read_only_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "s.json.lock").mkdir()
    with pytest.raises(StoreReadOnlyError, match="cannot create its lock file"):
        AnnotationStore.open(tmp_path / "s.json", lock_timeout=30)
    store = AnnotationStore.open(tmp_path / "s.json", readonly_ok=True, lock_timeout=30)
    assert store.readonly
    assert "cannot create its lock file" in (store.readonly_reason or "")
