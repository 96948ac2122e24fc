"""`reader memo CORPUS` printed nothing when the memo was written under another coder's
name (the app run with READER_CODER=ann, the command from a shell without it): it read as
"no memo was ever written". Now stderr names who wrote one; stdout stays empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_an_empty_memo_names_the_coders_who_wrote_one(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["memo", str(seeds_copy), "--text", "PR pieces get 'irrelevant'",
                 "--coder", "ann"]) == 0
    capsys.readouterr()
    assert main(["memo", str(seeds_copy), "--coder", "bob"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "reader: no memo by bob here (memos by ann: --coder NAME prints one)\n"
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    assert main(["memo", str(seeds_copy), first, "--coder", "bob"]) == 0
    assert capsys.readouterr() == ("", "")  # nobody wrote one there: nothing to say
