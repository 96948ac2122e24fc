"""Label colours (issue 19, item 2): nine highlight backgrounds, as rendered, pairwise
distinct, away from the marks' own colours and the theme backgrounds, readable with
black text, in the dark and the light theme."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.palette import (
    LABEL_MIN_DELTA,
    MARK_MIN_DELTA,
    MIN_CONTRAST,
    contrast,
    delta_e,
    delta_e_lab,
)
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"
# the old default names first (opinion=magenta and question=red drew one background),
# then three labels with no colour: they get their key's colour
NINE = [("claim", "yellow"), ("evidence", "green"), ("opinion", "magenta"),
        ("actor", "cyan"), ("frame", "orange1"), ("question", "red"),
        ("seven", ""), ("eight", ""), ("nine", "")]


def test_ciede2000_matches_sharma_reference_pairs() -> None:
    assert delta_e_lab((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, 1e-3)
    assert delta_e_lab((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, 1e-3)


def _corpus_with_nine_labels(corpus: Path) -> None:
    lines = ["# codebook"]
    for key, (name, colour) in enumerate(NINE, 1):
        lines += ["[[labels]]", f'name = "{name}"', f'key = "{key}"']
        if colour:
            lines.append(f'colour = "{colour}"')
    (corpus / "codebook.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = (corpus / FIRST).read_text(encoding="utf-8")
    store = AnnotationStore.open(corpus / "annotations.json")
    pos = text.index("The sporadic romance")
    for name, _ in NINE:
        pos = text.index(" ", pos + 12)
        store.add_highlight(FIRST, text, pos + 1, pos + 9, name)
        pos += 12
    store.close()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_nine_label_colours_are_distinct_as_rendered(seeds_copy: Path, theme: str) -> None:
    _corpus_with_nine_labels(seeds_copy)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(app, pilot)
        await press(pilot, "enter")
        view = app.query_one(ArticleView)
        by_label: dict[str, tuple[int, int, int]] = {}
        for span in view.highlight_spans:
            row = view.row_of(span.start)
            for seg in view._row_segments(view.rows[row], row):
                st = seg.style
                black_text = st and st.color and tuple(st.color.get_truecolor()) == (0, 0, 0)
                if black_text and st.bgcolor and seg.text in view.text[span.start:span.end]:
                    by_label[span.ref.label] = tuple(st.bgcolor.get_truecolor())
        assert sorted(by_label) == sorted(n for n, _ in NINE)
        for (a, ca), (b, cb) in itertools.combinations(by_label.items(), 2):
            assert delta_e(ca, cb) >= LABEL_MIN_DELTA, (a, b, ca, cb)
        marks = {}
        for part in ("speech", "term", "title", "boilerplate", "cursor-line", "selection"):
            style = view.get_component_rich_style(f"article-view--{part}")
            for which, c in (("fg", style.color), ("bg", style.bgcolor)):
                if c is not None:
                    marks[f"{part} {which}"] = tuple(c.get_truecolor())
        marks["background"] = tuple(view.rich_style.bgcolor.get_truecolor())
        for label, colour in by_label.items():
            assert contrast(colour, (0, 0, 0)) >= MIN_CONTRAST, label
            for mark, mc in marks.items():
                assert delta_e(colour, mc) >= MARK_MIN_DELTA, (label, mark, colour, mc)
