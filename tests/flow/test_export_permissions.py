"""Every export gets the umask's permissions, as the README promises: the REFI-QDA project
(`reader export -f qdpx`, `E` in the app) and the coded passages (`e` in `P`) were left
0600 by their temporary file, unreadable to a colleague or a notes app run as another user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.passages import list_passages, write_passages
from annotations.store import AnnotationStore
from reader.cli import main

FIRST = "000_4f563db4c078cd2b.txt"


@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest) -> int:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _coded(seeds_copy: Path) -> AnnotationStore:
    store = AnnotationStore.open(seeds_copy / "annotations.json")
    text = (seeds_copy / FIRST).read_text(encoding="utf-8")
    store.add_highlight(FIRST, text, 0, 20, "claim", "a note")
    return store


def test_qdpx_export_gets_the_umask_permissions(
    seeds_copy: Path, tmp_path: Path, umask: int, capsys: pytest.CaptureFixture[str]
) -> None:
    _coded(seeds_copy).close()
    out = tmp_path / "project.qdpx"
    assert main(["export", str(seeds_copy), "--format", "qdpx", "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_coded_passages_export_gets_the_umask_permissions(
    seeds_copy: Path, tmp_path: Path, umask: int
) -> None:
    store = _coded(seeds_copy)
    passages = list_passages(store, lambda a: a)
    store.close()
    for fmt in ("md", "csv"):
        out = write_passages(passages, tmp_path / f"passages.{fmt}", fmt)
        assert out.stat().st_mode & 0o777 == 0o666 & ~umask
