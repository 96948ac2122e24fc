"""Quitting while a large article is analysed is immediate, and keeps the work.

With a 6 MB article open, ctrl+q restored the terminal and then waited out the analysis
(over a minute): detection ran in a thread nothing can interrupt, and the exit joins
threads. It now runs in a process that is terminated when its worker is cancelled.
The stand-in detector here sleeps two minutes, so any wait for it fails the test.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

import pytest

from reader import cache
from reader.apart import ApartError, run_apart
from reader.tui import annotate, big_article
from reader.tui.app import BIG_ARTICLE
from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press

BIG = "big_report.txt"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    para = ("The council met on Tuesday to discuss the budget, and the mayor said the "
            "city would \u201cfind a way\u201d to keep the libraries open.\n\n")
    text = "A very long report\n\n" + para * (BIG_ARTICLE // len(para) + 50)
    assert len(text) > BIG_ARTICLE
    (corpus / BIG).write_text(text, encoding="utf-8")
    (corpus / "small.txt").write_text("A short one\n\nIt has one paragraph.\n", encoding="utf-8")
    return corpus


async def _wait(cond, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    import asyncio

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        await asyncio.sleep(0.02)
    return cond()


def _slow_in_this_thread(real):  # type: ignore[no-untyped-def]
    """`real`, taking 6 s on a large article: how the detection ran before, in a thread."""

    def slow(text_or_items, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(text_or_items, str) and len(text_or_items) > BIG_ARTICLE or (
            isinstance(text_or_items, list) and any(BIG in str(j[1]) for j in text_or_items)
        ):
            time.sleep(6)
        return real(text_or_items, *args, **kwargs)

    return slow


async def test_quit_while_a_large_article_is_analysed_is_immediate_and_keeps_the_tags(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path)
    # the detection takes minutes wherever it runs apart, and seconds in a thread
    monkeypatch.setattr(big_article, "DETECTOR", "tests.tui.slow_detector:article_marks_of")
    monkeypatch.setattr(cache, "SUMMARY_APART", "tests.tui.slow_detector:summary_batch")
    monkeypatch.setattr(annotate, "analyze_with_corrections",
                        _slow_in_this_thread(annotate.analyze_with_corrections))
    monkeypatch.setattr(cache, "summary_batch", _slow_in_this_thread(cache.summary_batch))
    app = make_app(corpus, coder="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await _wait(lambda: any(a.id == BIG for a in app.corpus.articles), 10)
        await pilot.pause()
        index = next(i for i, a in enumerate(app.corpus.articles) if a.id == BIG)
        app.open_article(index)
        await pilot.pause()
        running = [w for w in app.workers if not w.is_finished]
        assert any(w.group == "open" for w in running)
        # the big article's summary (the list's title and share) and its marks, apart
        assert await _wait(lambda: len(multiprocessing.active_children()) == 2, 10)
        assert app.marks is None  # shown unmarked meanwhile
        await press(pilot, "t")
        assert isinstance(app.screen, PromptScreen)
        await press(pilot, *"budget", "enter")  # acknowledged: the tag shows
        assert app.store.tags(BIG) == ["budget"]
        start = time.monotonic()
        await press(pilot, "ctrl+q")
        await pilot.pause()
        assert not app.is_running
    # every thread of the app ends and the processes are gone, long before the detector
    # would have finished: nothing is left for the exit to wait for
    assert await _wait(lambda: all(w.is_finished for w in running), 3)
    assert await _wait(lambda: multiprocessing.active_children() == [], 3)
    assert time.monotonic() - start < 4
    data = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    tags = {r["article"]: r["tags"] for r in data.get("articles", {}).values() if r.get("tags")}
    assert tags == {BIG: ["budget"]}


def test_a_finished_computation_returns_its_result() -> None:
    assert run_apart("reader.pipeline:article_marks_of",
                     ("Title\n\nA line of text.", "a.txt", None, []),
                     lambda: False) == (True, __import__("reader.marks").marks.analyze(
                         "Title\n\nA line of text."))


def test_a_failure_in_the_process_is_reported_not_swallowed() -> None:
    with pytest.raises(ApartError, match="AssertionError"):
        run_apart("tests.tui.test_quit_during_long_analysis:_fails", (), lambda: False)
    marks = big_article.marks_apart("x\n\ny", "a", None, None, lambda: False)
    assert marks is not None and marks.error is None  # (the real detector)


def _fails() -> None:
    raise AssertionError("broken detector")


def test_cancelling_terminates_the_process_at_once() -> None:
    asked = time.monotonic()
    done, value = run_apart("tests.tui.slow_detector:article_marks_of", ("t", "a", None, []),
                            lambda: time.monotonic() - asked > 0.5)
    assert (done, value) == (False, None)
    assert time.monotonic() - asked < 3
    assert multiprocessing.active_children() == []
