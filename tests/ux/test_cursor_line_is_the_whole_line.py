"""The cursor's line is lit on every screen row it wraps to, so `z` does what it shows.

`j`/`k` move by screen row (reading a long paragraph a row at a time), but `z` corrects
the whole line — the paragraph. Only the cursor's screen row was lit: on the third row of
a wrapped paragraph under a short caption, a coder saw one row and `z` dimmed five.
"""

from __future__ import annotations

from pathlib import Path

from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle


def _lit(view: ArticleView, index: int) -> bool:
    """Whether screen row `index` (from the top of the article) has the cursor-line
    background behind its text (the cursor's own cell is drawn reversed)."""
    top = int(view.scroll_offset.y)
    strip = view.render_line(index - top)
    line_bg = view.get_component_rich_style("article-view--cursor-line", partial=True).bgcolor
    return any(seg.style is not None and seg.style.bgcolor == line_bg
               for seg in strip if seg.text.strip())


async def test_every_row_of_the_cursor_line_is_lit(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    long = " ".join(["The committee heard evidence from many witnesses today."] * 8)
    (corpus / "a.txt").write_text(
        f"A headline for the article\n\nShort caption\n\n{long}\n\nThe end of it.\n",
        encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        para = [i for i, r in enumerate(view.rows) if r.line == 4]
        assert len(para) >= 3, "the paragraph should wrap"
        view.move_cursor(view.rows[para[1]].start)  # its second screen row
        await pilot.pause()
        assert all(_lit(view, i) for i in para), "a row of the cursor's line is not lit"
        others = [i for i, r in enumerate(view.rows) if r.line != 4 and r.end > r.start]
        assert not any(_lit(view, i) for i in others)

        before = [str(k) for k in app.marks.line_kinds]
        assert before[4] != "boilerplate"
        await press(pilot, "z")  # what was lit is what changed
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = [str(k) for k in app.marks.line_kinds]
        assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [4]
