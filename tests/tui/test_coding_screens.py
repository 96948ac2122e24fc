"""The adjudication screen (J), the label picker (L) and the codebook screen (C) in Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.store import ALL, AnnotationStore
from reader.tui.adjudication_screen import AdjudicationScreen
from reader.tui.codebook_screen import CodebookScreen
from reader.tui.label_picker import LabelPicker
from reader.tui.screens import ChoiceScreen, PromptScreen
from reader.tui.widgets.article_view import ArticleView
from tests.annotations.coding import S2, two_coders
from tests.annotations.helpers import ALPHA
from tests.tui.helpers import make_app, press, settle


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    from tests.annotations.helpers import BETA

    (folder / "beta.txt").write_text(BETA, encoding="utf-8")
    two_coders(folder)
    return folder


async def _adjudication_ready(app, pilot) -> AdjudicationScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(pilot, "J")
    screen = app.screen
    assert isinstance(screen, AdjudicationScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_adjudication_takes_a_coders_version_into_gold(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _adjudication_ready(app, pilot)
        kinds = [(d.kind, d.name) for d in screen.rows]
        assert ("tag", "follow-up") in kinds and ("label", "evidence") in kinds
        # go to the evidence row (ann ✓, bob ·) and take ann's version
        target = kinds.index(("label", "evidence"))
        screen.query_one("OptionList").highlighted = target
        await press(pilot, "1")
        gold = app.store.store.highlights("alpha.txt", coder="gold")
        assert ("evidence", S2) in {(h.label, h.exact) for h in gold}
        assert screen.query_one("OptionList").highlighted == target + 1  # on to the next
        # bob's version of the same unit: he has none, so gold's evidence goes; u undoes
        screen.query_one("OptionList").highlighted = target
        await press(pilot, "2")
        assert "evidence" not in {h.label for h in app.store.store.highlights(coder="gold")}
        await press(pilot, "u")
        assert "evidence" in {h.label for h in app.store.store.highlights(coder="gold")}
        # enter reads the unit in its article
        screen.query_one("OptionList").highlighted = target
        await press(pilot, "enter")
        assert not isinstance(app.screen, AdjudicationScreen)
        view = app.query_one(ArticleView)
        assert app.corpus.articles[app.current].id == "alpha.txt"
        assert view.cursor == ALPHA.index(S2)


async def test_label_picker_finds_a_label_past_the_ninth_by_name(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    labels = "".join(
        f'[[labels]]\nname = "{name}"\nkey = "{key}"\ncolour = "green"\n\n'
        for key, name in [*((str(i), f"l{i}") for i in range(1, 10)), ("", "zebra stripes")]
    )
    (corpus / "codebook.toml").write_text(labels, encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_curly_bracket", "s", "L")
        assert isinstance(app.screen, LabelPicker)
        await press(pilot, *"zbr", "enter")
        mine = app.store.store.highlights("alpha.txt")
        assert [h.label for h in mine] == ["zebra stripes"]


async def test_codebook_screen_renames_and_merges_keeping_every_highlight(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        before = {h.id: h.label for h in app.store.store.highlights(coder=ALL)}
        await press(pilot, "C")
        assert isinstance(app.screen, CodebookScreen)
        await press(pilot, "r")  # the first label: claim
        assert isinstance(app.screen, PromptScreen)
        await press(pilot, *(["backspace"] * 5), *"assertion", "enter")
        await press(pilot, "down", "m")  # evidence into...
        assert isinstance(app.screen, LabelPicker)
        await press(pilot, *"assert", "enter")
        assert isinstance(app.screen, ChoiceScreen)
        assert "1 highlight" in str(app.screen.options)
        await press(pilot, "enter")
        await press(pilot, "escape")
    with AnnotationStore.open(corpus / "annotations.json", readonly=True) as store:
        after = {h.id: h.label for h in store.highlights(coder=ALL)}
    assert after.keys() == before.keys()
    assert after == {
        i: {"claim": "assertion", "evidence": "assertion"}.get(lab, lab)
        for i, lab in before.items()
    }
    names = (corpus / "codebook.toml").read_text(encoding="utf-8")
    assert 'name = "assertion"' in names and '"evidence"' not in names


async def test_export_menu_writes_a_qdpx(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    corpus = _corpus(tmp_path)
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)  # E's default folder: where the app was started
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "E")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, *(["down"] * 7), "enter")
        await press(pilot, "enter")  # accept the default path
        await app.workers.wait_for_complete()
        await pilot.pause()
    (qdpx,) = start.glob("*.qdpx")
    with zipfile.ZipFile(qdpx) as z:
        assert "project.qde" in z.namelist()
        assert b"urn:QDA-XML:project:1.0" in z.read("project.qde")


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_adjudication_names_articles_by_title(
    tmp_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """The rows and the detail named the article by its file name only ("alpha.txt",
    "000_4f563db4c…" at 80 columns): an adjudicator thinks of articles by title."""
    from textual.widgets import OptionList, Static

    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=size) as pilot:
        screen = await _adjudication_ready(app, pilot)
        options = screen.query_one(OptionList)
        for i, d in enumerate(screen.rows):
            row = str(options.get_option_at_index(i).prompt)
            title = "Council appr" if d.article == "alpha.txt" else "Strike ends "
            assert title in row and d.article not in row, row
        detail = str(screen.query_one("#adjudication-detail", Static).render())
        first = screen.rows[options.highlighted or 0]
        title = "Council approves flood budget" if first.article == "alpha.txt" else (
            "Strike ends at the harbour")
        assert title in detail and first.article in detail, detail
