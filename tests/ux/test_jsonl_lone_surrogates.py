"""A JSON Lines record whose text holds a lone surrogate escape (`\\ud83d`: an emoji cut
in half by a scraper that truncated a JavaScript string) is an article, not "invalid JSON".

The escape is valid JSON syntax; only its character cannot be written in UTF-8. The whole
record was skipped ("invalid JSON (no low surrogate in string)"): one bad character lost
an article. It is read with U+FFFD in its place (one character for one, so offsets hold).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

LINE = ('{"id": "a", "text": "Cut emoji\\n\\nThe mayor said \\ud83d and left. '
        'Whole \\ud83d\\ude00 ok."}\n')


def test_the_record_is_read_with_a_replacement_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.jsonl").write_text(LINE, encoding="utf-8")
    assert main(["list", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("news.jsonl#a\tCut emoji\t"), (out, err)
    assert main(["search", str(corpus), "mayor"]) == 0
    assert capsys.readouterr().out.startswith("news.jsonl#a\t")
    text = "Cut emoji\n\nThe mayor said \ufffd and left. Whole \U0001f600 ok."
    start = text.index("mayor")
    assert main(["highlight", str(corpus), "news.jsonl#a", "--start", str(start),
                 "--end", str(start + 5), "--label", "claim"]) == 0
    capsys.readouterr()
    assert main(["export", str(corpus), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    (highlight,) = exported["articles"][0]["highlights"]
    assert highlight["exact"] == "mayor"
