"""A mistyped subcommand is named as one.

`reader analyse news/` answered "unrecognized arguments: news/", and `reader analyse`
"no such file or folder: analyse": neither says the command was misspelt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.mark.parametrize(("typed", "meant"), [
    (["analyse", "corpus"], "analyze"),
    (["analyse"], "analyze"),
    (["tags", "corpus", "a.txt", "x"], "tag"),
    (["exports", "corpus", "--format", "csv"], "export"),
])
def test_a_near_command_name_is_suggested(
    typed: list[str], meant: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert main(typed) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"did you mean `reader {meant}`" in err, err


def test_a_folder_with_a_command_like_name_still_opens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus folder named `lists` is a corpus, not a mistyped `list`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "a.txt").write_text("A title\n\nWords.\n", encoding="utf-8")
    assert main(["lists"]) == 2  # the app needs a terminal here: past the name check
    assert "the app needs a terminal" in capsys.readouterr().err
