"""A broken `codebook.toml` stops the app with the reason, as it stops every command.

The app fell back to the default labels without a word: a coder highlighted as "claim"
against a codebook whose labels were others, and the first codebook edit (`C`, `a`)
wrote the default codebook over the team's file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

BROKEN = '[[labels]]\nname = "frame"\nkey = "1"\n[[labels]]\nname = "frame"\nkey = "2"\n'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nWords here.\n", encoding="utf-8")
    (folder / "codebook.toml").write_text(BROKEN, encoding="utf-8")
    return folder


def test_the_app_says_what_is_wrong_and_does_not_start(
    corpus: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.tui.app import ReaderApp

    started: list[bool] = []
    monkeypatch.setenv("READER_SERVED", "1")  # (no terminal needed, as for a browser tab)
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: started.append(True))
    monkeypatch.setattr(ReaderApp, "shutdown", lambda self: None)
    assert main([str(corpus)]) == 2
    assert not started
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "codebook.toml" in err and "frame" in err, err
    assert (corpus / "codebook.toml").read_text(encoding="utf-8") == BROKEN  # untouched


def test_commands_say_the_same(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["highlight", str(corpus), "a.txt", "--start", "0", "--end", "5",
                 "--label", "frame"]) == 2
    assert "codebook.toml" in capsys.readouterr().err


def test_control_characters_in_a_codebook_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A label named `evil ESC]0;PWNED BEL` (a teammate's file, a hostile one) set the
    terminal's window title when `C` listed the labels; the app refuses to add such a
    label, so a codebook holding one is broken like any other."""
    (tmp_path / "a.txt").write_text("A title\n\nWords here.\n", encoding="utf-8")
    (tmp_path / "codebook.toml").write_text(
        '[[labels]]\nname = "evil\\u001b]0;PWNED\\u0007x"\nkey = "1"\n', encoding="utf-8")
    assert main(["highlight", str(tmp_path), "a.txt", "--start", "0", "--end", "5",
                 "--label", "evil\x1b]0;PWNED\x07x"]) == 2
    err = capsys.readouterr().err
    assert "control characters" in err and err.count("\n") == 1, err
