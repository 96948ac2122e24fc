"""The coded-passages and overview screens: what a user sees and where enter takes them."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import Input, OptionList

from reader.tui.overview_screen import OverviewScreen, QuotationsScreen
from reader.tui.passages_screen import PassagesScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, settle
from tests.tui.snapshot_apps import DEMO_CODER, DEMO_HIGHLIGHTS, demo_corpus

A1 = "000_4f563db4c078cd2b.txt"


def _select(screen, predicate) -> None:  # type: ignore[no-untyped-def]
    """Put the option-list cursor on the first row whose data passes `predicate`."""
    lst = screen.query_one(OptionList)
    for i in range(lst.option_count):
        option = lst.get_option_at_index(i)
        if not option.disabled and predicate(option):
            lst.highlighted = i
            return
    raise AssertionError("no such row")


async def test_passages_grouped_by_label_and_enter_jumps_to_the_passage(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        screen = app.screen
        assert isinstance(screen, PassagesScreen)
        assert [p.label for p in screen.passages] == ["claim", "evidence"]
        assert screen.passages[0].note == "The column's thesis"
        # the second passage (evidence), then enter
        evidence = screen.passages[1]
        _select(screen, lambda o: o.id == evidence.highlight)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PassagesScreen)
        assert app.corpus.articles[app.current].id == A1
        view = app.query_one(ArticleView)
        assert view.has_focus
        exact = DEMO_HIGHLIGHTS[1][1]
        assert app.article_text[view.cursor : view.cursor + len(exact)] == exact


async def test_passages_filter_by_label_and_export_csv(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    target = tmp_path / "out.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P", "l")
        _select(app.screen, lambda o: o.id == "evidence")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PassagesScreen)
        assert [p.label for p in screen.passages] == ["evidence"]
        await pilot.press("e")
        _select(app.screen, lambda o: o.id == "csv")
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.value.endswith("coded-passages.csv")  # a default beside the annotations
        box.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(r["label"], r["text"]) for r in rows] == [("evidence", DEMO_HIGHLIGHTS[1][1])]


async def test_overview_counts_and_enter_filters_the_list(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("V")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        ov = screen.overview
        assert {r.label: r.count for r in ov.tags} == {"north-korea": 1, "opinion": 1}
        assert {r.label: r.count for r in ov.statuses} == {"todo": 1, "done": 1}
        assert {r.label: r.count for r in ov.labels} == {"claim": 1, "evidence": 1}
        assert sum(r.count for r in ov.shares) == 2  # both articles analysed
        _select(screen, lambda o: screen.rows[o.id].label == "opinion")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, OverviewScreen)
        assert app.query_one("#filter", Input).value == "tag:opinion"
        lst = app.query_one(ArticleList)
        assert [app.corpus.articles[i].id for i in lst.indices] == [A1]
        # a label row: the `/` language says it too
        await pilot.press("V")
        screen = app.screen
        _select(screen, lambda o: screen.rows[o.id].label == "evidence")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#filter", Input).value == "label:evidence"
        assert [app.corpus.articles[i].id for i in lst.indices] == [A1]


async def test_speaker_row_filters_and_lists_quotations_in_context(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = demo_corpus(tmp_path)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("V")
        screen = app.screen
        speakers = screen.overview.speakers
        assert speakers, "the seeds quote people"
        top = speakers[0]
        _select(screen, lambda o: screen.rows[o.id] is top)
        await pilot.press("enter")
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert sorted(app.corpus.articles[i].id for i in lst.indices) == sorted(top.articles)
        assert top.label in app.query_one("#title-bar").render().plain
        await pilot.press("escape")
        assert len(lst.indices) == len(app.corpus.articles)

        await pilot.press("V")
        screen = app.screen
        _select(screen, lambda o: screen.rows[o.id].label == top.label)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        quotes = app.screen
        assert isinstance(quotes, QuotationsScreen)
        assert len(quotes.found) == top.count
        for q in quotes.found:
            text = (corpus / q.article).read_text(encoding="utf-8")
            assert " ".join(text[q.start : q.end].split()) == q.quote
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MainScreen"
        first = quotes.found[0]
        assert app.corpus.articles[app.current].id == first.article
        assert app.query_one(ArticleView).cursor == first.start
