"""`/` searches the full text once the index is built; hits open at their match; n / N
move between matches; f finds in the open article."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.search.conftest import DEV, needs_dev, write
from tests.tui.helpers import settle

ARTICLES = {
    "a.txt": "Harbour news today\n\nThe storm surge flooded the harbour.\n\n"
             "Officials said the storm would pass by Monday, and the storm did.\n",
    "b.txt": "Storm warning for the coast\n\nA storm is coming, forecasters said.\n",
    "c.txt": "Budget talks stall\n\nThe council could not agree on the budget.\n",
    "d.txt": "Sports roundup\n\nThe home side won again.\n",
}


@pytest.fixture
def corpus(tmp_path: Path, isolated_home: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(root, name, text)
    return root


def info(app: ReaderApp) -> str:
    return str(app.query_one("#search-info", Static).render())


async def type_query(app: ReaderApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    for ch in text:
        await pilot.press(ch if ch != " " else "space")
    await settle(app, pilot)


def listed(app: ReaderApp) -> list[str]:
    return [app.corpus.articles[i].id for i in app.query_one(ArticleList).indices]


async def test_slash_searches_the_body_with_a_count(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready
        await type_query(app, pilot, "surge")  # only in a body: no title has it
        assert listed(app) == ["a.txt"]
        assert "1 of 4" in info(app)
        # the hit under the cursor in context, under the count
        assert "The storm surge flooded the harbour." in info(app).split("\n")[1]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_query(app, pilot, "storm")
        # both have it; the title hit ranks first although a.txt says it three times
        assert listed(app) == ["b.txt", "a.txt"]
        assert "2 of 4" in info(app)


async def test_a_query_that_cannot_be_parsed_says_so(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "budget")
        assert listed(app) == ["c.txt"]
        await type_query(app, pilot, ' "council')
        assert "unclosed quotation mark" in info(app)
        assert listed(app) == ["c.txt"]  # the last good query's results stay


async def test_opening_a_hit_puts_the_cursor_on_its_match_and_n_moves(corpus: Path) -> None:
    app = ReaderApp(corpus)
    text = ARTICLES["a.txt"]
    starts = [i for i in range(len(text)) if text.startswith("storm", i)]
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "storm -warning")
        assert listed(app) == ["a.txt"]
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        assert app.corpus.articles[app.current].id == "a.txt"
        assert [s.start for s in view.match_spans] == starts  # every match lit
        assert view.cursor == starts[0]
        await pilot.press("n")
        assert view.cursor == starts[1]
        await pilot.press("n")
        assert view.cursor == starts[2]
        await pilot.press("N", "N")
        assert view.cursor == starts[0]
        assert app.corpus.articles[app.current].id == "a.txt"  # n did not change article


async def test_find_in_article(corpus: Path) -> None:
    app = ReaderApp(corpus)
    text = ARTICLES["a.txt"]
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        for ch in "monday":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.cursor == text.index("Monday")
        assert len(view.match_spans) == 1


async def test_titles_only_until_the_index_is_ready(corpus: Path) -> None:
    app = ReaderApp(corpus, use_cache=False)  # no index at all: the title filter
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "surge")
        assert listed(app) == []
        assert "titles only" in info(app)
        box = app.query_one("#filter", Input)
        box.value = "storm"
        await settle(app, pilot)
        assert listed(app) == ["b.txt"]


async def test_index_is_reused_on_the_next_start(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
    index_file = corpus / "annotations.search.sqlite"
    assert index_file.exists()
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready and app.search.total == 0  # nothing to index again


@needs_dev
async def test_the_issue_example_on_the_dev_pages(tmp_path: Path, isolated_home: Path) -> None:
    """"Noem" and "hell-bent" are in article text, in no title: / finds them (the index
    built by worker processes, as at scale)."""
    import shutil

    corpus = tmp_path / "dev"
    shutil.copytree(DEV, corpus, ignore=shutil.ignore_patterns("*.json"))
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready
        await type_query(app, pilot, "noem")
        n = len(listed(app))
        assert n >= 1 and f"{n} of 130" in info(app)
        box = app.query_one("#filter", Input)
        box.value = "hell-bent"
        await settle(app, pilot)
        assert len(listed(app)) >= 1


async def test_a_line_made_boilerplate_leaves_the_default_scope(corpus: Path) -> None:
    """z on a line re-indexes the article: its words leave the body scope at once."""
    app = ReaderApp(corpus)
    text = ARTICLES["a.txt"]
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        view.move_cursor(text.index("Officials said"))
        await pilot.press("z")
        await settle(app, pilot)
        for _ in range(50):  # the save, the re-open, then the refresh worker
            await settle(app, pilot)
            if app.search.index.doc("a.txt") and (
                text.count("\n", 0, text.index("Officials")) + 1
                in app.search.index.doc("a.txt").boiler_lines
            ):
                break
        await pilot.press("h")
        await type_query(app, pilot, "monday")
        assert listed(app) == []
        # "0 of 4" alone leaves the user guessing: the line says where else to look
        assert "0 of 4" in info(app) and "in:all" in info(app)
        box = app.query_one("#filter", Input)
        box.value = "in:all monday"
        await settle(app, pilot)
        assert listed(app) == ["a.txt"]
        assert "in:all searches" not in info(app)


async def test_annotation_terms_with_full_text(corpus: Path) -> None:
    from reader.cli import main

    assert main(["tag", str(corpus), "a.txt", "urgent"]) == 0
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "storm tag:urgent")
        assert listed(app) == ["a.txt"]
        box = app.query_one("#filter", Input)
        box.value = "storm -tag:urgent"
        await settle(app, pilot)
        assert listed(app) == ["b.txt"]


async def test_z_learned_on_one_article_leaves_anothers_scope(
    tmp_path: Path, isolated_home: Path
) -> None:
    """z on a line of a.txt teaches b.txt, which has the same line: b's copy leaves the
    body scope too (the index follows the one pipeline, learned corrections included)."""
    line = "Readers in the valley can reach the pantry desk by phone on weekdays."
    root = tmp_path / "corpus"
    write(root, "site/a.txt", "Flood waters recede\n\nThe river fell two metres overnight.\n"
          f"{line}\nCleanup crews started at dawn.\n")
    write(root, "site/b.txt", "Schools reopen\n\nPupils returned to class on Tuesday.\n"
          f"{line}\nTeachers said attendance was high.\n")
    write(root, "site/c.txt", "Market day\n\nStalls opened early in the square.\n")
    app = ReaderApp(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready and app.repeated_ready
        b_line = 4
        assert b_line not in app.search.index.doc("site/b.txt").boiler_lines
        await pilot.press("enter")  # site/a.txt
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        view.move_cursor(view.text.index("Readers in the valley"))
        await pilot.press("z")
        for _ in range(50):  # the save, the count of what it taught, then the refresh
            await settle(app, pilot)
            if b_line in app.search.index.doc("site/b.txt").boiler_lines:
                break
        assert b_line in app.search.index.doc("site/b.txt").boiler_lines
        await pilot.press("h")
        await type_query(app, pilot, "pantry")
        assert listed(app) == []
        app.query_one("#filter", Input).value = "in:all pantry"
        await settle(app, pilot)
        assert sorted(listed(app)) == ["site/a.txt", "site/b.txt"]


async def test_the_index_follows_a_new_repeated_set(corpus: Path) -> None:
    """The repeated lines found again and different (the corpus changed while open): the
    index is brought up to date with them, and only the articles holding a line that
    entered or left the set are extracted again."""
    from reader.search.index import evidence_context

    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready
        index = app.search.index

        def stamps() -> dict[str, str]:
            return dict(index.db.execute("SELECT id, stamp FROM docs"))

        def context() -> str:
            return index.db.execute("SELECT value FROM meta WHERE key='context'").fetchone()[0]

        before = stamps()
        assert context() == evidence_context(app.repeated, [])
        # as if "A storm is coming, forecasters said." now recurred across the corpus
        app.repeated = frozenset({*(app.repeated or ()), "a storm is coming, forecasters said."})
        app.search.evidence_changed()
        for _ in range(50):
            await settle(app, pilot)
            if context() == evidence_context(app.repeated, []):
                break
        assert context() == evidence_context(app.repeated, [])
        after = stamps()
        assert [i for i in before if before[i] != after[i]] == ["b.txt"]


@pytest.fixture
def many_hits(tmp_path: Path, isolated_home: Path) -> Path:
    root = tmp_path / "many"
    for k in range(120):
        write(root, f"n{k:03d}.txt", f"Note {k}\n\nNothing here.\n\n"
              f"By dusk the harbour was calm again, said keeper {k}.\n")
    return root


async def test_rows_far_down_a_long_result_show_their_context_too(many_hits: Path) -> None:
    """The keyword in context comes with the answer for the first rows only; a row
    scrolled to later gets its own as it is drawn."""
    app = ReaderApp(many_hits)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(app, pilot)
        assert app.search.ready
        await type_query(app, pilot, "harbour")
        assert "120 of 120" in info(app)
        article_list = app.query_one(ArticleList)
        await pilot.press("enter", "G")  # to the list, to its last row
        for _ in range(20):
            await settle(app, pilot)
            row = article_list.cursor - int(article_list.scroll_offset.y)
            line = article_list.render_line(row).text
            if "harbour was calm" in line:
                break
        last = app.corpus.articles[article_list.current].id
        assert last not in {app.corpus.articles[i].id
                            for i in article_list.indices[: article_list.size.height]}
        keeper = last[1:4].lstrip("0") or "0"
        assert f"harbour was calm again, said keeper {keeper}" in line


async def test_titles_found_meanwhile_leave_the_cursor_on_its_hit(corpus: Path) -> None:
    """The background passes name articles every half second; ranked results are not
    asked again for it, so the cursor stays where the user moved it."""
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "storm")
        assert listed(app) == ["b.txt", "a.txt"]
        await pilot.press("enter", "j")
        article_list = app.query_one(ArticleList)
        assert article_list.cursor == 1
        app._indexed_some()
        await settle(app, pilot)
        assert article_list.cursor == 1 and listed(app) == ["b.txt", "a.txt"]


async def test_the_match_shows_in_a_narrow_terminal(tmp_path: Path, isolated_home: Path) -> None:
    """At 80 columns the line under the box is ~38 wide: a match with a long left context
    (the whole 36 characters) must still be on it, not cut off past its end."""
    root = tmp_path / "corpus"
    write(root, "a.txt", "Harbour news today\n\nA drug ad campaign led by the governor of the "
          "state, Kristi Noem, drew mockery online.\n")
    write(root, "b.txt", "Other news\n\nNothing to see.\n")
    app = ReaderApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "noem")
        assert listed(app) == ["a.txt"]
        width = app.query_one("#search-info", Static).size.width
        shown = info(app).split("\n")[1][:width]  # (the line is not wrapped: cut there)
        assert "Noem" in shown


async def test_a_tag_nobody_gave_is_named_with_the_tags_there_are(corpus: Path) -> None:
    # "tag:ecnomy" read as a bare "0 of 4": was the tag misspelt, or is nothing tagged?
    from annotations.store import AnnotationStore

    store = AnnotationStore.open(corpus / "annotations.json")
    store.add_tags("c.txt", ["economy", "council"])
    store.close()
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "tag:ecnomy")
        assert listed(app) == []
        assert "0 of 4" in info(app)
        assert "no tag 'ecnomy'; tags: council, economy" in info(app)
        for _ in "ecnomy":
            await pilot.press("backspace")
        for ch in "economy":
            await pilot.press(ch)
        await settle(app, pilot)
        assert listed(app) == ["c.txt"]
        assert "no tag" not in info(app)


async def test_escape_while_typing_clears_the_search_and_its_help_line(corpus: Path) -> None:
    # escape in the box emptied it while it still had focus, so the operator help (shown
    # for an empty, focused box) stayed above the list after the focus went to the list
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "storm")
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.query_one(ArticleList).has_focus
        assert len(listed(app)) == 4
        assert not app.query_one("#search-info", Static).display
