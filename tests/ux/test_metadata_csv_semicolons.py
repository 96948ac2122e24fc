"""A `metadata.csv` saved by a spreadsheet in a European locale (semicolons, a byte-order
mark, CRLF) gives its metadata, as a comma-separated one does.

`id;title;url` was read as one column named "id;title;url": "metadata ignored: no 'id'
column in the header row", though the file has one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_the_separator_is_the_one_the_header_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sep: str
) -> None:
    (tmp_path / "a.txt").write_text("Title from the text\n\nBody.\n", encoding="utf-8")
    rows = [["id", "title", "url"], ["a.txt", "Title, from the sheet", "https://x.example/a"]]
    lines = [sep.join(f'"{c}"' if "," in c and sep == "," else c for c in r) for r in rows]
    (tmp_path / "metadata.csv").write_bytes(("\r\n".join(lines) + "\r\n")
                                            .encode("utf-8-sig"))
    assert main(["list", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("a.txt\tTitle, from the sheet\t"), (out, err)
    assert "metadata ignored" not in err
