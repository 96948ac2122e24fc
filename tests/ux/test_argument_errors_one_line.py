"""`reader tag CORPUS` (arguments missing), `reader export -f pdf` and `reader --bogus`
printed argparse's usage block, three to six lines, above the error: the line that says what
is wrong came last under a wall of brackets. Bad input is one line on stderr, as for every
other bad input, naming where the usage is; status 2 as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(("args", "said"), [
    (("tag", "CORPUS"), "reader tag: error: the following arguments are required: ARTICLE, TAG"),
    (("export", "CORPUS", "-f", "pdf"), "reader export: error: argument --format/-f: invalid "
                                        "choice: 'pdf'"),
    (("--bogus",), "reader: error: unrecognized arguments: --bogus"),
    (("status", "CORPUS", "a.txt", "finished"), "reader status: error: argument status: "
                                                "invalid choice: 'finished'"),
])
def test_a_bad_argument_is_one_line_naming_the_help(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nWords.\n", encoding="utf-8")
    out = reader(*(str(tmp_path) if a == "CORPUS" else a for a in args))
    assert out.returncode == 2
    (line,) = out.stderr.splitlines()
    assert line.startswith(said), line
    prog = said.split(":")[0]
    assert line.endswith(f"(`{prog} --help` shows the usage)")
    assert out.stdout == ""
    assert "usage:" not in out.stderr
