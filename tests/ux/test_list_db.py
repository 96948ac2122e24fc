"""`reader list CORPUS --db PATH` failed ("unrecognized arguments: --db") though the README
says every command takes `--db`: a user keeping a read-only corpus's annotations elsewhere
passes it everywhere. With it, list reads and keeps its caches beside that file, where the
app keeps them too, and writes nothing beside the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_list_takes_db_and_keeps_its_caches_beside_it(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    db = tmp_path / "elsewhere" / "ann.json"
    db.parent.mkdir()
    assert main(["list", str(seeds_copy), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 2
    assert (db.parent / "ann.repeated.json").exists()
    assert sorted(p.name for p in seeds_copy.iterdir()) == before
    assert main(["list", str(seeds_copy)]) == 0
    assert capsys.readouterr().out == out
