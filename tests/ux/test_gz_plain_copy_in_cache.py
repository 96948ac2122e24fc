"""A `.jsonl.gz` is decompressed into the user cache folder, not beside it.

Opening `news.jsonl.gz` left `.news.jsonl.gz.reader-plain` beside it: a hidden copy three
or four times the size of the file, in the folder the user had compressed to save space
and that their backups copy. One left there by an earlier version is replaced by a copy
in the cache and removed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from reader.cli import main


def _gz_corpus(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "news.jsonl.gz"
    lines = [json.dumps({"id": f"a{i}", "text": f"Headline {i}\n\nBody text number {i}.\n"})
             for i in range(5)]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return path


def _plain_copies(root: Path) -> list[Path]:
    return [p for p in root.rglob("*reader-plain*") if p.is_file()]


def test_the_plain_copy_goes_to_the_cache(
    tmp_path: Path, isolated_home: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    path = _gz_corpus(data)
    assert main(["list", str(path)]) == 0
    assert "Headline 3" in capsys.readouterr().out
    assert _plain_copies(data) == [], "a plain copy was left beside the .jsonl.gz"
    assert len(_plain_copies(isolated_home / ".cache")) == 1
    assert main(["analyze", str(path)]) == 0  # records are read from the cached copy
    assert capsys.readouterr().out.count("\n") == 5


def test_a_copy_left_beside_by_an_earlier_version_is_moved(
    tmp_path: Path, isolated_home: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import reader.jsonl as jsonl

    data = tmp_path / "data"
    path = _gz_corpus(data)
    with monkeypatch.context() as m:  # no cache to write to: the copy goes beside the file
        m.setattr(jsonl, "_fallback", lambda source, suffix: Path("/proc/none") / suffix)
        assert main(["list", str(path)]) == 0
    assert len(_plain_copies(data)) == 1
    capsys.readouterr()
    assert main(["list", str(path)]) == 0
    assert "Headline 3" in capsys.readouterr().out
    assert _plain_copies(data) == []
    assert len(_plain_copies(isolated_home / ".cache")) == 1
