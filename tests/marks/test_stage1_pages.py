"""The boilerplate model's stage 1 (what a line looks like) is trained on the train split's
pages too, with a source column that is off at analysis time (issue 16)."""

from __future__ import annotations

import pytest

from reader.marks import LineKind
from reader.marks import boilerplate as bp
from reader.marks import train_boilerplate as tb
from tests.marks.test_boilerplate import PROSE, kinds_of, page

BODY = [PROSE.replace("budget", f"budget {i}") for i in range(6)]


@pytest.mark.parametrize(
    "furniture",
    [
        "Music, Movies, TV, Books, Games",  # a section menu written as a list
        "Apple, Google, Microsoft, Amazon, Meta",  # topic tags
        "Washington, D.C., United States",  # a place line
    ],
)
def test_comma_separated_lists_under_an_article_are_furniture(furniture: str) -> None:
    # fitted on dev alone, commas were prose evidence (weight +2.1) and these lines were
    # kept as body; the train split's pages hold enough tag and place lines to undo that
    text = page("Council approves budget", *BODY, furniture)
    k = kinds_of(text)
    assert k[furniture] is LineKind.BOILERPLATE
    assert all(k[b] is LineKind.BODY for b in BODY)


def _doc(name: str, text: str, split: str, all_body: bool = False) -> tb.Doc:
    labels = {}
    for i, ln in enumerate(text.split("\n"), start=1):
        if ln.strip():
            labels[i] = "body" if all_body or ln in BODY else "boilerplate"
    return tb.Doc(name, "test", text, labels, split, f"https://{name}.example/a")


def test_stage1_only_pages_do_not_shift_the_verdict_on_dev_like_pages(monkeypatch) -> None:
    monkeypatch.setattr(tb, "UPDATES", 20_000)
    dev = [_doc(f"d{i}", page(f"Headline {i}", *BODY[i:], *BODY[:i]), "dev") for i in range(4)]
    # pages of another source labelled all body (as a partly covered page can be): what
    # stage 1 learns from them about words and shapes is wanted, their base rate is not
    other = [_doc(f"t{i}", page(*BODY[i:]), "train", all_body=True) for i in range(4)]
    lines = page("Council approves budget", *BODY).split("\n")
    idx, rows, _ = bp.stage1_rows(lines, None)
    menu = [j for j, i in enumerate(idx) if lines[i] in ("Home", "News", "Sports", "Opinion")]

    def menu_score(source_column: bool) -> float:
        monkeypatch.setattr(tb, "SOURCE_COLUMN", source_column)
        w1, stages = tb.fit(dev + other, tb.corpus_repeated(dev + other))
        assert len(w1) == len(bp.LINE_FEATURES)  # the source column is not a weight
        assert all(len(w) == len(bp.STAGE2_FEATURES) for w in stages)
        return max(bp._dot(w1, rows[j]) for j in menu)

    with_column = menu_score(True)
    assert with_column < 0.0  # menu items stay furniture for stage 1
    assert with_column < menu_score(False) - 1.0
