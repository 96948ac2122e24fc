"""Quitting while a large article is still analysed says so on the terminal.

With a 6 MB article being analysed, ctrl+q restored the terminal and then nothing
happened for over a minute (the event loop waits for the detection thread, which cannot
be interrupted): the coder could not tell a hang from a wait, nor that the work was saved.
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
    assert "your work is saved; finishing the analysis" in capfd.readouterr().err


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
