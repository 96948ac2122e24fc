"""An empty path argument is an error, not a quiet default.

`reader list "$CORPUS"` with the variable unset listed the current folder, `--db "$DB"`
kept the annotations beside the corpus instead, and `-o "$OUT"` wrote the export to the
terminal, each with exit status 0. Now: one error naming the argument, status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.mark.parametrize("args", [
    ["list", ""],
    ["tag", "{c}", "{a}", "x", "--db", ""],
    ["export", "{c}", "-f", "json", "-o", ""],
    ["export", "{c}", "--split", ""],
    ["import", "{c}", ""],
    [""],  # the app: not the bundled sample corpus
    ["{c}", "--db", ""],
    ["serve", ""],
])
def test_an_empty_path_is_refused(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    argv = [a.replace("{c}", str(seeds_copy)).replace("{a}", first) for a in args]
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "an empty path (an unset shell variable?)" in err, err
    assert err.count("\n") == 1, err  # one line (tests/ux/test_argument_errors_one_line.py)
    assert not (seeds_copy / "annotations.json").exists()
