"""Where the article view puts what you came for: a jump (the first search match, the
place of the last session) shows its line with what follows it, not as the bottom row
under a page of what came before; line and page moves still scroll the least."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.search.conftest import write
from tests.tui.helpers import press, settle

PARAGRAPHS = [f"Paragraph {i} of the council report, read by nobody in particular."
              for i in range(120)]
PARAGRAPHS[90] = "The Zanzibar delegation walked out of the meeting."
TEXT = "Council report\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture
def corpus(tmp_path: Path, isolated_home: Path) -> Path:
    root = tmp_path / "corpus"
    write(root, "long.txt", TEXT)
    write(root, "short.txt", "Short piece\n\nNothing to see.\n")
    return root


def cursor_row_on_screen(view: ArticleView) -> int:
    """The cursor's row counted from the top of the view."""
    return view.row_of(view.cursor) - int(view.scroll_offset.y)


async def test_a_search_hit_opens_with_its_match_high_on_screen(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zanzibar")
        await settle(app, pilot)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        assert view.cursor == TEXT.index("Zanzibar")
        height = view.scrollable_content_region.height
        row = cursor_row_on_screen(view)
        assert 0 < row < height // 2, (row, height)  # what follows the match is shown


async def test_line_and_page_moves_scroll_the_least(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        height = view.scrollable_content_region.height
        await press(pilot, *["j"] * (height + 3))
        assert cursor_row_on_screen(view) == height - 1  # j at the bottom: one row
        await press(pilot, "pagedown")
        assert cursor_row_on_screen(view) == height - 1  # a page: the bottom row again


async def test_reopening_puts_the_last_place_high_on_screen(corpus: Path) -> None:
    app = ReaderApp(corpus)
    place = TEXT.index("Zanzibar")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        app.query_one(ArticleView).move_cursor(place)
        await press(pilot, "q")
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        assert view.cursor == place
        assert 0 < cursor_row_on_screen(view) < view.scrollable_content_region.height // 2


@pytest.fixture
def long_list(tmp_path: Path, isolated_home: Path) -> Path:
    """More articles than the list has rows, so it scrolls."""
    root = tmp_path / "many"
    for i in range(80):
        write(root, f"{i:03d}.txt", f"Story number {i}\n\nA paragraph about story {i}.\n")
    return root


def list_row_on_screen(articles: ArticleList) -> int:
    return articles.cursor - int(articles.scroll_offset.y)


async def test_j_to_the_bottom_of_the_list_keeps_the_cursor_row_visible(long_list: Path) -> None:
    # a horizontal scrollbar (shown once the vertical one took a column) covered the
    # list's last row, and j put the cursor there: the highlighted title was not on screen
    app = ReaderApp(long_list)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        articles = app.query_one(ArticleList)
        visible = articles.scrollable_content_region.height
        await press(pilot, *["j"] * (visible + 5))
        assert 0 <= list_row_on_screen(articles) < visible
        assert not articles.show_horizontal_scrollbar
        assert visible == articles.size.height  # no row lost under a scrollbar


async def test_reopening_shows_the_last_article_in_the_list_not_on_its_edge(
    long_list: Path,
) -> None:
    app = ReaderApp(long_list)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, *["j"] * 49, "enter")  # far down: the list must scroll to show it
        await press(pilot, "q")
    app = ReaderApp(long_list)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        articles = app.query_one(ArticleList)
        assert app.corpus.articles[articles.current].id == "049.txt"
        row = list_row_on_screen(articles)
        assert 0 < row < articles.scrollable_content_region.height - 1, row
