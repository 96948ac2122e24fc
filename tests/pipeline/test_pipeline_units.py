"""The pipeline's pieces: the repeated-line evidence, its cache, the summary cache context."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import reader.pipeline as pipeline
from reader.cache import Summary, SummaryCache
from reader.corpus import scan
from reader.pipeline import RepeatedCache, corpus_repeated, repeated_from_counts

MENU = "Home | News | Sport\n\n"


def test_repeated_from_counts_as_reader_analyze_decides() -> None:
    counts = Counter({"menu": 3, "rare": 2})
    assert repeated_from_counts(counts, 5, 3) == frozenset({"menu"})
    assert repeated_from_counts(counts, 2, 3) is None  # fewer articles than the threshold
    assert repeated_from_counts(counts, 5, 0) is None  # turned off


def corpus(tmp: Path, n: int = 4) -> Path:
    root = tmp / "c"
    root.mkdir()
    for i in range(n):
        (root / f"{i}.txt").write_text(MENU + f"Story {i} is here, said someone.\n")
    return root


def test_corpus_evidence_is_cached_and_recounted_after_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus(tmp_path)
    c = scan(root, 1 << 20)
    cache = RepeatedCache(tmp_path / "annotations.repeated.json")
    done, rep = corpus_repeated(c.articles, 1 << 20, cache)
    assert done and rep == frozenset({"home | news | sport"})

    def no_count(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("counted again although nothing changed")

    monkeypatch.setattr(pipeline, "count_corpus_lines", no_count)
    assert corpus_repeated(scan(root, 1 << 20).articles, 1 << 20, cache) == (True, rep)
    monkeypatch.undo()
    (root / "0.txt").write_text("Another page entirely\n")
    (root / "1.txt").write_text("Another page entirely\n")
    done, rep = corpus_repeated(scan(root, 1 << 20).articles, 1 << 20, cache)
    assert done and rep == frozenset()  # the menu is now on 2 pages only
    (tmp_path / "annotations.repeated.json").write_text("not json")
    assert corpus_repeated(scan(root, 1 << 20).articles, 1 << 20, cache)[0]


def test_summary_cache_context_change_makes_shares_provisional(tmp_path: Path) -> None:
    path = tmp_path / "annotations.cache.json"
    cache = SummaryCache(path)
    cache.put("a", Summary(1, 2, "T", 3, 0.5))
    assert cache.set_context("x") == 1  # a new cache: shares found without this evidence
    cache.put("a", Summary(1, 2, "T", 3, 0.5))
    assert cache.save()
    again = SummaryCache(path)
    assert again.set_context("x") == 0 and again.get("a", 1, 2).share == 0.5
    assert again.set_context("y") == 1 and again.get("a", 1, 2).share is None


async def test_app_writes_the_evidence_beside_the_summary_cache(
    tmp_path: Path, isolated_home: Path
) -> None:
    from reader.tui.app import ReaderApp

    root = corpus(tmp_path)
    app = ReaderApp(root)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.repeated == frozenset({"home | news | sport"})
        summary = app.cache.path
    assert summary is not None
    assert summary.with_name(summary.name.replace(".cache.", ".repeated.")).is_file()
    assert summary.with_name(summary.name.replace(".cache.", ".quotes.")).is_file()


def test_counting_in_worker_processes_equals_counting_here(tmp_path: Path) -> None:
    root = corpus(tmp_path, 6)
    items = [(a.id, str(a.path)) for a in scan(root, 1 << 20).articles]
    here = pipeline.count_corpus_lines(items, 1 << 20)
    assert here is not None and here["home | news | sport"] == 6
    assert pipeline.count_corpus_lines(items, 1 << 20, in_thread=0, batch=2) == here
