"""Reading a corpus by keyboard: list movement, opening, filtering, help, skipped files."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from reader.tui.screens import HelpScreen, MessageScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.conftest import SEED_TITLES
from tests.tui.helpers import article_lines, make_app, settle


async def test_list_shows_titles_and_moves(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lst = app.query_one(ArticleList)
        assert lst.has_focus
        rows = [lst.render_line(y).text for y in range(2)]
        assert rows[0].strip().startswith(SEED_TITLES[0][:30])
        assert rows[1].strip().startswith(SEED_TITLES[1][:30])  # the headline, not the masthead
        assert "1,376" in rows[0]
        await pilot.press("j")
        assert lst.cursor == 1
        await pilot.press("k")
        assert lst.cursor == 0
        await pilot.press("G")
        assert lst.cursor == 1
        await pilot.press("g")
        assert lst.cursor == 0


async def test_open_scroll_and_switch_panes(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter")
        view = app.query_one(ArticleView)
        assert view.has_focus
        assert app.current == 1
        assert any("Andrei Lankov" in line for line in article_lines(app)) or "Lankov" in view.text
        header = str(app.query_one("#article-header").render())
        assert "Opinion The best deal" in header
        await pilot.press("space")
        assert view.scroll_offset.y > 0
        await pilot.press("G")
        assert view.cursor >= view.rows[-1].start
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("tab")
        assert app.query_one(ArticleList).has_focus
        await pilot.press("tab")
        assert view.has_focus
        await pilot.press("h")
        assert app.query_one(ArticleList).has_focus


async def test_filter_narrows_and_escape_clears(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("slash", *"ROMANCE")
        assert len(lst.indices) == 1
        assert app.corpus.articles[lst.indices[0]].id.startswith("000_")
        await pilot.press("enter")
        assert lst.has_focus and len(lst.indices) == 1
        await pilot.press("slash", "escape")
        assert len(lst.indices) == 2
        await pilot.press("slash", *"zzzz-no-such")
        assert lst.indices == []


async def test_help_lists_every_binding(seeds_copy: Path) -> None:
    from reader.tui.commands import COMMANDS

    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.help_rows()
        shown = {text for _, _, text in rows}
        for command in COMMANDS:
            assert command.help in shown, command.id
        groups = [g for g, _, _ in rows]
        runs = [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g]
        assert len(runs) == len(set(groups)), "each group is shown once, all its keys together"
        assert app.screen.query_one("#help-body", Static).content is not None
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_skipped_files_are_reported(bad_corpus: Path) -> None:
    app = make_app(bad_corpus, max_bytes=1024 * 1024)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        assert isinstance(app.screen, MessageScreen)
        text = "\n".join(app.screen.lines)
        assert "binary.txt: binary" in text
        assert "empty.txt: empty file" in text
        assert "huge.txt: larger than" in text


async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "evil.txt").write_text(
        "Evil [bold]X[/bold] headline\n\nBody \x1b]0;TITLE\x07 and \x1b[31mred\x1b[0m "
        "[link=http://x]click[/link].\n",
        encoding="utf-8",
    )
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        lines = "\n".join(article_lines(app))
        assert "[bold]X[/bold]" in lines
        assert "[link=http://x]click[/link]" in lines
        assert "\x1b" not in lines and "\x07" not in lines
        assert "␛]0;TITLE␇" in lines


async def test_big_article_shows_at_once_and_marks_follow(tmp_path: Path) -> None:
    from reader.tui.app import BIG_ARTICLE

    root = tmp_path / "big"
    root.mkdir()
    para = "Officials said the plan “will not work,” according to Jane Doe, a spokesperson.\n\n"
    body = "Menu\n\nBig Story Headline Here\n\n" + para * (BIG_ARTICLE // len(para) + 10)
    (root / "big.txt").write_text(body, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        view = app.query_one(ArticleView)
        assert view.text == body  # the text is there at once
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.marks is not None
        assert len(view.quotes) > 100
        await pilot.press("j")  # keys work on the marked article
        assert view.cursor > 0


async def test_prefetched_article_is_not_stale_after_an_edit(seeds_copy: Path) -> None:
    import asyncio
    import os

    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await asyncio.sleep(0.2)  # the list cursor rests: the article is prepared
        await app.workers.wait_for_complete()
        path = seeds_copy / "004_598cb5278b402db9.txt"
        path.write_text("Edited headline\n\nNew body text.\n", encoding="utf-8")
        os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks
        await pilot.press("enter")
        assert app.query_one(ArticleView).text.startswith("Edited headline")


async def test_enter_twice_in_the_filter_opens_the_match(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"best deal", "enter", "enter")
        await pilot.pause()
        assert app.current == 1
        assert app.query_one(ArticleView).has_focus
