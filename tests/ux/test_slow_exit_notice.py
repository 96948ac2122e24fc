"""A quit that still waits for a worker thread says so on the terminal, truthfully.

With a 6 MB article being analysed, ctrl+q restored the terminal and then nothing
happened for over a minute. That analysis now runs in a process the quit terminates; a
thread reading a file (slow drive) or analysing a smaller article can still hold the exit
a moment, and the notice must name that, not a large article's analysis.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.tui import exit_notice
from tests.tui.helpers import make_app, settle


def test_the_notice_is_printed_on_the_terminal_after_a_moment(
    capfd: pytest.CaptureFixture[str],
) -> None:
    exit_notice.arm(after=0.05)
    time.sleep(0.3)
    err = capfd.readouterr().err
    assert "your work is saved" in err
    # a large article's analysis is terminated by the quit (reader.apart): never waited for
    assert "large article" not in err
    assert "waiting for a background read" in err


def test_a_prompt_exit_never_shows_it(capfd: pytest.CaptureFixture[str]) -> None:
    timer = exit_notice.arm(after=0.5)
    timer.cancel()  # (what the end of the process does to a daemon timer)
    time.sleep(0.7)
    assert capfd.readouterr().err == ""


async def test_quit_arms_it_only_with_a_terminal(
    seeds_copy: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    armed: list[bool] = []
    monkeypatch.setattr(exit_notice, "arm", lambda *a, **k: armed.append(True))
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert armed == []  # headless: a test's exit prints nothing into other tests' output
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(type(app), "is_headless", property(lambda self: False))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert armed == [True]
