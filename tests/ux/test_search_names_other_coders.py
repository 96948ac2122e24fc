"""`reader search CORPUS tag:X` found nothing when X was a colleague's tag: tags, statuses
and labels are per coder, and "no article matches tag:nuclear" read as "nobody tagged it"."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def _said_on_a_terminal(cmd: list[str]) -> tuple[int, str]:
    main_fd, tty_fd = pty.openpty()
    try:
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=tty_fd, timeout=120)
        os.close(tty_fd)
        said = b""
        while True:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(main_fd)
    return run.returncode, said.decode()


def test_no_hit_for_a_tag_names_the_coders_who_have_work(seeds_copy: Path) -> None:
    reader = [sys.executable, "-m", "reader"]
    listed = subprocess.run([*reader, "list", str(seeds_copy)], capture_output=True, text=True,
                            timeout=120)
    article = listed.stdout.split("\t")[0]
    tagged = subprocess.run([*reader, "tag", str(seeds_copy), article, "nuclear", "--coder",
                             "bob"], capture_output=True, text=True, timeout=120)
    assert tagged.returncode == 0, tagged.stderr
    code, said = _said_on_a_terminal([*reader, "search", str(seeds_copy), "tag:nuclear",
                                      "--coder", "ann"])
    assert code == 1
    assert "no article matches tag:nuclear" in said and "bob" in said and "--coder" in said
    code, said = _said_on_a_terminal([*reader, "search", str(seeds_copy), "tag:nuclear",
                                      "--coder", "bob"])
    assert code == 0
