"""Reading a corpus leaves nothing in the user's folders that they did not ask for.

- A `gold.jsonl` of labels among the `.txt` articles is no article file: it is skipped with
  a notice, and its index (`.gold.jsonl.reader-index`, `.reader-head`) no longer appears
  beside it; one an earlier version left there is moved to the user cache folder.
- A single file opened as the corpus (`reader analyze news.jsonl`, `reader list a.txt`)
  sits among the user's other files: its caches go to the user cache folder, not beside it.
- The app opened the annotation store for writing and created `annotations.json.lock` at
  start, even when the coder only read: the lock appears with the first change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.helpers import make_app, press, settle

TEXT = "Harbour budget approved\n\nThe council said \"we will build it\" on Monday.\n"


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def with_gold(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for i in range(3):
        (root / f"{i}.txt").write_text(TEXT, encoding="utf-8")
    (root / "gold.jsonl").write_text(
        "".join(json.dumps({"file": f"{i}.txt", "labels": {"1": "title"}}) + "\n"
                for i in range(3)), encoding="utf-8")
    return root


def test_a_labels_jsonl_among_articles_is_skipped_and_gets_no_index_beside_it(
    with_gold: Path,
) -> None:
    out = reader("analyze", str(with_gold))
    assert out.returncode == 0, out.stderr
    assert "gold.jsonl: not an article file" in out.stderr
    assert not any(".reader-" in n for n in _names(with_gold)), _names(with_gold)
    again = reader("list", str(with_gold))
    assert "gold.jsonl: not an article file" in again.stderr  # (still said, from the cache)
    assert not any(".reader-" in n for n in _names(with_gold))


def test_an_index_left_beside_a_labels_file_by_an_earlier_version_is_moved(
    with_gold: Path,
) -> None:
    from reader.corpus import scan
    from reader.jsonl import open_indexer

    indexer = open_indexer(with_gold / "gold.jsonl", "gold.jsonl", None, 1 << 20)
    indexer.run()
    hidden = with_gold / ".gold.jsonl.reader-index"
    indexer.beside, indexer.rows = True, [[0]]  # (as the old rule wrote it)
    indexer.save()
    assert hidden.is_file()
    corpus = scan(with_gold)
    assert [s.id for s in corpus.skipped] == ["gold.jsonl"]
    assert not hidden.exists()
    assert not (with_gold / ".gold.jsonl.reader-head").exists()


def test_a_single_file_corpus_caches_nothing_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in range(3)),
                    encoding="utf-8")
    one = folder / "one.txt"
    one.write_text(TEXT, encoding="utf-8")
    before = _names(folder)
    for args in (["analyze", str(news)], ["list", str(news)], ["search", str(news), "harbour"],
                 ["list", str(one)], ["search", str(one), "council"]):
        out = reader(*args)
        assert out.returncode == 0, (args, out.stderr)
        assert _names(folder) == before, (args, _names(folder) - before)
    found = reader("search", str(news), "harbour")  # (the caches elsewhere still answer)
    assert found.stdout.count("news.jsonl#") == 3


async def test_the_app_creates_the_lock_file_only_when_something_is_saved(
    tmp_path: Path, isolated_home: Path
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "j", "k")
        assert not (root / "annotations.json.lock").exists()
        app.shutdown()  # what quitting runs: the journal's fold took the lock to find nothing
    assert not (root / "annotations.json.lock").exists()
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "d")  # a change: the lock guards it
        await settle(app, pilot)
    assert (root / "annotations.json.lock").exists()
    assert app.store.store.article_state("a.txt").status == "done"
