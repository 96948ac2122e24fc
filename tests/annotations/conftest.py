"""Fixtures for the annotation tests: a small corpus, a store path, the `reader` CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotations.store import AnnotationStore

from .helpers import ALPHA, BETA, REPO


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "beta.txt").write_text(BETA, encoding="utf-8")
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "db"
    folder.mkdir()
    return folder / "annotations.json"


@pytest.fixture
def store(db_path: Path) -> Iterator[AnnotationStore]:
    s = AnnotationStore.open(db_path)
    yield s
    s.close()


CLI = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def reader_cli(tmp_path: Path) -> CLI:
    """Run `python -m reader ARGS` in a subprocess, with a private user data folder."""

    def run(*args: str, user: int | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "PYTHONPATH": str(REPO)}
        return subprocess.run(
            [sys.executable, "-m", "reader", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            user=user,
        )

    return run
