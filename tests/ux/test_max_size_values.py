"""`--max-size` takes a size: `inf` and `nan` ended in a traceback, `0` and `-1` skipped
every file ("larger than the -1.04858e+06 bytes size cap")."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.mark.parametrize("command", [["list"], ["analyze"], []])
@pytest.mark.parametrize("size", ["inf", "nan", "0", "-1", "abc"])
def test_a_size_that_is_not_a_size_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], size: str
) -> None:
    (tmp_path / "a.txt").write_text("A title\n\nSome words.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main([*command, str(tmp_path), "--max-size", size])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (message,) = [line for line in err.splitlines() if "error:" in line]
    assert "--max-size" in message and size in message


def test_a_fractional_size_still_works(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("A title\n\nSome words.\n", encoding="utf-8")
    assert main(["list", str(tmp_path), "--max-size", "0.5"]) == 0
    assert capsys.readouterr().out.startswith("a.txt\tA title\t")
