"""Hidden boilerplate and `Z` (issue 19, items 4 and 5): the cursor and the motions stay on
visible text, a selection that takes boilerplate says so, `Z` counts and asks."""

from __future__ import annotations

from pathlib import Path

from reader.tui.screens import ChoiceScreen
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle


def _line_of(view: ArticleView, offset: int) -> int:
    return view.text.count("\n", 0, offset)


def _kind_at(view: ArticleView, offset: int) -> str:
    n = _line_of(view, offset)
    return view.line_kinds[n] if n < len(view.line_kinds) else "body"


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#status").render())


async def test_z_with_boilerplate_hidden_moves_the_cursor_off_the_hidden_line(
    seeds_copy: Path,
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "b", "right_curly_bracket", "right_curly_bracket")
        view = app.query_one(ArticleView)
        assert _kind_at(view, view.cursor) != "boilerplate"
        line = _line_of(view, view.cursor)
        await press(pilot, "z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.line_kinds[line] == "boilerplate"  # the correction applied
        assert _line_of(view, view.cursor) != line
        assert _kind_at(view, view.cursor) != "boilerplate"


async def test_motions_never_land_on_hidden_lines(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "b", "g")
        view = app.query_one(ArticleView)
        assert "boilerplate" in view.line_kinds
        for key in ["right_curly_bracket"] * 25 + ["left_curly_bracket"] * 25 + \
                ["right_parenthesis"] * 40 + ["left_parenthesis"] * 40:
            await pilot.press(key)
            assert _kind_at(view, view.cursor) != "boilerplate", (key, view.cursor)
            for select in ("s", "p"):
                await pilot.press(select)
                a, b = view.selection or (view.cursor, view.cursor)
                assert view.boilerplate_lines_in(a, b) == 0, (key, select)
                await pilot.press("escape")


async def test_selecting_a_dimmed_caption_says_so(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        line = next(n for n, k in enumerate(view.line_kinds)
                    if k == "boilerplate" and view.text.split("\n")[n].strip())
        view.move_cursor(sum(len(x) + 1 for x in view.text.split("\n")[:line]))
        await press(pilot, "s")
        assert "includes 1 boilerplate line" in _status(app)


async def test_Z_counts_lines_and_articles_and_asks(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        lines = view.text.split("\n")
        n = next(i for i, t in enumerate(lines) if t.strip())  # the masthead line
        text = lines[n]
        expect_lines = expect_articles = 0
        for f in sorted(seeds_copy.glob("*.txt")):
            hits = sum(1 for t in f.read_text(encoding="utf-8").split("\n")
                       if t.strip() and " ".join(t.split()).casefold()
                       == " ".join(text.split()).casefold())
            expect_lines += hits
            expect_articles += bool(hits)
        view.move_cursor(sum(len(x) + 1 for x in lines[:n]))
        await press(pilot, "Z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        lines_word = "line" if expect_lines == 1 else "lines"
        articles_word = "article" if expect_articles == 1 else "articles"
        assert (f"{expect_lines} {lines_word} in {expect_articles} {articles_word}"
                in str(app.screen.hint))
        await press(pilot, "escape")
        assert list(app.store.store.corrections()) == []
        await press(pilot, "Z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await press(pilot, "enter")  # the first option: yes
        corrections = list(app.store.store.corrections())
        assert [c.kind for c in corrections] == ["text_boilerplate"]


async def test_notices_sit_above_the_status_line(seeds_copy: Path) -> None:
    from textual.widgets._toast import Toast, ToastRack

    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        app.notify("a notice")
        await pilot.pause(0.3)
        rack = app.screen.get_child_by_type(ToastRack)
        status = app.query_one("#status")
        toasts = list(rack.query(Toast))
        assert toasts
        assert max(t.region.bottom for t in toasts) <= status.region.y
