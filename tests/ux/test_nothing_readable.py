"""A corpus with nothing readable says why, and every command treats it alike.

`reader empty.txt` said "no articles … in empty.txt (1 skipped)", leaving the user to
guess why; `reader analyze` on files it could not read printed nothing and exited 0, where
`reader list` said "no readable articles" with status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x00\x01\x02" * 50)
    return folder


def test_a_single_empty_file_names_the_reason(
    bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(bad / "empty.txt")]) == 2
    err = capsys.readouterr().err
    assert "empty file" in err and err.count("\n") == 1, err


def test_several_skipped_files_are_named_with_their_reasons(tmp_path: Path) -> None:
    from reader.corpus import open_corpus
    from reader.errors import UserError

    folder = tmp_path / "empties"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    with pytest.raises(UserError, match=r"3 skipped: a.txt: empty file; b.txt: empty file; …"):
        open_corpus(folder)


def test_analyze_with_nothing_readable_is_an_error_as_list_is(
    bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(bad / "binary.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "binary" in captured.err and "no readable articles" in captured.err
