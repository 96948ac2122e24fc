"""CSV: survives csv.reader with hostile text, opens in Excel, never runs a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotations.export import export_to_file
from annotations.export.csvfile import COLUMNS, neutralise
from annotations.model import ArticleState, Highlight
from reader.corpus import read_text, scan

from .helpers import MemoryStore

TEXT = 'Line one, with a comma\nand "quotes" on line two\r\nline three; =SUM(A1:A9)\n'


def _export(
    tmp_path: Path, note: str, label: str = "claim", excel: bool = False
) -> tuple[bytes, list[list[str]]]:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    corpus = scan(root)
    decoded = read_text(corpus.articles[0].path).text  # CRLF folded, as the app sees it
    store = MemoryStore(
        states=[ArticleState("a.txt", ["+tag, with comma", "@home"], "done")],
        hls=[Highlight.create("a.txt", decoded, 0, len(decoded) - 1, label, note)],
    )
    out = export_to_file(corpus, store, "csv", tmp_path / "out.csv", excel=excel)
    raw = out.read_bytes()
    with open(out, encoding="utf-8-sig", newline="") as f:
        return raw, list(csv.reader(f))


def test_round_trips_through_csv_reader(tmp_path: Path) -> None:
    note = 'a note, with "quotes",\nnewlines\n\nand a blank line'
    raw, rows = _export(tmp_path, note)
    assert raw.startswith(b"article,")  # plain UTF-8: pandas, R, csvkit read the header
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 2
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["article"] == "a.txt"
    assert row["text"] == TEXT.replace("\r\n", "\n")[:-1]
    assert row["note"] == note
    assert row["tags"] == "'+tag,-with-comma; @home"  # one spelling: no spaces
    assert row["start"] == "0" and row["end"] == str(len(row["text"]))


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    _, rows = _export(tmp_path, '=HYPERLINK("http://evil","x")', label="-1+1")
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["note"] == '\'=HYPERLINK("http://evil","x")'
    assert row["label"] == "'-1+1"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@")), cell


def test_neutralise() -> None:
    for bad in ("=1", "+1", "-1", "@x", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    for ok in ("", "plain", "a=1", "'quoted"):
        assert neutralise(ok) == ok


def test_stdout_render_has_no_bom() -> None:
    from annotations.export import render
    from annotations.export.data import ExportData

    text = render("csv", ExportData("c", Path("/c"), "now", []))
    assert not text.startswith("\ufeff")
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)


def test_excel_flag_adds_the_bom(tmp_path: Path) -> None:
    raw, rows = _export(tmp_path, "n", excel=True)
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert rows[0] == list(COLUMNS)
