"""Orphans, the codebook, the keymap, the palette and quotation corrections in the app."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input

from annotations.store import AnnotationStore
from reader.tui.codebook_screen import CodebookScreen
from reader.tui.screens import ChoiceScreen, PromptScreen
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


def add_highlight(corpus: Path, exact: str, label: str = "claim") -> str:
    store = AnnotationStore.open(corpus / "annotations.json")
    try:
        text = (corpus / FIRST).read_text(encoding="utf-8")
        start = text.index(exact)
        return store.add_highlight(FIRST, text, start, start + len(exact), label).id
    finally:
        store.close()


async def test_orphan_is_listed_and_can_be_deleted(seeds_copy: Path) -> None:
    hid = add_highlight(seeds_copy, "It marked the first time a sitting U.S. president")
    article = seeds_copy / FIRST
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("It marked the first time a sitting U.S. president had ever "
                                    "set foot inside North Korea.", "Something else entirely."),
                       encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")  # opening re-anchors
        assert app.store.store.highlight(hid).status == "orphaned"
        assert app.query_one(ArticleView).highlight_spans == []  # not drawn on a look-alike
        await press(pilot, "O")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "enter")  # the one orphan
        await press(pilot, "down", "enter")  # "Delete it"
        assert app.store.store.highlight(hid) is None


async def test_moved_highlight_follows_its_text(seeds_copy: Path) -> None:
    exact = "It marked the first time a sitting U.S. president"
    hid = add_highlight(seeds_copy, exact)
    article = seeds_copy / FIRST
    article.write_text("A new first paragraph.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        h = app.store.store.highlight(hid)
        assert h.status == "moved"
        view = app.query_one(ArticleView)
        assert view.text[h.start : h.end] == exact
        assert [s.start for s in view.highlight_spans] == [h.start]


async def test_codebook_label_added_in_app_is_written_back(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "C")
        assert isinstance(app.screen, CodebookScreen)
        await press(pilot, "a")  # add a label
        assert isinstance(app.screen, PromptScreen)
        await press(pilot, *"source, blue, Who the story relies on", "enter")
    data = tomllib.loads((seeds_copy / "codebook.toml").read_text(encoding="utf-8"))
    names = [lab["name"] for lab in data["labels"]]
    assert "source" in names and "claim" in names
    new = next(lab for lab in data["labels"] if lab["name"] == "source")
    assert new["colour"] == "blue" and new["key"] == "7"


async def test_codebook_toml_drives_label_keys(seeds_copy: Path) -> None:
    (seeds_copy / "codebook.toml").write_text(
        '[[labels]]\nname = "hype"\nkey = "1"\ncolour = "red"\n', encoding="utf-8"
    )
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_curly_bracket", "s", "1")
        assert [h.label for h in app.store.highlights(FIRST)] == ["hype"]


async def test_keymap_remaps_a_binding(seeds_copy: Path) -> None:
    app = make_app(seeds_copy, keymap={"app.done": "ctrl+d"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "d")
        assert app.store.status(FIRST) == "todo"
        await press(pilot, "ctrl+d")
        assert app.store.status(FIRST) == "done"


async def test_palette_runs_commands(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the export's default folder: where the app started
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "ctrl+p")
        await pilot.pause()
        await press(pilot, *"export annotations")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.title_text == "Export annotations"
        await press(pilot, "enter")  # Markdown
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # where to: a default to accept
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (out,) = tmp_path.glob("seeds-annotations-*.md")
    assert out.read_text(encoding="utf-8").startswith("---")
    assert not (seeds_copy / "annotations-export.md").exists()


async def test_quotation_kind_and_reject_corrections(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_square_bracket")
        view = app.query_one(ArticleView)
        q = view.span_at(view.quotes, view.cursor).ref
        await press(pilot, "K")
        q2 = next(x for x in app.marks.quotes if x.start == q.start)
        assert q2.kind != q.kind
        await press(pilot, "X")
        assert all(x.start != q.start for x in app.marks.quotes)
        await press(pilot, "u")
        assert any(x.start == q.start for x in app.marks.quotes)
        assert app.query_one("#filter", Input).value == ""


async def test_changes_from_another_process_show_up(seeds_copy: Path) -> None:
    import asyncio

    from reader.tui.widgets.article_list import ArticleList

    app = make_app(seeds_copy)
    async with app.run_test(size=(180, 40)) as pilot:  # wide: room for the title and its badges
        await settle(app, pilot)
        other = AnnotationStore.open(seeds_copy / "annotations.json")
        other.add_tags(FIRST, ["from-cli"])
        other.close()
        for _ in range(60):
            await asyncio.sleep(0.1)
            if "#from-cli" in app.query_one(ArticleList).render_line(0).text:
                break
        assert "#from-cli" in app.query_one(ArticleList).render_line(0).text
        await press(pilot, "t", *"mine", "enter")  # and our own change keeps both
    other = AnnotationStore.open(seeds_copy / "annotations.json")
    assert sorted(other.tags(FIRST)) == ["from-cli", "mine"]
    other.close()


async def test_corrupt_store_opens_read_only_and_is_never_overwritten(seeds_copy: Path) -> None:
    broken = b'{"highlights": {"1": {"article": '  # a torn file from some other tool
    (seeds_copy / "annotations.json").write_bytes(broken)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "READ-ONLY" in str(app.query_one("#title-bar").render())
        assert app.store.readonly_reason and "annotations.json" in app.store.readonly_reason
        await press(pilot, "t", *"x", "enter")  # refused with a message, not a crash
        assert app.store.tags(FIRST) == []
    assert (seeds_copy / "annotations.json").read_bytes() == broken
