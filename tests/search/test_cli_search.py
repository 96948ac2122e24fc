"""`reader search CORPUS QUERY`: output formats, every operator, exit statuses, and the
index kept up to date (edit, add, delete, corrupt file)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from reader.cli import main
from tests.search.conftest import write

ARTICLES = {
    "a.txt": "Storm hits the coast\n\nThe storm surge flooded Écoles near the harbour.\n"
             "\"We are hell-bent on rebuilding,\" said Kristi Noem.\n\n"
             "Subscribe to our newsletter\n",
    "b.txt": "Budget talks stall\n\nThe council could not agree on the budget.\n"
             "Both sides blamed the storm season for delays.\n",
    "c.txt": "Election results are in\n\nVoters elected a new council on Sunday.\n"
             "\"It is a new dawn,\" said Maria Lopez.\n",
    "d.txt": "Sports roundup\n\nThe home side won again.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(root, name, text)
    return root


def search(corpus: Path, query: str, *options: str,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(["search", str(corpus), *options, "--", query])
    out, err = capsys.readouterr()
    return rc, out, err


def ids(out: str) -> list[str]:
    return [line.split("\t")[0] for line in out.splitlines()]


def test_plain_output_is_id_title_hits(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = search(corpus, "storm", capsys=capsys)
    assert rc == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["a.txt", "Storm hits the coast", "2"]  # a title hit ranks first
    assert rows[1][0] == "b.txt" and rows[1][2] == "1"
    assert len(rows) == 2


def test_json_snippets_point_at_the_match(corpus: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = search(corpus, "ecoles", "--json", capsys=capsys)
    assert rc == 0
    (obj,) = [json.loads(line) for line in out.splitlines()]
    assert obj["file"] == "a.txt" and obj["hits"] == 1
    (snip,) = obj["snippets"]
    text = ARTICLES["a.txt"]
    assert text[snip["start"]:snip["end"]] == "Écoles"
    assert text.split("\n")[snip["line"] - 1].find("Écoles") >= 0
    assert "Écoles" in snip["text"]


def test_no_match_exits_1_and_bad_query_2(corpus: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert search(corpus, "zebra", capsys=capsys)[0] == 1
    rc, out, err = search(corpus, '"unclosed', capsys=capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1 and "quotation" in err
    rc, _, err = search(corpus, "storm OR", capsys=capsys)
    assert rc == 2 and "OR" in err
    rc, _, err = search(corpus, "has:nothing", capsys=capsys)
    assert rc == 2 and "has:" in err
    rc, _, err = search(corpus.parent / "missing", "storm", capsys=capsys)
    assert rc == 2 and "no such" in err


def test_limit(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = search(corpus, "the", "--limit", "2", capsys=capsys)
    assert rc == 0 and len(out.splitlines()) == 2
    assert search(corpus, "the", "--limit", "0", capsys=capsys)[0] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("storm council", ["b.txt"]),
        ('"storm surge"', ["a.txt"]),
        ('"surge storm"', []),
        ("sports OR election", ["c.txt", "d.txt"]),
        ("council -budget", ["c.txt"]),
        ("elect*", ["c.txt"]),
        ("ELECTION", ["c.txt"]),
        ("hell-bent", ["a.txt"]),
        ("ecoles", ["a.txt"]),
        ("newsletter", []),  # boilerplate: not in the default scope
        ("in:all newsletter", ["a.txt"]),
        ("in:title council", []),
        ("in:title budget", ["b.txt"]),
        ('speaker:"Kristi Noem"', ["a.txt"]),
        ("speaker:lopez", ["c.txt"]),
        ("speaker:lopez storm", []),
    ],
)
def test_text_operators(corpus: Path, capsys: pytest.CaptureFixture[str], query: str,
                        expected: list[str]) -> None:
    rc, out, _ = search(corpus, query, capsys=capsys)
    assert sorted(ids(out)) == expected
    assert rc == (0 if expected else 1)


def test_annotation_operators(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(corpus), "b.txt", "foreign policy", "economy"]) == 0
    assert main(["tag", str(corpus), "d.txt", "sport"]) == 0
    text = ARTICLES["c.txt"]
    start = text.index("Voters")
    assert main(["highlight", str(corpus), "c.txt", "--start", str(start), "--end",
                 str(start + 6), "--label", "actor", "--note", "who votes"]) == 0
    start = ARTICLES["a.txt"].index("storm surge")
    assert main(["highlight", str(corpus), "a.txt", "--start", str(start), "--end",
                 str(start + 5), "--label", "claim"]) == 0
    capsys.readouterr()
    cases = {
        'tag:"foreign policy"': ["b.txt"],
        "tag:ECONOMY": ["b.txt"],
        "-tag:sport": ["a.txt", "b.txt", "c.txt"],
        "label:actor": ["c.txt"],
        "-label:actor": ["a.txt", "b.txt", "d.txt"],
        "has:note": ["c.txt"],
        "has:highlight": ["a.txt", "c.txt"],
        "has:highlight -has:note": ["a.txt"],
        "is:todo": ["a.txt", "b.txt", "c.txt", "d.txt"],
        "is:done": [],
        "storm tag:economy": ["b.txt"],
        "tag:sport OR label:claim": ["a.txt", "d.txt"],
    }
    for query, expected in cases.items():
        rc, out, _ = search(corpus, query, capsys=capsys)
        assert sorted(ids(out)) == expected, query
        assert rc == (0 if expected else 1)


def _repeated(corpus: Path) -> frozenset[str] | None:
    """The corpus's repeated lines, as `reader search` found them (from their cache)."""
    from reader.cache import cache_path_for
    from reader.corpus import scan
    from reader.pipeline import RepeatedCache, corpus_repeated, repeated_cache_path_for

    cache = RepeatedCache(repeated_cache_path_for(cache_path_for(corpus / "annotations.json")))
    return corpus_repeated(scan(corpus).articles, 20 * 1024 * 1024, cache)[1]


def _touch_later(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_incremental_update_after_edit_add_delete(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.search.index import SearchIndex

    assert search(corpus, "storm", capsys=capsys)[0] == 0
    index_file = corpus / "annotations.search.sqlite"
    assert index_file.exists()
    _touch_later(corpus / "d.txt", "Sports roundup\n\nA storm stopped the match.\n")
    _touch_later(corpus / "e.txt", "New article\n\nThe zebra crossing is closed.\n")
    (corpus / "b.txt").unlink()
    # only the edited and the added article are indexed again
    index = SearchIndex(index_file)
    index.open()
    from reader.corpus import scan

    jobs, gone = index.stale([(a.id, a.path, a.size, a.mtime_ns)
                              for a in scan(corpus).articles], (), _repeated(corpus))
    index.close()
    # (the others, if the edit changed the repeated lines, are only checked: old stamp)
    assert sorted(j[0] for j in jobs if j[4] is None) == ["d.txt", "e.txt"]
    assert gone == ["b.txt"]
    # the quick check catches the added and the deleted file; an article edited in place
    # that was no hit before is caught by --update (tests/search/test_freshness.py)
    assert ids(search(corpus, "zebra", capsys=capsys)[1]) == ["e.txt"]
    assert search(corpus, "budget", capsys=capsys)[0] == 1
    rc, out, _ = search(corpus, "storm", "--update", capsys=capsys)
    assert sorted(ids(out)) == ["a.txt", "d.txt"]
    assert search(corpus, "sports won", capsys=capsys)[0] == 1  # the old text is gone


def test_corrupt_index_is_rebuilt(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert search(corpus, "storm", capsys=capsys)[0] == 0
    index_file = corpus / "annotations.search.sqlite"
    for f in corpus.glob("annotations.search.sqlite-*"):
        f.unlink()
    index_file.write_bytes(b"this is not a database" * 100)
    rc, out, err = search(corpus, "storm", capsys=capsys)
    assert rc == 0 and sorted(ids(out)) == ["a.txt", "b.txt"] and err == ""


def test_older_index_version_is_rebuilt(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    assert search(corpus, "storm", capsys=capsys)[0] == 0
    db = sqlite3.connect(corpus / "annotations.search.sqlite")
    db.execute("UPDATE meta SET value='0' WHERE key='version'")
    db.execute("DELETE FROM docs")  # an old index would answer nothing
    db.commit()
    db.close()
    assert sorted(ids(search(corpus, "storm", capsys=capsys)[1])) == ["a.txt", "b.txt"]


def test_read_only_corpus_indexes_in_the_user_cache(
    corpus: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    corpus.chmod(0o555)
    try:
        rc, out, _ = search(corpus, "storm", capsys=capsys)
    finally:
        corpus.chmod(0o755)
    assert rc == 0 and not (corpus / "annotations.search.sqlite").exists()
    assert list((isolated_home / ".cache").rglob("search-*.sqlite"))


def test_second_run_does_not_reindex(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.search.index import SearchIndex

    search(corpus, "storm", capsys=capsys)
    index = SearchIndex(corpus / "annotations.search.sqlite")
    index.open()
    from reader.corpus import scan

    repeated = _repeated(corpus)
    jobs, gone = index.stale([(a.id, a.path, a.size, a.mtime_ns)
                              for a in scan(corpus).articles], (), repeated)
    assert (jobs, gone) == ([], [])
    t = time.perf_counter()
    assert index.update([(a.id, a.path, a.size, a.mtime_ns) for a in scan(corpus).articles],
                        repeated=repeated)
    assert time.perf_counter() - t < 1


def test_many_tombstones_trigger_a_rebuild(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Changed articles leave their old postings behind (a contentless index cannot
    delete them); past a share of the live rows the index is built afresh."""
    from reader.corpus import scan
    from reader.search import index as index_module
    from reader.search.index import SearchIndex

    def articles() -> list[tuple[str, Path, int, int]]:
        return [(a.id, a.path, a.size, a.mtime_ns) for a in scan(corpus).articles]

    index = SearchIndex(corpus / "idx.sqlite")
    index.open()
    index.update(articles())
    _touch_later(corpus / "a.txt", "Harbour\n\nNothing about weather.\n")
    index.update(articles())
    assert index._tombstones() == 1
    monkeypatch.setattr(index_module, "REBUILD_SHARE", 0.0001)
    _touch_later(corpus / "b.txt", "Budget talks stall\n\nThe council could not agree on a "
                 "deal for the budget this week.\n")
    index.update(articles())
    assert index._tombstones() == 0
    from reader.filtering import parse

    assert index.search(parse("storm")) == []
    assert index.search(parse("deal")) == ["b.txt"]
    index.close()


def test_no_update_answers_from_the_index_as_it_is(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _, err = search(corpus, "storm", "--no-update", capsys=capsys)
    assert rc == 2 and "no search index" in err
    assert search(corpus, "storm", capsys=capsys)[0] == 0
    _touch_later(corpus / "d.txt", "Sports roundup\n\nA storm stopped the match.\n")
    rc, out, _ = search(corpus, "storm", "--no-update", capsys=capsys)
    assert sorted(ids(out)) == ["a.txt", "b.txt"]  # the edit is not seen
    rc, out, _ = search(corpus, "storm", "--no-update", "--json", capsys=capsys)
    assert sorted(json.loads(x)["file"] for x in out.splitlines()) == ["a.txt", "b.txt"]
    rc, out, _ = search(corpus, "storm", "--update", capsys=capsys)
    assert sorted(ids(out)) == ["a.txt", "b.txt", "d.txt"]


def test_no_match_says_so_on_a_terminal_and_nothing_to_a_script(corpus: Path) -> None:
    """Exit 1 and an empty stdout either way; a person at a terminal gets one line on
    stderr (an empty screen looked like a hang or a crash), a script gets grep's silence."""
    import pty
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "reader", "search", str(corpus), "zebra"]
    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert (piped.returncode, piped.stdout, piped.stderr) == (1, "", "")
    main_fd, tty_fd = pty.openpty()
    try:
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=tty_fd, timeout=120)
        os.close(tty_fd)
        said = b""
        while True:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(main_fd)
    assert run.returncode == 1 and run.stdout == b""
    lines = [ln for ln in said.decode().splitlines() if ln.strip()]
    assert lines == ["no article matches zebra (boilerplate lines are left out: add in:all "
                     "to search them too)"]


@pytest.mark.parametrize("query", ["-", "...", '"  "', "((((", '-"--"', "- ..."])
def test_a_query_without_words_is_an_error_not_every_article(
        corpus: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    """`reader search CORPUS -` printed every article of the corpus (with 0 hits) and
    exited 0: punctuation is not searched, so nothing constrained the query."""
    rc, out, err = search(corpus, query, capsys=capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1 and "nothing to search for" in err


def test_punctuation_beside_a_word_still_searches_the_word(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = search(corpus, "storm -", capsys=capsys)
    assert rc == 0 and ids(out) == ["a.txt", "b.txt"]


def test_an_index_with_no_place_to_go_is_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only corpus and a cache folder that cannot be made (a locked-down home)
    ended in a traceback from mkdir; here the index's folder is under a file."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    rc, out, err = search(corpus, "storm", "--db", str(blocker / "ann.json"), capsys=capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1, err
    assert "cannot keep the search index" in err
