"""The stderr progress bar: drawn for terminals, silent for pipes."""

from __future__ import annotations

import pytest

from reader.progress import Progress


def test_bar_draws_and_finishes(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(3, "reading", show=True)
    for _ in range(3):
        bar.advance()
    err = capsys.readouterr().err
    assert "reading" in err and "3/3" in err and "100%" in err and err.endswith("s\n")


def test_bar_is_silent_when_not_shown(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(3, "reading", show=False)
    bar.advance(3)
    assert capsys.readouterr().err == ""
