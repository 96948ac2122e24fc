"""Annotating by keyboard, read back from the TinyDB file the app leaves behind."""

from __future__ import annotations

import json
from pathlib import Path

from reader.tui.screens import NoteScreen, PromptScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


def saved(corpus: Path) -> dict:
    """The TinyDB file as another program would read it after the app exited."""
    data = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    return data


def saved_highlights(corpus: Path) -> list[dict]:
    return list(saved(corpus).get("highlights", {}).values())


def saved_tags(corpus: Path) -> dict[str, list[str]]:
    return {
        rec["article"]: rec["tags"]
        for rec in saved(corpus).get("articles", {}).values()
        if rec.get("tags")
    }


LEDE = "The sporadic romance between"  # the article's first paragraph


async def to_lede(pilot, view: ArticleView) -> None:  # type: ignore[no-untyped-def]
    """Move the cursor by paragraphs (`}`) to the article's first paragraph."""
    for _ in range(6):
        if view.text.startswith(LEDE, view.cursor):
            return
        await press(pilot, "right_curly_bracket")
    raise AssertionError(f"no paragraph starting {LEDE!r} within six paragraphs")


async def open_first(app, pilot) -> ArticleView:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(pilot, "enter")
    return app.query_one(ArticleView)


async def test_highlight_note_relabel_undo_delete(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        await press(pilot, "s")  # select the sentence
        assert view.selection is not None
        a, b = view.selection
        sentence = view.text[a:b]
        await press(pilot, "1")
        hls = app.store.highlights(FIRST)
        assert [(h.start, h.end, h.label) for h in hls] == [(a, b, "claim")]
        assert view.selection is None
        # a note, in a modal text box
        await press(pilot, "a")
        assert isinstance(app.screen, NoteScreen)
        await press(pilot, *"check this", "ctrl+s")
        assert app.store.highlights(FIRST)[0].note == "check this"
        # relabel: a digit on an existing highlight
        await press(pilot, "2")
        assert app.store.highlights(FIRST)[0].label == "evidence"
        # undo the relabel, redo it
        await press(pilot, "u")
        assert app.store.highlights(FIRST)[0].label == "claim"
        await press(pilot, "ctrl+r")
        assert app.store.highlights(FIRST)[0].label == "evidence"
        # delete, then undo the delete
        await press(pilot, "D")
        assert app.store.highlights(FIRST) == []
        await press(pilot, "u")
        assert len(app.store.highlights(FIRST)) == 1
        await press(pilot, "q")
    [h] = saved_highlights(seeds_copy)
    assert (h["start"], h["end"], h["label"], h["note"]) == (a, b, "evidence", "check this")
    assert h["exact"] == sentence


async def test_keyboard_selection_by_words(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        start = view.cursor
        await press(pilot, "v", "w", "w", "w")
        a, b = view.selection
        assert a == start
        assert view.text[a:b] == "The sporadic romance"
        await press(pilot, "o", "w")  # nudge the other end a word on
        a, b = view.selection
        assert view.text[a:b] == "sporadic romance"
        await press(pilot, "3")
        await press(pilot, "q")
    assert [h["exact"] for h in saved_highlights(seeds_copy)] == ["sporadic romance"]


def status_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#status").render())


async def test_the_status_line_follows_the_selection(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        await press(pilot, "s")
        assert "selected" in status_line(app)
        await press(pilot, "escape")  # cleared: the status says so at once
        assert view.selection is None
        assert "selected" not in status_line(app)
        await press(pilot, "v", "w")
        assert "selected" in status_line(app)
        await press(pilot, "v")
        assert "selected" not in status_line(app)


async def test_the_status_line_names_a_new_highlight_at_once(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        await press(pilot, "s", "1")  # highlight the sentence as a claim
        assert "[claim]" in status_line(app)
        await press(pilot, "a", *"check this", "ctrl+s")
        assert "[claim] check this" in status_line(app)
        await press(pilot, "2")  # relabel
        assert "[evidence]" in status_line(app)


async def test_overlapping_highlights_are_kept_apart(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        await press(pilot, "p", "1")  # the paragraph
        await press(pilot, "v", "w", "w", "4")  # two words inside it, another label
        outer, inner = sorted(view.highlight_spans, key=lambda s: s.start - s.end)
        assert outer.colour != inner.colour
        assert outer.start <= inner.start < inner.end <= outer.end
        # the overlap is drawn distinctly: underlined on top of the inner label's colour
        row = view.row_of(inner.start) - int(view.scroll_offset.y)
        strip = view.render_line(row)
        styles = [seg.style for seg in strip if seg.text and seg.style and seg.style.underline]
        assert styles, "overlapping text is not marked"
        # on the overlap the status names both, the inner one (what keys act on) first,
        # and a note goes on the inner one
        view.move_cursor(inner.start)
        await pilot.pause()
        status = status_line(app)
        assert "[actor]" in status and "[claim]" in status
        assert status.index("[actor]") < status.index("[claim]")
        await press(pilot, "a", *"who acts", "ctrl+s")
        assert {h.label: h.note for h in app.store.highlights()} == {
            "claim": "", "actor": "who acts"
        }
        # outside the inner words only the paragraph's label shows
        view.move_cursor(outer.end - 1)
        await pilot.pause()
        assert "[claim]" in status_line(app) and "[actor]" not in status_line(app)


async def test_tags_from_prompt_and_quick_keys(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(180, 40)) as pilot:  # wide: room for the title and its badges
        await settle(app, pilot)
        await press(pilot, "t")
        assert isinstance(app.screen, PromptScreen)
        await press(pilot, *"economy, sanctions", "enter")
        assert app.store.tags(FIRST) == ["economy", "sanctions"]
        row = app.query_one(ArticleList).render_line(0).text
        assert "#economy" in row
        await press(pilot, "t", *"-economy", "enter")
        assert app.store.tags(FIRST) == ["sanctions"]
        await press(pilot, "t", "1")  # quick tag 1 of the default codebook
        await pilot.pause(0.5)  # (it waits a moment for more typing: "2020-election")
        await press(pilot)
        assert "relevant" in app.store.tags(FIRST)
        await press(pilot, "u")
        assert "relevant" not in app.store.tags(FIRST)
        await press(pilot, "q")
    assert saved_tags(seeds_copy) == {FIRST: ["sanctions"]}


async def test_session_done_next_and_filter(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "d")  # first article done; moves on to the next not done
        assert app.store.status(FIRST) == "done"
        assert app.current == 1
        label = str(app.query_one("#progress-label").render())
        assert "1/2 done" in label
        await press(pilot, "slash", *"is:done")
        assert [app.corpus.articles[i].id for i in app.query_one(ArticleList).indices] == [FIRST]
        await press(pilot, "escape", "slash", *"is:todo")
        assert len(app.query_one(ArticleList).indices) == 1
        await press(pilot, "escape")
        await press(pilot, "q")
    sessions = list(saved(seeds_copy).get("sessions", {}).values())
    assert sessions and sessions[-1]["articles_done"] == 1


async def test_line_correction_changes_marks_and_persists(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await to_lede(pilot, view)
        line = view.text.count("\n", 0, view.cursor)
        before = app.marks.line_kinds[line]
        await press(pilot, "z")
        after = app.marks.line_kinds[line]
        assert str(getattr(before, "value", before)) != str(getattr(after, "value", after))
        await press(pilot, "u")
        assert str(getattr(app.marks.line_kinds[line], "value", "")) == str(
            getattr(before, "value", before)
        )
        await press(pilot, "z", "q")
    kinds = [c["kind"] for c in saved(seeds_copy).get("corrections", {}).values()]
    assert len(kinds) == 1 and kinds[0].startswith("line_")


async def test_quitting_right_after_a_change_keeps_it(seeds_copy: Path) -> None:
    """No waiting, no deadlock: the queued save lands before the store is closed."""
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await pilot.press("right_curly_bracket", "s", "1", "d", "q")
    assert len(saved_highlights(seeds_copy)) == 1
    assert view.selection is None


async def test_header_keeps_its_tag_row_when_the_facts_are_long(seeds_copy: Path) -> None:
    """Title (up to two rows), facts and tags fill a fixed-height header: a long facts row
    is cut (the article id goes first), never wrapped over the tags."""
    app = make_app(seeds_copy)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "1", "t", *"economy", "enter")
        header = app.query_one("#article-header")
        rows = str(header.render()).split("\n")
        assert len(rows) <= 4
        assert rows[-2].startswith("1,376 words · todo · 1 highlight")
        assert "#economy" in rows[-1]
        assert all(len(r) <= header.size.width for r in rows)
        await press(pilot, "q")


async def test_note_prompt_names_a_highlighted_quotation_with_one_pair_of_marks(
    seeds_copy: Path,
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        await press(pilot, "right_square_bracket", "quotation_mark", "1", "a")
        assert isinstance(app.screen, NoteScreen)
        quote = app.store.highlights(FIRST)[0].exact
        assert quote[0] == "\u201c" and quote[-1] == "\u201d"  # the marks are highlighted
        assert app.screen.title_text == f"Note on {' '.join(quote.split())}"


async def test_esc_and_a_key_typed_fast_are_both_keys(seeds_copy: Path) -> None:
    # a terminal's Esc and an `n` right after it reach the app as one "alt+n"
    plain, joined = make_app(seeds_copy), make_app(seeds_copy)
    async with plain.run_test(size=(120, 40)) as pilot:
        await settle(plain, pilot)
        await press(pilot, "t", "escape", "n")
        expected = plain.current
    assert expected is not None
    async with joined.run_test(size=(120, 40)) as pilot:
        await settle(joined, pilot)
        await press(pilot, "t")
        assert isinstance(joined.screen, PromptScreen)
        await press(pilot, "alt+n")
        await pilot.pause()
        assert not isinstance(joined.screen, PromptScreen)  # Esc closed the prompt
        assert joined.current == expected  # and `n` opened the next article to do
        assert joined.store.tags(FIRST) == []


async def test_a_label_on_a_quotation_highlights_the_quotation(seeds_copy: Path) -> None:
    # `]` lands in a quotation; a label then takes it, not the sentence around it
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_first(app, pilot)
        await press(pilot, "]")
        quote = view.span_at(view.quotes, view.cursor)
        assert quote is not None
        await press(pilot, "2")
        [h] = app.store.highlights(FIRST)
        assert (h.start, h.end, h.label) == (quote.start, quote.end, "evidence")
        assert view.text[h.start : h.end][0] in "“\"‘'"
