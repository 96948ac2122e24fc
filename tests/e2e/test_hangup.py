"""A closed terminal (SIGHUP) ends the app through its normal exit.

Closing the terminal window killed the app outright: the journal kept every saved change,
but a memo still open in the editor was lost, and the view (open article, place) was not
kept for next time. The app now takes SIGHUP as a quit: the memo's text goes to the log.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import EXIT, Tmux, reader_script


def _reader_pid(tmux: Tmux) -> int:
    shell = subprocess.run([*tmux.tmux, "display-message", "-p", "-t", tmux.name,
                            "#{pane_pid}"], capture_output=True, text=True).stdout.strip()
    for _ in range(50):
        out = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
        if out.split():
            return int(out.split()[0])
        time.sleep(0.1)
    raise AssertionError("no reader process under the pane's shell")


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_hangup_keeps_the_open_memo_and_exits(tmux: Tmux, seeds_copy: Path,
                                                tmp_path: Path, sig: int) -> None:
    log = tmp_path / "reader.log"
    tmux.env["READER_LOG"] = str(log)
    tmux.start(f"READER_LOG={log} {reader_script()} {seeds_copy}; "
               "printf 'READER-EXIT:%s:DONE\\n' $?")
    tmux.wait_for(lambda s: "Trump and Kim" in s)
    tmux.send("M")
    tmux.wait_for(lambda s: "Project memo" in s)
    tmux.type("written before the window closed")
    tmux.wait_for(lambda s: "written before the window closed" in s)
    os.kill(_reader_pid(tmux), sig)
    tmux.wait_for(lambda s: EXIT.search(s) is not None)
    assert "written before the window closed" in log.read_text(encoding="utf-8")
