"""`reader check` checks the highlights of the coder you work as. Run under the login
name in a team's corpus it said "0 highlights …, 0 orphaned" and exit 0, which read as
"the store is fine" while the coders' own highlights were never looked at. It now says
whose highlights it left out and how to check them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_check_says_whose_highlights_it_left_out(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    for coder in ("ann", "ann", "bob"):
        assert main(["highlight", str(seeds_copy), first, "--start", "0", "--end", "5",
                     "--coder", coder]) == 0
    capsys.readouterr()
    assert main(["check", str(seeds_copy), "--coder", "carl"]) == 0
    out = capsys.readouterr().out
    assert ("note: other coders' highlights are not checked (ann 2, bob 1); "
            "--coder NAME checks theirs") in out, out
    assert main(["check", str(seeds_copy), "--coder", "ann"]) == 0
    assert "(bob 1)" in capsys.readouterr().out
