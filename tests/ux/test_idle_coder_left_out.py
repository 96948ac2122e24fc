"""A coder who has marked nothing done no longer empties every comparison.

A unit of agreement is an article every compared coder marked done; a third name that
only tagged one article (a supervisor trying the app, a script run under the login name)
made `reader agree` print "nothing to compare yet" and `J` "nothing to adjudicate" while
ann and bob had both finished alpha. By default such a coder is left out, and named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.cli import main
from reader.tui.adjudication_screen import AdjudicationScreen
from tests.annotations.coding import two_coders
from tests.annotations.helpers import ALPHA, BETA
from tests.tui.helpers import make_app, press, settle


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "beta.txt").write_text(BETA, encoding="utf-8")
    two_coders(folder)
    with AnnotationStore.open(folder / "annotations.json", coder="carl") as carl:
        carl.add_tags("beta.txt", ["tried the app"])  # nothing done
    return folder


def test_agree_leaves_out_a_coder_with_nothing_done_and_says_so(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agree", str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["coders"] == ["ann", "bob"]
    assert result["units"]["articles"] == 1  # alpha, done by both
    assert "left out carl: no article marked done" in err


def test_coders_named_with_coders_are_compared_as_asked(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agree", str(corpus), "--json", "--coders", "ann,bob,carl"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["coders"] == ["ann", "bob", "carl"]
    assert result["units"]["articles"] == 0
    assert "left out carl" not in err


async def test_adjudication_compares_the_coders_who_finished_articles(
    corpus: Path, isolated_home: Path
) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "J")
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.coders == ["ann", "bob"]
        assert screen.rows, "ann and bob disagree on alpha: there is something to settle"
        notices = [n.message for n in app._notifications]
        assert any("left out carl" in m for m in notices), notices
