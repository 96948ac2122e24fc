"""`reader photo.txt` on a file that cannot be read says so, as `reader list` does.

It opened the app on a list of one row, "⚠ photo.txt (binary file …)", and an empty
article pane: nothing to read, nothing to do but quit. `reader list photo.txt` said
"no readable articles" with status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The app command as a browser tab runs it (no terminal needed), and a record of
    the app being started."""
    from reader.tui.app import ReaderApp

    started: list[str] = []
    monkeypatch.setenv("READER_SERVED", "1")
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: started.append("run"))
    monkeypatch.setattr(ReaderApp, "shutdown", lambda self: None)
    return started


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR",
                                     b"\x7fELF\x02\x01\x01\x00" * 40], ids=["png", "elf"])
def test_the_app_on_one_unreadable_file_is_an_error(
    tmp_path: Path, isolated_home: Path, terminal: list[str],
    capsys: pytest.CaptureFixture[str], content: bytes,
) -> None:
    photo = tmp_path / "photo.txt"
    photo.write_bytes(content)
    assert main([str(photo)]) == 2
    assert terminal == []  # the app never started
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no readable articles" in err and "photo.txt" in err, err


def test_the_app_on_one_readable_file_starts(
    tmp_path: Path, isolated_home: Path, terminal: list[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nSome words.\n", encoding="utf-8")
    assert main([str(article)]) == 0
    assert terminal == ["run"]
