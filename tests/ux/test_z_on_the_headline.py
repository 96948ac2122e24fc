"""`z` on the headline asks first: the cursor opens there, and a first `z` used to mark the
headline boilerplate at once, letting a menu line become the headline of the list and the
exports without a word."""

from __future__ import annotations

from pathlib import Path

from reader.tui.screens import ChoiceScreen
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle

TEXT = """NEWS Toggle navigation
Home | World | Politics | Sport
Storm closes the harbour for three days
By Jane Doe
The harbour of Portville was closed on Monday after a storm damaged the piers, officials \
said. "We have never seen waves like these," said the harbour master, Ann Smith.
Repairs are expected to take at least three days, and ships have been sent to other ports \
along the coast while divers inspect the damage.
Fishermen said the closure would cost them a week's income at the busiest time of the year.
Sign up for our newsletter
"""
HEADLINE = "Storm closes the harbour for three days"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    return corpus


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def _open_on_headline(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(pilot, "enter")
    await settle(app, pilot)
    assert app.marks.title_line == 3
    view = app.query_one(ArticleView)
    assert app.article_text.count("\n", 0, view.cursor) + 1 == 3  # opened on the headline


async def test_z_on_the_headline_asks_and_keeping_it_changes_nothing(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_on_headline(app, pilot)
        await press(pilot, "z")
        assert isinstance(app.screen, ChoiceScreen)
        asked = " ".join(label for _, label in app.screen.options)
        # the question says what would become the headline: here the menu line
        assert "Home | World | Politics | Sport" in asked
        await press(pilot, "escape")
        assert not app.store.store.corrections()
        assert app.marks.title_line == 3
        assert any("still the headline" in s for s in _said(app))


async def test_boilerplate_on_the_headline_names_the_new_one_and_u_undoes_it(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_on_headline(app, pilot)
        await press(pilot, "z", "enter")  # the first option: boilerplate
        await settle(app, pilot)
        assert len(app.store.store.corrections()) == 1
        assert any("the headline is now line 2" in s for s in _said(app)), _said(app)
        await press(pilot, "u")
        await settle(app, pilot)
        assert not app.store.store.corrections()
        assert app.marks.title_line == 3


async def test_choosing_another_line_as_the_headline_is_one_undoable_correction(
    tmp_path: Path, isolated_home: Path
) -> None:
    app = make_app(_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_on_headline(app, pilot)
        await press(pilot, "z", "enter")  # boilerplate: the menu line takes over (line 2)
        await settle(app, pilot)
        assert app.marks.title_line == 2
        view = app.query_one(ArticleView)
        view.move_cursor(TEXT.index("Home |"))
        await press(pilot, "z", "down", "enter")  # z on it: choose another line…
        assert isinstance(app.screen, ChoiceScreen)
        values = [v for v, _ in app.screen.options]
        labels = [label for _, label in app.screen.options]
        target = next(i for i, label in enumerate(labels) if HEADLINE[:30] in label)
        assert "(boilerplate)" in labels[target]  # it says what the line is marked now
        assert all(len(label) <= 60 for label in labels), labels  # one row each at 80x24
        start = sum(1 for v in values if int(v) < 2)  # (the line under the headline first)
        assert app.screen.query_one("OptionList").highlighted == start
        for _ in range(target - start):
            await press(pilot, "down")
        await press(pilot, "enter")
        await settle(app, pilot)
        assert values[target] == "3" and app.marks.title_line == 3
        kind = app.marks.line_kinds[1]
        assert getattr(kind, "value", kind) == "boilerplate"  # the menu line is furniture
        assert app.corpus.articles[0].display_title == HEADLINE  # the list shows it
        assert sorted(c.kind for c in app.store.store.corrections()) == [
            "line_boilerplate", "line_title"]
        assert any("the headline is now line 3" in s for s in _said(app))
        await press(pilot, "u")
        await settle(app, pilot)
        assert app.marks.title_line == 2  # one step back: only the choice undone
        assert len(app.store.store.corrections()) == 1


def test_a_chosen_headline_is_what_the_exports_believe(tmp_path: Path) -> None:
    from annotations.export.corrected import corrected_marks
    from annotations.model import Correction

    text = TEXT
    lines = text.split("\n")
    wrong = Correction(id="b", kind="line_boilerplate", article="a.txt", line=3, text=lines[2],
                       created="2026-01-01T00:00:00Z")
    marks = corrected_marks(text, [wrong], article="a.txt")
    assert marks.title_line == 2  # the defect: the menu line took over
    chosen = Correction(id="t", kind="line_title", article="a.txt", line=3, text=lines[2],
                        created="2026-01-01T00:00:01Z")
    marks = corrected_marks(text, [wrong, chosen], article="a.txt")
    assert marks.title_line == 3
    assert str(marks.line_kinds[1]) == "boilerplate"
    again = Correction(id="b2", kind="line_boilerplate", article="a.txt", line=3,
                       text=lines[2], created="2026-01-01T00:00:02Z")
    marks = corrected_marks(text, [wrong, chosen, again], article="a.txt")
    assert marks.title_line != 3  # z on the chosen headline later: furniture after all
    other = corrected_marks(text, [chosen], article="b.txt")  # another article's choice
    assert other.title_line == 3 and str(other.line_kinds[1]) != "boilerplate"


def test_reader_export_titles_the_article_with_the_chosen_headline(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from annotations.model import Correction, new_id
    from annotations.store import AnnotationStore

    corpus = _corpus(tmp_path)
    lines = TEXT.split("\n")
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        store.add_tags("a.txt", ["storm"])
        store.add_correction(Correction(id=new_id(), kind="line_boilerplate", article="a.txt",
                                        line=3, text=lines[2],
                                        created="2026-01-01T00:00:00Z"))
    out = tmp_path / "x.json"

    def exported_title() -> str:
        done = subprocess.run([sys.executable, "-m", "reader", "export", str(corpus), "-f",
                               "json", "-o", str(out)], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(out.read_text(encoding="utf-8"))["articles"][0]["title"]

    assert exported_title() == lines[1]  # as the app shows it after that z: the menu line
    with AnnotationStore.open(corpus / "annotations.json", coder="ann") as store:
        store.add_correction(Correction(id=new_id(), kind="line_title", article="a.txt",
                                        line=3, text=lines[2]))
    assert exported_title() == HEADLINE


async def test_z_on_the_headline_of_read_only_annotations_says_so_without_asking(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "annotations.json").write_text('{"broken', encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_on_headline(app, pilot)
        before = len(_said(app))
        await press(pilot, "z")
        assert not isinstance(app.screen, ChoiceScreen)  # no question whose answer is lost
        assert any("not valid JSON" in s for s in _said(app)[before:]), _said(app)


async def test_the_corrected_headline_is_the_title_after_a_restart(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The summary cache kept the headline of before the `z`: the next start listed it,
    and the app's export named the article by it."""
    from reader.tui.app import ReaderApp

    corpus = _corpus(tmp_path)
    (corpus / "b.txt").write_text(TEXT.replace("Storm", "Flood").replace("Home |", "Menu |"),
                                  encoding="utf-8")
    app = ReaderApp(corpus)  # with its caches, as a user runs it
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_on_headline(app, pilot)
        await press(pilot, "z", "enter")  # boilerplate: the menu line becomes the headline
        await settle(app, pilot)
        assert app.marks.title_line == 2
        await press(pilot, "h", "j", "enter")  # on to the other article (reopened next time)
        await settle(app, pilot)
        assert app.corpus.articles[app.current].id == "b.txt"
        await press(pilot, "q")
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        titles = {a.id: a.display_title for a in app.corpus.articles}
        assert titles["a.txt"] == "Home | World | Politics | Sport", titles
        assert titles["b.txt"].startswith("Flood closes"), titles
