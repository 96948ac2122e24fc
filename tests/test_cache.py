"""The summary cache: hits only on an unchanged file, silent rebuilds, never a crash."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import orjson
import pytest

from reader.cache import (
    CACHE_VERSION,
    Summary,
    SummaryCache,
    analyse_summaries,
    boilerplate_share,
    cache_path_for,
    summary_batch,
)


def _summary(size: int = 10, mtime: int = 20, title: str = "T", share: float | None = None):
    return Summary(size, mtime, title, 3, share)


def test_cache_path_is_beside_the_annotations(tmp_path: Path) -> None:
    assert cache_path_for(tmp_path / "annotations.json") == tmp_path / "annotations.cache.json"


def test_round_trip_and_hit(tmp_path: Path) -> None:
    path = tmp_path / "a.cache.json"
    cache = SummaryCache(path)
    cache.put("x.txt", _summary())
    assert cache.save() is True
    again = SummaryCache(path)
    assert again.get("x.txt", 10, 20) == _summary()
    assert len(again) == 1 and "x.txt" in again


def test_miss_when_size_or_mtime_changed(tmp_path: Path) -> None:
    cache = SummaryCache(tmp_path / "c.json")
    cache.put("x.txt", _summary(size=10, mtime=20))
    assert cache.get("x.txt", 11, 20) is None
    assert cache.get("x.txt", 10, 21) is None
    assert cache.get("other.txt", 10, 20) is None


def test_save_without_changes_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    assert SummaryCache(path).save() is False
    assert not path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        orjson.dumps({"version": CACHE_VERSION - 1, "entries": {}}),
        orjson.dumps({"version": CACHE_VERSION, "entries": [1]}),
        orjson.dumps({"version": CACHE_VERSION, "entries": {"x.txt": [10, 20]}}),
        orjson.dumps({"version": CACHE_VERSION, "entries": {"x.txt": [10, 20, 5, 3, None, None]}}),
        orjson.dumps({"version": CACHE_VERSION, "entries": {"x.txt": "junk"}}),
        b"\x00\xff\xfe garbage",
    ],
)
def test_broken_cache_is_rebuilt_silently(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(content)
    cache = SummaryCache(path)
    assert cache.get("x.txt", 10, 20) is None  # nothing usable, no exception
    cache.put("x.txt", _summary())
    assert cache.save() is True
    assert SummaryCache(path).get("x.txt", 10, 20) == _summary()


def test_cache_of_other_detectors_is_stale(tmp_path: Path, monkeypatch) -> None:
    """Titles and shares are detector output: retrained weights must not show old ones."""
    import reader.cache as cache_mod

    path = tmp_path / "c.json"
    cache = SummaryCache(path)
    cache.put("x.txt", _summary(title="Old detectors' headline"))
    assert cache.save() is True
    assert SummaryCache(path).get("x.txt", 10, 20) is not None
    monkeypatch.setattr(cache_mod, "_STAMP", "another-version")
    assert SummaryCache(path).get("x.txt", 10, 20) is None


def test_detector_stamp_follows_the_weights(tmp_path: Path, monkeypatch) -> None:
    import shutil

    import reader.cache as cache_mod

    marks = Path(cache_mod.__file__).with_name("marks")
    fake = tmp_path / "reader"
    shutil.copytree(marks, fake / "marks")
    monkeypatch.setattr(cache_mod, "__file__", str(fake / "cache.py"))
    before = cache_mod._detector_stamp()
    assert before == cache_mod.detector_stamp() and before != "unknown"
    with (fake / "marks" / "_weights.py").open("a") as f:
        f.write("\n# retrained\n")
    assert cache_mod._detector_stamp() != before


def test_missing_folder_is_silent(tmp_path: Path) -> None:
    cache = SummaryCache(tmp_path / "nope" / "c.json")
    cache.put("x.txt", _summary())
    assert cache.save() is False
    assert cache.get("x.txt", 10, 20) == _summary()  # still usable in memory


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_does_not_crash(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    cache = SummaryCache(folder / "c.json")
    cache.put("x.txt", _summary())
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert cache.save() is False
        assert cache.dirty  # will try again next time
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_path_does_not_crash(tmp_path: Path) -> None:
    """Also as root: the cache path is a folder, so the atomic rename must fail."""
    path = tmp_path / "c.json"
    path.mkdir()
    (path / "keep").write_text("x")
    cache = SummaryCache(path)
    assert cache.get("x.txt", 10, 20) is None
    cache.put("x.txt", _summary())
    assert cache.save() is False
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]  # no temp file left behind


def test_no_path_keeps_everything_in_memory() -> None:
    cache = SummaryCache(None)
    cache.put("x.txt", _summary())
    assert cache.get("x.txt", 10, 20) == _summary()
    assert cache.save() is False


def test_prune_forgets_articles_that_are_gone(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    cache = SummaryCache(path)
    cache.put("a.txt", _summary())
    cache.put("b.txt", _summary())
    cache.save()
    cache.prune({"a.txt"})
    assert cache.dirty
    cache.save()
    assert "b.txt" not in SummaryCache(path) and "a.txt" in SummaryCache(path)


def test_set_share_only_on_a_fresh_entry(tmp_path: Path) -> None:
    cache = SummaryCache(tmp_path / "c.json")
    cache.put("a.txt", _summary())
    cache.set_share("a.txt", 10, 20, 0.25)
    cache.set_share("a.txt", 99, 20, 0.75)  # the file changed since: ignored
    cache.set_share("gone.txt", 10, 20, 0.5)
    got = cache.get("a.txt", 10, 20)
    assert got is not None and got.share == 0.25
    assert "gone.txt" not in cache


def test_save_while_another_thread_puts(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    cache = SummaryCache(path)
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            cache.put(f"{i}.txt", _summary(mtime=i))
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        for _ in range(20):
            cache.save()
    finally:
        stop.set()
        t.join()
    cache.save()
    assert len(SummaryCache(path)) == len(cache)


def test_boilerplate_share_matches_the_app() -> None:
    from reader.tui.annotate import boilerplate_share as app_share

    text = "Menu\nHeadline\n\nBody text here.\nFooter"

    class FakeMarks:
        boilerplate_lines = [1, 5]

    assert boilerplate_share(text, [1, 5]) == app_share(text, FakeMarks())
    assert boilerplate_share("", [1]) is None


def test_summary_batch_gives_title_words_share_or_error(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Menu | Home | Sign in\n\nStorm hits the coast\n\nThe storm hit the coast "
                    "on Monday, officials said.\n")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    rows = summary_batch([("a.txt", str(good)), ("e.txt", str(empty))], [], 1 << 20)
    (aid, title, words, share, error, quotes), (eid, *_, eerror, _) = rows
    assert (aid, eid) == ("a.txt", "e.txt")
    assert quotes == []  # no quotation in it
    assert title and words and error is None
    assert share is None or 0.0 <= share <= 1.0
    assert eerror == "empty file"


def test_analyse_summaries_nothing_to_do() -> None:
    assert analyse_summaries([], lambda *row: None, lambda: False) is True


def test_analyse_summaries_runs_and_can_be_cancelled(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Title\n\nSome body text.\n")
    got: list[tuple[object, ...]] = []
    assert analyse_summaries([("a.txt", str(f))] * 3, lambda *row: got.append(row),
                             lambda: False, workers=1, in_thread=0) is True
    assert [row[0] for row in got] == ["a.txt"] * 3
    got.clear()
    done = analyse_summaries([("a.txt", str(f))] * 50, lambda *row: got.append(row),
                             lambda: True, batch=1, workers=1, in_thread=0)
    assert done is False
    assert len(got) < 50


def test_scan_lazy_stat_lists_names_only(tmp_path: Path) -> None:
    """Large folders are listed without a stat; the indexer checks sizes and mtimes."""
    from reader.corpus import scan

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "empty.txt").write_bytes(b"")
    eager = scan(tmp_path, lazy_stat_over=5)
    assert [a.id for a in eager.articles] == ["a.txt"] and eager.articles[0].size == 1
    lazy = scan(tmp_path, lazy_stat_over=1)
    assert [a.id for a in lazy.articles] == ["a.txt", "empty.txt"]
    assert {a.size for a in lazy.articles} == {-1} and not lazy.skipped
    assert lazy.articles[0].path == tmp_path.resolve() / "a.txt"
