"""A correction made in an earlier session can be taken back: `u` reaches only this
session, and a rejected quotation (`X`) could not even be found again to undo by hand."""

from __future__ import annotations

from pathlib import Path

from annotations.model import Correction, new_id
from annotations.store import AnnotationStore
from reader.tui.screens import ChoiceScreen
from tests.tui.helpers import make_app, press, settle
from tests.ux.test_z_on_the_headline import TEXT


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    return corpus


async def test_r_lists_yesterdays_corrections_and_removes_one(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:  # yesterday: a quotation rejected
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        quotes_before = len(app.marks.quotes)
        assert quotes_before
        await press(pilot, "right_square_bracket", "X")
        await settle(app, pilot)
        assert len(app.marks.quotes) == quotes_before - 1
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:  # today: u cannot reach it
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        await press(pilot, "u")
        said = [str(n.message) for n in app._notifications]
        assert any("R lists" in s for s in said), said  # the way back is named
        await press(pilot, "R")
        assert isinstance(app.screen, ChoiceScreen)
        labels = [label for _, label in app.screen.options]
        assert len(labels) == 1 and "not a quotation" in labels[0], labels
        await press(pilot, "enter")
        await settle(app, pilot)
        assert not app.store.store.corrections()
        assert len(app.marks.quotes) == quotes_before  # the quotation is back
        await press(pilot, "u")  # and removing it is undoable
        await settle(app, pilot)
        assert len(app.store.store.corrections()) == 1


async def test_r_lists_a_correction_made_on_another_article_that_reaches_this_one(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "b.txt").write_text(TEXT.replace("Storm", "Flood"), encoding="utf-8")
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        store.add_correction(Correction(id=new_id(), kind="line_body", article="b.txt",
                                        line=9, text="Sign up for our newsletter"))
    app = make_app(corpus, coder="bob")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        await press(pilot, "R")
        assert isinstance(app.screen, ChoiceScreen)
        (label,) = [label for _, label in app.screen.options]
        assert "(another article)" in label and "ann" in label, label
        assert len(label) <= 62, label  # one row in the dialog at 80 columns


async def test_r_without_corrections_says_what_makes_them(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        await press(pilot, "R")
        assert not isinstance(app.screen, ChoiceScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("no correction acts on this article" in s for s in said), said


def test_reader_annotations_removes_a_correction_by_the_id_it_lists(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = _corpus(tmp_path)
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        store.add_correction(Correction(id=new_id(), kind="line_body", article="a.txt",
                                        line=9, text="Sign up for our newsletter"))

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reader", "annotations", str(corpus),
                               *args], capture_output=True, text=True, timeout=120)

    listed = reader("--coder", "ann").stdout
    shown = next(ln.split()[1] for ln in listed.splitlines() if "correction" in ln)
    wrong = reader("--remove-correction", "zzzz")
    assert wrong.returncode == 2 and "no correction with id" in wrong.stderr
    assert wrong.stderr.count("\n") == 1  # one line, no traceback
    done = reader("--remove-correction", shown)
    assert done.returncode == 0, done.stderr
    assert "removed" in done.stdout and "Sign up for our newsletter" in done.stdout
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        assert not store.corrections()


async def test_z_again_on_yesterdays_correction_takes_it_back(
    tmp_path: Path, isolated_home: Path
) -> None:
    """`z` on a line a correction of an earlier session marked removes that correction
    (not a second, opposite one that kept the line forced and taught other articles)."""
    from reader.tui.widgets.article_view import ArticleView

    corpus = _corpus(tmp_path)
    line_text = TEXT.split("\n")[5]  # "Repairs are expected…": body for the detector
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        store.add_correction(Correction(id=new_id(), kind="line_boilerplate", article="a.txt",
                                        line=6, text=line_text,
                                        created="2025-01-01T09:00:00Z"))
    app = make_app(corpus, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        assert str(app.marks.line_kinds[5]) == "boilerplate"
        app.query_one(ArticleView).move_cursor(TEXT.index(line_text))
        await press(pilot, "z")
        await settle(app, pilot)
        assert not app.store.store.corrections()
        assert str(app.marks.line_kinds[5]) == "body"
        said = [str(n.message) for n in app._notifications]
        assert any("the correction of 2025-01-01 by ann is taken back" in s
                   for s in said), said
        await press(pilot, "u")
        await settle(app, pilot)
        assert len(app.store.store.corrections()) == 1
        assert str(app.marks.line_kinds[5]) == "boilerplate"
