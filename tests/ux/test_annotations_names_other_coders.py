"""`reader annotations` as the login name listed the articles a colleague's line
corrections touch as "[todo]  tags: -", with no word of the colleague's tags and
highlights on them: a coder read their team's work as lost. It now says whose work is
there, as it already did when nothing at all was listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.model import Correction, CorrectionKind, new_id
from annotations.store import AnnotationStore
from reader.cli import main

TEXT = "Harbour budget approved\n\nThe council approved the budget on Monday.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(folder / "annotations.json", coder="ann") as store:
        store.add_tags("a.txt", ["budget"])
        store.add_correction(Correction(new_id(), CorrectionKind.LINE_BOILERPLATE.value,
                                        "a.txt", line=1, text="Harbour budget approved"))
    return folder


def test_only_corrections_listed_names_the_coders_whose_work_is_there(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["annotations", str(corpus), "--coder", "zoe"]) == 0
    out, err = capsys.readouterr()
    assert "a.txt" in out  # (the correction is listed)
    assert err == ("reader: no tags, statuses, highlights or memos by coder 'zoe' (only "
                   "corrections); work by ann is there (--coder NAME)\n")
    assert main(["annotations", str(corpus), "--coder", "ann"]) == 0
    out, err = capsys.readouterr()
    assert "budget" in out and err == ""


def test_a_template_rule_is_shown_in_words_not_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `z` correction keeps its template rule in `value`; the listing printed it as a
    300-character JSON object."""
    from annotations.learning import context_of

    folder = tmp_path / "c"
    folder.mkdir()
    text = "Title\n\nSign up for our newsletter\n\nBody words here.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    with AnnotationStore.open(folder / "annotations.json", coder="ann") as store:
        store.add_correction(Correction(new_id(), CorrectionKind.LINE_BOILERPLATE.value,
                                        "a.txt", line=3, text="Sign up for our newsletter",
                                        value=context_of(text, 3, "a.txt")))
    assert main(["annotations", str(folder), "--coder", "ann"]) == 0
    out = capsys.readouterr().out
    assert '"Sign up for our newsletter"  (and its template' in out, out
    assert '"kind"' not in out and "{" not in out
