"""`speaker:` finds the speakers the overview counts as one (`speaker_key`), and still
every speaker whose name holds the words asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.search.conftest import write

Q = "\u201cWe will not talk before the summer is over,\u201d"
ARTICLES = {
    "a.txt": f"Talks stall\n\nThe talks stalled again on Monday.\n{Q} the North Korean "
             "government said.\n",
    "b.txt": f"Missiles tested\n\nA test was held on Tuesday.\n{Q} North Korea said.\n",
    "c.txt": f"Bridge to reopen\n\nThe bridge will reopen in May.\n{Q} said Jane Doe.\n",
    "d.txt": f"Port expands\n\nThe port will grow by a third.\n{Q} Doe said.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(root, name, text)
    return root


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # was: ["b.txt"] and ["a.txt"]: the overview's one row "North Korea" found one
        ('speaker:"North Korea"', ["a.txt", "b.txt"]),
        ('speaker:"the North Korean government"', ["a.txt", "b.txt"]),
        ('speaker:"north korean"', ["a.txt", "b.txt"]),
        ('speaker:"jane doe"', ["c.txt"]),
        ('speaker:"Jane Doe"', ["c.txt"]),
        ("speaker:DOE", ["c.txt", "d.txt"]),
        ('speaker:"John Doe"', []),
    ],
)
def test_speaker_operator_matches_as_the_overview_counts(
    corpus: Path, capsys: pytest.CaptureFixture[str], query: str, expected: list[str]
) -> None:
    rc = main(["search", str(corpus), "--", query])
    out, _ = capsys.readouterr()
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == expected
    assert rc == (0 if expected else 1)
