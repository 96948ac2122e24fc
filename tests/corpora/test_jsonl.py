"""JSON Lines corpora: field variants, bad records, ids stable under append, anchoring."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus import open_corpus, read_article, scan
from reader.errors import UserError
from tests.corpora.conftest import BODY, VARIANTS, write_jsonl


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_every_field_variant_and_bad_record(jsonl_corpus: Path) -> None:
    corpus = open_corpus(jsonl_corpus)
    # path order: aa.txt, the file's records in line order, then zz.txt
    assert [a.id for a in corpus.articles] == [
        "aa.txt", "news.jsonl#a1", "news.jsonl#2", "news.jsonl#4", "news.jsonl#7", "zz.txt"
    ]
    a1 = corpus.article("news.jsonl#a1")
    assert a1.display_title == "Harbour budget approved"  # the record's title wins
    assert (a1.url, a1.date, a1.source) == (
        "https://www.example.com/news/1", "2020-02-03T10:00:00Z", "Example Times")
    assert read_article(a1).text == BODY
    second = corpus.article("news.jsonl#2")
    assert read_article(second).text.startswith("Second story")  # maintext
    assert (second.date, second.source) == ("2020-07-01 08:00:00", "news.example.org")
    third = corpus.article("news.jsonl#4")
    assert (third.date, third.source) == ("2019-12-31", "Site C")  # content, published, site
    fourth = corpus.article("news.jsonl#7")
    assert fourth.source == "cbc.ca"  # body; no source given: the URL's host
    assert fourth.display_title == "Fourth story"  # no title: the first line, as for .txt
    reasons = {s.id: s.reason for s in corpus.skipped}
    assert reasons["news.jsonl line 3"].startswith("invalid JSON")
    assert reasons["news.jsonl line 5"] == "not a JSON object (a list)"
    assert reasons["news.jsonl line 6"].startswith("no text")
    assert reasons["news.jsonl line 8"] == "duplicate id 'a1' (first on line 1)"
    assert reasons["news.jsonl line 9"].startswith("no text")
    assert len(reasons) == 5


def test_cli_lists_records_and_reports_bad_lines(jsonl_corpus: Path) -> None:
    out = reader("list", str(jsonl_corpus / "news.jsonl"))
    assert out.returncode == 0, out.stderr
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert rows[0][:2] == ["news.jsonl#a1", "Harbour budget approved"]
    assert [r[0] for r in rows] == ["news.jsonl#a1", "news.jsonl#2", "news.jsonl#4",
                                    "news.jsonl#7"]
    assert "skipped news.jsonl line 3: invalid JSON" in out.stderr
    assert "skipped news.jsonl line 8: duplicate id 'a1'" in out.stderr


def test_text_field_overrides(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", [
        {"id": 1, "text": "the text field", "summary": "Summary one\n\nshort"},
        {"id": 2, "text": "only text"},
    ])
    corpus = open_corpus(path, text_field="summary")
    assert [a.id for a in corpus.articles] == ["t.jsonl#1"]
    assert read_article(corpus.articles[0]).text.startswith("Summary one")
    assert [s.reason for s in corpus.skipped] == ["no 'summary' field"]
    out = reader("list", str(path), "--text-field", "summary")
    assert out.stdout.startswith("t.jsonl#1\tSummary one")
    with pytest.raises(UserError, match="no articles"):
        open_corpus(path, text_field="nothing")


def test_ids_stable_under_append_and_index_reused(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "grow.jsonl", [
        {"text": "one\n"}, {"id": "x", "text": "two\n"}, "bad", {"text": "four\n"},
    ])
    first = scan(path)
    ids = [a.id for a in first.articles]
    assert ids == ["grow.jsonl#1", "grow.jsonl#x", "grow.jsonl#4"]
    # a file opened alone as the corpus keeps its index in the user cache, not beside it
    from reader.jsonl import _fallback

    assert _fallback(path.resolve(), "reader-index").is_file()
    assert not (tmp_path / ".grow.jsonl.reader-index").exists()
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps({"text": "five\n"}) + "\n" + json.dumps({"id": "y", "text": "6"}))
    again = scan(path)
    assert [a.id for a in again.articles] == ids + ["grow.jsonl#5", "grow.jsonl#y"]
    assert [read_article(a).text for a in again.articles] == ["one\n", "two\n", "four\n",
                                                               "five\n", "6"]
    # the last line had no newline: completing it by an append keeps it, with the new one
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n" + json.dumps({"text": "seven"}) + "\n")
    third = scan(path)
    assert [a.id for a in third.articles][-3:] == ["grow.jsonl#5", "grow.jsonl#y",
                                                    "grow.jsonl#7"]
    assert [s.id for s in third.skipped] == ["grow.jsonl line 3"]


def test_record_moved_by_an_edit_is_refused_not_misread(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "e.jsonl", [{"text": "alpha"}, {"text": "beta"}])
    corpus = scan(path)
    write_jsonl(path, [{"text": "alpha, now longer"}, {"text": "beta"}])
    from reader.corpus import ArticleError

    with pytest.raises(ArticleError, match="changed since it was indexed"):
        read_article(corpus.articles[1])
    assert read_article(scan(path).articles[1]).text == "beta"


def test_gzip_file(tmp_path: Path) -> None:
    raw = "".join(json.dumps(r) + "\n" for r in VARIANTS).encode()
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(raw))
    corpus = scan(path)
    assert [a.id for a in corpus.articles][:2] == ["news.jsonl.gz#a1", "news.jsonl.gz#2"]
    assert read_article(corpus.articles[0]).text == BODY
    assert len(corpus.skipped) == 5
    assert read_article(scan(path).articles[0]).text == BODY  # from the saved index


def test_large_file_is_indexed_in_the_background(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl",
                       [{"id": i, "text": f"Story {i}\n\nbody " * 20} for i in range(30_000)])
    corpus = scan(path, background=0.0)
    assert corpus.pending and len(corpus.articles) < 30_000
    corpus.finish_pending()
    assert len(corpus.articles) == 30_000 and not corpus.pending
    assert corpus.article("big.jsonl#29999").record is not None


def test_annotations_survive_an_edit_of_another_record(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "Alpha story\n\nThe mayor said the harbour would reopen."},
        {"text": "Beta story\n\nShort."},
        {"text": "Gamma story\n\nThe council will vote on the budget next week."},
    ]
    path = write_jsonl(tmp_path / "c.jsonl", records)
    text = records[2]["text"]
    start = text.index("the budget")
    out = reader("highlight", str(path), "c.jsonl#3", "--start", str(start),
                 "--end", str(start + len("the budget")), "--label", "claim")
    assert out.returncode == 0, out.stderr
    out = reader("tag", str(path), "c.jsonl#a", "harbour")
    assert out.returncode == 0, out.stderr
    # edit the record between them (longer text): every later record moves in the file
    records[1]["text"] = "Beta story, revised\n\nA much longer body than before, " * 5
    records[1]["title"] = "Beta revised"
    write_jsonl(path, records)
    check = reader("check", str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    out = reader("annotations", str(path), "--json")
    by_id = {a["article"]: a for a in json.loads(out.stdout)["articles"]}
    (hl,) = by_id["c.jsonl#3"]["highlights"]
    assert (hl["text"], hl["status"], hl["start"]) == ("the budget", "exact", start)
    assert by_id["c.jsonl#a"]["tags"] == ["harbour"]


def test_warm_start_reads_the_head_then_the_rest(tmp_path: Path) -> None:
    from reader.jsonl import HEAD_ROWS

    n = HEAD_ROWS + 500
    path = write_jsonl(tmp_path / "warm.jsonl", [{"id": i, "text": f"Story {i}"} for i in
                                                 range(n)])
    assert len(scan(path).articles) == n  # indexes and saves
    quick = scan(path, background=0.25)
    assert len(quick.articles) == HEAD_ROWS and quick.pending
    quick.finish_pending()
    assert [a.id for a in quick.articles] == [f"warm.jsonl#{i}" for i in range(n)]
    assert read_article(quick.articles[-1]).text == f"Story {n - 1}"


async def test_app_lists_records_indexed_in_the_background(tmp_path: Path) -> None:
    from reader.tui.widgets.article_list import ArticleList
    from tests.tui.helpers import make_app, settle

    n = 12_000
    path = write_jsonl(tmp_path / "many.jsonl",
                       [{"id": i, "title": f"Headline {i}", "text": f"Story {i}\n\nBody."}
                        for i in range(n)])
    for _ in range(2):  # without a saved index, then from the saved head
        app = make_app(path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            assert len(app.query_one(ArticleList).indices) == n
            assert app.corpus.article(f"many.jsonl#{n - 1}").display_title == f"Headline {n - 1}"
            assert f"{n:,} articles" in str(app.query_one("#title-bar").render())


def test_a_line_still_being_written_is_read_again_once_complete(tmp_path: Path) -> None:
    path = tmp_path / "live.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b", "id": "q"', encoding="utf-8")  # mid-write
    first = scan(path)
    assert [a.id for a in first.articles] == ["live.jsonl#1"]
    assert [s.id for s in first.skipped] == ["live.jsonl line 2"]
    with open(path, "a", encoding="utf-8") as f:
        f.write('}\n{"text": "c"}\n')
    again = scan(path)
    assert [a.id for a in again.articles] == ["live.jsonl#1", "live.jsonl#q", "live.jsonl#3"]
    assert again.skipped == [] and read_article(again.articles[1]).text == "b"


def test_a_labels_file_beside_the_articles_is_named_once(tmp_path: Path) -> None:
    """A folder of .txt with a labels .jsonl beside them (as the benchmark's dev folder has):
    the labels file is one skipped entry saying why, not one per record."""
    (tmp_path / "a.txt").write_text("A headline\n\nSome body text here.\n", encoding="utf-8")
    write_jsonl(tmp_path / "gold.jsonl", [{"file": f"{n}.txt", "lines": [1]} for n in range(40)])
    corpus = open_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["a.txt"]
    assert [(s.id, s.reason.split(":")[0]) for s in corpus.skipped] == [
        ("gold.jsonl", "not an article file")]
    assert "40 records" in corpus.skipped[0].reason


def test_an_explicit_id_never_takes_another_lines_number(tmp_path: Path) -> None:
    """`"id": 1` on line 2 and line 1 without an id were both `FILE#1`: the later one was
    skipped as a duplicate. Now each has its own id, whichever came first keeps `FILE#N`
    (so annotations made before the clash stay attached), and appends change no id."""
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"text": "Line one story\n\nNo id here."},
        {"id": "a", "text": "Alpha story\n\nWith an id."},
        {"id": 5, "text": "Five story\n\nAn id that is a later line's number."},
    ])
    out = reader("tag", str(path), "c.jsonl#1", "first")
    assert out.returncode == 0, out.stderr
    out = reader("tag", str(path), "c.jsonl#5", "fifth")
    assert out.returncode == 0, out.stderr
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": 1, "text": "Numbered story\n\nThe id 1, on line 4."}) + "\n")
        f.write(json.dumps({"text": "Line five story\n\nNo id, on line 5."}) + "\n")
    corpus = scan(path)
    assert [a.id for a in corpus.articles] == ["c.jsonl#1", "c.jsonl#a", "c.jsonl#5",
                                               "c.jsonl#id:1", "c.jsonl#line:5"]
    assert corpus.skipped == []
    texts = [read_article(a).text.split("\n")[0] for a in corpus.articles]
    assert texts == ["Line one story", "Alpha story", "Five story", "Numbered story",
                     "Line five story"]
    out = reader("annotations", str(path), "--json")
    by_id = {a["article"]: a for a in json.loads(out.stdout)["articles"]}
    assert by_id["c.jsonl#1"]["tags"] == ["first"] and by_id["c.jsonl#5"]["tags"] == ["fifth"]
    assert scan(path).articles[3].id == "c.jsonl#id:1"  # again, from the saved index
    listed = reader("list", str(path))
    assert "c.jsonl#id:1\tNumbered story" in listed.stdout and "skipped" not in listed.stderr
