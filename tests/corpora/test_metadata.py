"""Metadata: sidecars for .txt, site:/date: filters, the header and list (Pilot), exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus import open_corpus
from reader.filtering import Facts, QueryError, filter_indices, help_line, metadata_matcher, parse
from reader.metadata import date_key
from reader.tui.widgets.article_list import ArticleList
from tests.tui.helpers import make_app, settle


def test_txt_sidecar_and_metadata_csv(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.txt", "d.txt"):
        (tmp_path / name).write_text(f"Title of {name}\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.txt.json").write_text(json.dumps(
        {"url": "https://www.side.com/a", "date_publish": "2021-03-04", "title": "Given"}))
    (tmp_path / "d.txt.json").write_text("[1, 2]")
    (tmp_path / "metadata.csv").write_text(
        "ID,url,date,source\n"
        "a.txt,https://csv.example/a,1999-01-01,CSV wire\n"  # the sidecar wins where both
        "sub/c,https://www.csv.example/c,2020/5/6,\n",  # ".txt" may be left off
        encoding="utf-8")
    corpus = open_corpus(tmp_path)
    a, b, c = corpus.article("a.txt"), corpus.article("b.txt"), corpus.article("sub/c.txt")
    assert (a.display_title, a.url, a.date, a.source) == (
        "Given", "https://www.side.com/a", "2021-03-04", "CSV wire")
    assert (b.url, b.date, b.source) == (None, None, None)
    assert (c.url, c.date, c.source) == ("https://www.csv.example/c", "2020/5/6", "csv.example")
    assert {s.id: s.reason for s in corpus.skipped} == {
        "d.txt.json": "metadata ignored: not a JSON object"}


def test_date_keys() -> None:
    assert date_key("2020-01-05T10:00:00Z") == "2020-01-05"
    assert date_key("2020/1/5") == "2020-01-05"
    assert date_key("20200105") == "2020-01-05"
    assert date_key("1577836800") == "2020-01-01"
    assert date_key("yesterday") is None


def test_site_and_date_filters() -> None:
    meta = [("example times https://www.example.com/1", "2020-02-03"),
            ("cbc.ca https://cbc.ca/x", "2020-07-01"),
            (None, None),
            ("example.org", "2019-12-31")]
    titles = ["a", "b", "c", "d"]

    def run(q: str) -> list[int]:
        facts = Facts(metadata=metadata_matcher(meta.__getitem__, len(meta)))
        return filter_indices(parse(q), titles, lambda i: [], lambda i: "todo", facts=facts)

    assert run("site:example") == [0, 3]
    assert run("site:CBC") == [1]
    assert run("date:2020-01..2020-06") == [0]
    assert run("date:2020") == [0, 1]
    assert run("date:..2020-02") == [0, 3]
    assert run("date:2020-07.. site:cbc") == [1]
    assert run("site:example b") == []
    with pytest.raises(QueryError, match="'notadate' is not a date; date: takes"):
        run("date:notadate")  # (it was searched as words, with a hint about words)
    assert run("-site:example") == [1, 2]
    assert run("site:cbc OR date:2019") == [1, 3]
    with pytest.raises(QueryError, match="date: takes"):
        parse('date:"last week"')
    assert "site:NAME" in help_line() and "date:FROM..TO" in help_line()


def _rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    lst = app.query_one(ArticleList)
    return [lst.render_line(y).text for y in range(len(lst.indices))]


async def test_metadata_in_list_header_and_filters(jsonl_corpus: Path) -> None:
    app = make_app(jsonl_corpus)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(app, pilot)
        rows = _rows(app)
        first = next(r for r in rows if "Harbour budget approved" in r)
        assert "Example Times" in first and "2020-02-03" in first
        assert "cbc.ca" in next(r for r in rows if "Fourth story" in r)
        await pilot.press("j", "enter")
        await settle(app, pilot)
        header = str(app.query_one("#article-header").render())
        assert "Example Times · 2020-02-03T10:00:00Z · https://www.example.com/news/1" in header
        assert "12 words" in header  # the facts row is still there
        await pilot.press("tab", "slash")
        for ch in "date:2020-01..2020-06":
            await pilot.press(ch)
        await pilot.pause()
        assert [r.split()[0] for r in _rows(app)] == ["Harbour"]
        app.query_one("#filter").value = "site:example"
        await pilot.pause()
        assert len(_rows(app)) == 2  # example.com and news.example.org
    narrow = make_app(jsonl_corpus)
    async with narrow.run_test(size=(80, 30)) as pilot:
        await settle(narrow, pilot)
        first = next(r for r in _rows(narrow) if "Harbour" in r)
        assert "Example Times" not in first  # the columns yield to the title
        assert "Harbour budget app" in first


def test_exports_carry_metadata(jsonl_corpus: Path, tmp_path: Path) -> None:
    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                              text=True, timeout=120)

    corpus = str(jsonl_corpus)
    assert reader("tag", corpus, "news.jsonl#a1", "harbour").returncode == 0
    assert reader("highlight", corpus, "news.jsonl#a1", "--start", "0", "--end", "7",
                  "--label", "claim").returncode == 0
    doc = json.loads(reader("export", corpus, "--format", "json").stdout)
    (art,) = doc["articles"]
    assert (art["url"], art["date"], art["source"]) == (
        "https://www.example.com/news/1", "2020-02-03T10:00:00Z", "Example Times")
    md = reader("export", corpus).stdout
    assert "- **Url:** https://www.example.com/news/1" in md and "Example Times" in md
    csv_out = reader("export", corpus, "--format", "csv").stdout.splitlines()
    assert csv_out[0].endswith(",url,date,source")
    assert csv_out[1].endswith(",https://www.example.com/news/1,2020-02-03T10:00:00Z,Example Times")
    ld = json.loads(reader("export", corpus, "--format", "jsonld").stdout)
    assert ld["first"]["items"][0]["target"]["scope"] == "https://www.example.com/news/1"
    out = tmp_path / "clean.jsonl"
    assert reader("export", corpus, "--format", "text", "--jsonl", "-o", str(out)).returncode == 0
    rows = {r["article"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["news.jsonl#a1"]["source"] == "Example Times"
    assert "url" not in rows["aa.txt"]
    folder = tmp_path / "clean"
    assert reader("export", corpus, "--format", "text", "-o", str(folder)).returncode == 0
    assert (folder / "news.jsonl" / "a1.txt").is_file()


def test_reader_search_filters_by_site_and_date(jsonl_corpus: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "search", str(jsonl_corpus),
                          "site:example date:2020"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert [line.split("\t")[0] for line in out.stdout.splitlines()] == [
        "news.jsonl#a1", "news.jsonl#2"]
