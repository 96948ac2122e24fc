"""A JSON Lines file that starts with a byte-order mark (PowerShell's `Out-File`, Notepad,
Excel's "UTF-8" save) loses no record.

Its first record was skipped: "line 1: invalid JSON (UTF-8 byte order mark (BOM) is not
supported)".
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.cli import main

LINES = ('{"id": "a", "text": "First\\n\\nThe mayor spoke."}\r\n'
         '{"id": "b", "text": "Second\\n\\nBody two."}\r\n')


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
def test_the_first_record_after_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = b"\xef\xbb\xbf" + LINES.encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert main(["list", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == [f"{name}#a", f"{name}#b"]
    assert "invalid JSON" not in err
    assert main(["search", str(tmp_path), "mayor"]) == 0  # its text is read back whole
    assert capsys.readouterr().out.startswith(f"{name}#a\t")
    start = "First\n\nThe mayor spoke.".index("mayor")
    assert main(["highlight", str(tmp_path), f"{name}#a", "--start", str(start),
                 "--end", str(start + 5)]) == 0


def test_a_sidecar_with_a_byte_order_mark_gives_its_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.txt.json").write_bytes(b'\xef\xbb\xbf{"title": "Sidecar title"}')
    assert main(["list", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("a.txt\tSidecar title\t"), (out, err)
