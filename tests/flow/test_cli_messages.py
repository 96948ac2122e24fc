"""Small things a command-line user meets: `reader status CORPUS ARTICLE` without a status
prints it (as `reader memo` without --text prints the memo) instead of a usage error;
importing a file that is not an export says so in words, not as a codec error."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

FIRST = "000_4f563db4c078cd2b.txt"


def test_status_without_a_value_prints_it_and_writes_nothing(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", str(seeds_copy), FIRST, "--coder", "ann"]) == 0
    assert capsys.readouterr().out == f"{FIRST}\ttodo\tann\n"
    assert not (seeds_copy / "annotations.json").exists()  # nothing created to read it
    assert main(["status", str(seeds_copy), FIRST, "done", "--coder", "ann"]) == 0
    capsys.readouterr()
    assert main(["status", str(seeds_copy), FIRST, "--coder", "ann"]) == 0
    assert capsys.readouterr().out == f"{FIRST}\tdone\tann\n"
    assert main(["status", str(seeds_copy), FIRST, "--coder", "bob"]) == 0
    assert capsys.readouterr().out == f"{FIRST}\ttodo\tbob\n"  # each coder's own


def test_status_of_an_unknown_article_is_one_line(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", str(seeds_copy), "nope.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no article 'nope.txt'" in err


def test_importing_a_binary_file_says_it_is_not_an_export(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spreadsheet = tmp_path / "coding.json"
    spreadsheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe binary")
    assert main(["import", str(seeds_copy), str(spreadsheet)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is not a reader JSON export" in err and "codec" not in err
