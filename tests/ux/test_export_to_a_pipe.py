"""`reader export -o` a pipe or a device writes to it instead of renaming a file over it.

`-o /dev/stdout` or `-o >(gzip > out.gz)` (a pipe) got nothing: the export was written
beside the target and renamed over it, which replaced the pipe (as root, /dev/stdout or
/dev/null themselves) with a regular file and still said "wrote …".
"""

from __future__ import annotations

import os
import stat
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from reader.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nThe council met.\n", encoding="utf-8")
    assert main(["tag", str(folder), "a.txt", "kept", "--coder", "ann"]) == 0
    return folder


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("fmt", ["csv", "json", "qdpx"])
def test_an_export_into_a_pipe_reaches_the_pipe(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader_end = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # (so the writer's open returns)
    try:
        assert main(["export", str(corpus), "--format", fmt, "-o", str(pipe)]) == 0
        got = _read_all(reader_end)
    finally:
        os.close(reader_end)
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the pipe was replaced by a file"
    if fmt == "qdpx":
        assert "project.qde" in zipfile.ZipFile(BytesIO(got)).namelist()
    else:
        assert b"kept" in got, got[:200]
