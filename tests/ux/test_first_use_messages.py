"""What a new user read on their first pass and could not act on.

- `J` with two coders who had not marked anything done said "0 disagreement(s) over 0
  article(s) and 0 sentence(s) done by every coder: nothing to adjudicate; 0 in adjudicated
  articles": a team read it as a fault. It now says what makes an article comparable.
- After a restart, `u` said "nothing to undo", and a coder took the last session's work for
  lost: it now says how far undo reaches and that earlier work is saved.
"""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.tui.adjudication_screen import AdjudicationScreen
from tests.tui.helpers import make_app, press, settle

TEXT = "Harbour budget approved\n\nThe council approved the budget on Monday.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


async def test_adjudication_with_nothing_done_says_what_to_do(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    for coder in ("ann", "bob"):
        with AnnotationStore.open(corpus / "annotations.json", coder=coder) as store:
            store.add_tags("a.txt", [f"by-{coder}"])  # coded, not marked done
    app = make_app(corpus, coder="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "J")
        assert isinstance(app.screen, AdjudicationScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        title = str(app.screen.query_one("#adjudication-title").render())
        assert "no article is done by every coder yet" in title
        assert "done (d)" in title
        assert "0 disagreement(s)" not in title


async def test_undo_after_a_restart_says_the_earlier_work_is_saved(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "d")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "u")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("nothing to undo since the app was opened" in s
                   and "earlier work is saved" in s for s in said), said
        assert app.store.store.article_state("a.txt").status == "done"  # (not undone)


async def test_the_speaker_dialog_names_the_quotation_it_corrects(
    tmp_path: Path, isolated_home: Path
) -> None:
    """`A` asked "Speaker of this quotation" over the article it covered: which one?"""
    from reader.tui.screens import PromptScreen

    folder = tmp_path / "quoted"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Harbour budget approved\n\n"
        "\u201cWe will build the new harbour wall before the winter storms come,\u201d "
        "said Mayor Jane Smith on Monday.\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "right_square_bracket", "A")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.title_text.startswith("Speaker of \u201cWe will build the new")
        assert app.screen.title_text.endswith("…\u201d")  # (cut to fit one line)
