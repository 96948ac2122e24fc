"""`reader search`'s default check (reader.search.freshness): what a user does to a corpus
between two searches is found without a stat of every file, and `--update` stats them all.

The corpus has subfolders and the index lives elsewhere (`--db`), as in the 100k bench;
every file and folder is dated an hour back first, so a folder's recorded mtime is a real
one (not "racy") and only the change a test makes can make it differ."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from reader.cli import main
from tests.search.conftest import write

ARTICLES = {
    "news/a.txt": "Storm hits the coast\n\nThe storm surge flooded the harbour.\n",
    "news/b.txt": "Budget talks stall\n\nThe council could not agree on the budget.\n",
    "sport/c.txt": "Cup final tonight\n\nThe home side hopes for a win.\n",
    "sport/d.txt": "Sports roundup\n\nThe home side won again.\n",
    "top.txt": "Weather outlook\n\nSunny spells later in the week.\n",
}


def _age(root: Path) -> None:
    """Date every file and folder an hour back (folders last: touching a file inside one
    does not change it, but keep the order obvious)."""
    past = time.time_ns() - 3600 * 10**9
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            os.utime(Path(folder) / name, ns=(past, past))
        os.utime(folder, ns=(past, past))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(root, name, text)
    _age(root)
    return root


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "db").mkdir()
    return tmp_path / "db" / "annotations.json"


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The searches that listed and stat-ed the whole corpus (the first one must; the
    quick check answers the others)."""
    from reader.commands import search as command

    calls: list[str] = []
    real = command._full_update

    def counted(args, db_path, index):  # type: ignore[no-untyped-def]
        calls.append(args.query)
        return real(args, db_path, index)

    monkeypatch.setattr(command, "_full_update", counted)
    return calls


def run(corpus: Path, db: Path, query: str, *options: str,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, list[list[str]]]:
    """(exit status, rows of the plain output)."""
    rc = main(["search", str(corpus), "--db", str(db), *options, "--", query])
    out = capsys.readouterr().out
    return rc, [line.split("\t") for line in out.splitlines()]


def found(corpus: Path, db: Path, query: str, *options: str,
          capsys: pytest.CaptureFixture[str]) -> list[str]:
    return sorted(r[0] for r in run(corpus, db, query, *options, capsys=capsys)[1])


def _state(db: Path) -> dict[str, int]:
    """The recorded folder mtimes (the state file beside the index)."""
    data = json.loads(db.with_name("annotations.search.sqlite.fresh").read_text())
    return {d: int(m) for d, m in data["dirs"].items()}


def test_the_first_search_records_every_folder(corpus: Path, db: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    state = _state(db)
    assert set(state) == {"", "news/", "sport/"}
    assert state["news/"] == (corpus / "news").stat().st_mtime_ns  # a real, settled mtime


def test_a_file_added_to_a_subfolder_is_found(corpus: Path, db: Path, full_checks: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(corpus, db, "zebra", capsys=capsys)[0] == 1
    write(corpus, "sport/e.txt", "Zoo news\n\nA zebra foal was born on Monday.\n")
    assert found(corpus, db, "zebra", capsys=capsys) == ["sport/e.txt"]
    assert found(corpus, db, "home side", capsys=capsys) == ["sport/c.txt", "sport/d.txt"]
    assert len(full_checks) == 1  # the first search only


def test_a_deleted_file_is_no_longer_a_hit(corpus: Path, db: Path, full_checks: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert found(corpus, db, "council OR storm", capsys=capsys) == ["news/a.txt",
                                                                     "news/b.txt"]
    (corpus / "news/b.txt").unlink()
    assert found(corpus, db, "council OR storm", capsys=capsys) == ["news/a.txt"]
    # and not only because the hit was stat-ed: it is gone from the index
    assert run(corpus, db, "budget", "--no-update", capsys=capsys)[0] == 1
    assert len(full_checks) == 1  # the first search only


def test_a_renamed_file_is_found_under_its_new_name(corpus: Path, db: Path, full_checks: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert found(corpus, db, "sunny", capsys=capsys) == ["top.txt"]
    (corpus / "top.txt").rename(corpus / "news" / "outlook.txt")
    assert found(corpus, db, "sunny", capsys=capsys) == ["news/outlook.txt"]
    assert found(corpus, db, "sunny", "--no-update", capsys=capsys) == ["news/outlook.txt"]
    assert len(full_checks) == 1  # the first search only


def test_a_new_subfolder_is_walked_and_a_removed_one_drops_its_articles(
    corpus: Path, db: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert found(corpus, db, "home", capsys=capsys) == ["sport/c.txt", "sport/d.txt"]
    write(corpus, "archive/2019/old.txt", "An old home game\n\nThe home side lost.\n")
    shutil.rmtree(corpus / "sport")
    assert found(corpus, db, "home", capsys=capsys) == ["archive/2019/old.txt"]
    assert set(_state(db)) == {"", "news/", "archive/", "archive/2019/"}
    # the new folders are watched from now on
    write(corpus, "archive/2019/older.txt", "Older news\n\nThe home crowd cheered.\n")
    assert found(corpus, db, "home", capsys=capsys) == ["archive/2019/old.txt",
                                                        "archive/2019/older.txt"]
    assert len(full_checks) == 1  # the first search only


def test_a_hit_edited_in_place_is_indexed_again_before_it_is_printed(
    corpus: Path, db: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    rc, rows = run(corpus, db, "storm", capsys=capsys)
    assert rows == [["news/a.txt", "Storm hits the coast", "2"]]
    folder = (corpus / "news").stat().st_mtime_ns
    # edited in place: the folder's mtime stays, the article moves its words
    text = ("Storm warning lifted\n\nAfter a calm night the storm is gone. The storm "
            "left debris; a storm drain overflowed.\n")
    (corpus / "news/a.txt").write_text(text, encoding="utf-8")
    assert (corpus / "news").stat().st_mtime_ns == folder
    rc, rows = run(corpus, db, "storm", capsys=capsys)
    assert rows == [["news/a.txt", "Storm warning lifted", "4"]]  # title and hits anew
    assert main(["search", str(corpus), "--db", str(db), "--json", "storm"]) == 0
    (obj,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert obj["hits"] == 4
    for snip in obj["snippets"]:
        assert text[snip["start"]:snip["end"]].lower() == "storm"
    # edited so that it no longer matches: not printed
    (corpus / "news/a.txt").write_text("Calm seas\n\nNothing to report.\n", encoding="utf-8")
    assert run(corpus, db, "storm", capsys=capsys)[0] == 1
    assert found(corpus, db, "calm", capsys=capsys) == ["news/a.txt"]
    assert len(full_checks) == 1  # the first search only


def test_update_catches_an_in_place_edit_of_a_non_hit(
    corpus: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(corpus, db, "zebra", capsys=capsys)[0] == 1
    (corpus / "sport/d.txt").write_text("Sports roundup\n\nA zebra ran onto the pitch.\n",
                                        encoding="utf-8")
    # the default does not stat the files whose folder did not change (documented in
    # --help and README: the price of answering in a tenth of grep's time)
    assert run(corpus, db, "zebra", capsys=capsys)[0] == 1
    assert found(corpus, db, "zebra", "--update", capsys=capsys) == ["sport/d.txt"]
    assert found(corpus, db, "zebra", capsys=capsys) == ["sport/d.txt"]


def test_a_record_appended_to_a_json_lines_file_is_found(
    corpus: Path, db: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    feed = corpus / "news" / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Ferry delays", "text": "Ferry delays\n\nThe "
                                "ferry left late again."}) + "\n", encoding="utf-8")
    _age(corpus)
    assert found(corpus, db, "ferry", capsys=capsys) == ["news/feed.jsonl#1"]
    folder = (corpus / "news").stat().st_mtime_ns
    with feed.open("a", encoding="utf-8") as f:  # a scraper appends
        f.write(json.dumps({"title": "Glacier melt", "text": "Glacier melt\n\nThe glacier "
                            "lost a metre this summer."}) + "\n")
    assert (corpus / "news").stat().st_mtime_ns == folder
    assert found(corpus, db, "glacier", capsys=capsys) == ["news/feed.jsonl#2"]
    assert main(["search", str(corpus), "--db", str(db), "--json", "glacier"]) == 0
    (obj,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert obj["hits"] == 2 and obj["snippets"][0]["text"].lower().count("glacier") >= 1
    assert found(corpus, db, "ferry", capsys=capsys) == ["news/feed.jsonl#1"]
    # a record's snippets are read from its file without listing the corpus
    assert main(["search", str(corpus), "--db", str(db), "--json", "--no-update",
                 "ferry"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["hits"] == 2 and err == ""
    feed.unlink()
    assert run(corpus, db, "ferry OR glacier", capsys=capsys)[0] == 1
    assert len(full_checks) == 1  # the first search only


def test_a_changed_correction_changes_the_scope(
    corpus: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotations.learning import context_of
    from annotations.model import Correction, CorrectionKind, new_id
    from annotations.store import AnnotationStore

    assert found(corpus, db, "council", capsys=capsys) == ["news/b.txt"]
    text = (corpus / "news/b.txt").read_text(encoding="utf-8")
    line = "The council could not agree on the budget."
    n = text.split("\n").index(line) + 1
    with AnnotationStore.open(db) as store:  # what `z` on that line records
        store.add_correction(Correction(
            new_id(), CorrectionKind.LINE_BOILERPLATE.value, "news/b.txt", line=n,
            text=line, value=context_of(text, n, "news/b.txt")))
    assert run(corpus, db, "council", capsys=capsys)[0] == 1  # boilerplate now
    assert found(corpus, db, "in:all council", capsys=capsys) == ["news/b.txt"]


def test_a_corrupt_index_is_rebuilt_and_watched_again(
    corpus: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    index_file = db.with_name("annotations.search.sqlite")
    for f in index_file.parent.glob("annotations.search.sqlite-*"):
        f.unlink()
    index_file.write_bytes(b"this is not a database" * 100)
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    write(corpus, "news/e.txt", "Storm chasers\n\nThey followed the storm all day.\n")
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt", "news/e.txt"]


def test_the_same_index_for_another_folder_is_checked_in_full(
    corpus: Path, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    other = tmp_path / "copy"
    shutil.copytree(corpus, other)
    (other / "news/a.txt").write_text("Calm\n\nNo weather today.\n", encoding="utf-8")
    _age(other)
    assert run(other, db, "storm", capsys=capsys)[0] == 1


def test_a_folder_changed_just_before_the_search_is_listed_again_next_time() -> None:
    from reader.search.freshness import RACY_NS, UNKNOWN, settled

    now = time.time_ns()
    assert settled(now - RACY_NS // 2, now) == UNKNOWN
    assert settled(now - 2 * RACY_NS, now) == now - 2 * RACY_NS


def test_update_and_no_update_together_is_a_usage_error(
    corpus: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = main(["search", str(corpus), "--db", str(db), "--update", "--no-update", "storm"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1


def test_the_annotation_journal_is_watched_under_its_name(db: Path) -> None:
    from annotations.journal import JOURNAL_SUFFIX
    from reader.search.freshness import store_stats

    assert str(db.with_name(db.name + JOURNAL_SUFFIX)) in store_stats(db)


def test_a_search_leaves_the_folder_holding_the_index_as_it_was(
    tmp_path: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The default layout: the index beside the annotation file in the corpus's top
    folder. Were a search to change that folder (SQLite's -wal file coming and going), the
    next would have to list it again, every time."""
    root = tmp_path / "flat"
    for name, text in ARTICLES.items():
        write(root, name.replace("/", "_"), text)
    _age(root)

    def search(query: str) -> list[str]:
        main(["search", str(root), query])
        return sorted(x.split("\t")[0] for x in capsys.readouterr().out.splitlines())

    assert search("storm") == ["news_a.txt"]  # the full check, which writes the index
    search("storm")  # lists the top folder again (the index's writes changed it)
    before = root.stat().st_mtime_ns
    assert search("budget") == ["news_b.txt"]
    assert search("storm") == ["news_a.txt"]
    assert root.stat().st_mtime_ns == before
    assert len(full_checks) == 1
    write(root, "new.txt", "Storm season\n\nAnother storm is due.\n")
    assert search("storm") == ["new.txt", "news_a.txt"]


def test_a_broken_state_file_means_a_full_check(
    corpus: Path, db: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    state = db.with_name("annotations.search.sqlite.fresh")
    state.write_bytes(state.read_bytes()[:40])  # a write cut short
    (corpus / "sport/d.txt").write_text("Sports roundup\n\nA storm stopped play.\n",
                                        encoding="utf-8")
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt", "sport/d.txt"]
    assert len(full_checks) == 2


def test_a_read_without_locks_that_fails_is_made_again_with_them(
    corpus: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    """The index is read in SQLite's immutable mode when no other connection has it
    open; should another process write it meanwhile, the read fails (or would mislead)
    and is made again the usual way, not reported as a traceback."""
    import sqlite3

    from reader.commands import search as command

    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    real = command._search
    failed: list[bool] = []

    def flaky(args, index, *rest):  # type: ignore[no-untyped-def]
        if index.quiet and not failed:
            failed.append(True)
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(args, index, *rest)

    monkeypatch.setattr(command, "_search", flaky)
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    assert failed == [True]


def test_site_and_date_queries_list_the_corpus(
    corpus: Path, db: Path, full_checks: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """site: and date: come from the articles' metadata (records, sidecars,
    metadata.csv), which only listing the corpus gives: such a query makes the full
    check, and sees a sidecar added since."""
    assert found(corpus, db, "storm", capsys=capsys) == ["news/a.txt"]
    (corpus / "news" / "a.txt.json").write_text(
        json.dumps({"url": "https://coast.example.org/storm"}), encoding="utf-8")
    assert found(corpus, db, "site:coast.example.org storm", capsys=capsys) == ["news/a.txt"]
    assert full_checks == ["storm", "site:coast.example.org storm"]
