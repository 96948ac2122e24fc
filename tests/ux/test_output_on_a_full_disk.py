"""Output that cannot be written (a full disk) is one line on stderr, not a traceback.

`reader list CORPUS > /dev/full` (and `reader export … > out` on a full disk) ended in
"OSError: [Errno 28] No space left on device" under a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["list"], ["export", "--format", "json"]])
def test_a_full_disk_is_one_line(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "a.txt").write_text("A title\n\nWords.\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "reader.cli", "tag", str(tmp_path), "a.txt", "t"],
                   check=True, capture_output=True)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "reader.cli", command[0], str(tmp_path),
                               *command[1:]], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "reader: error: cannot write the output: No space left on device")
