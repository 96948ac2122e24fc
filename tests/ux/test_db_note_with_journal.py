"""`--db PATH` whose changes are still in the journal is not "nothing annotated there".

While the app ran with `--db ann.json` on a new file, its work was in `ann.json.journal`
(folded into `ann.json` on exit); `reader annotations --db ann.json` printed that work
under the note "no annotation file at ann.json (nothing is annotated there)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.cli import main


def test_work_in_the_journal_is_not_called_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A title\n\nWords.\n", encoding="utf-8")
    db = tmp_path / "ann.json"
    store = AnnotationStore.open(db, coder="ann")
    try:
        store.add_tags("a.txt", ["kept"])
        if db.exists():
            pytest.skip("the store folded at once: no journal-only state to look at")
        assert main(["annotations", str(corpus), "--db", str(db), "--coder", "ann"]) == 0
        out, err = capsys.readouterr()
        assert "kept" in out
        assert "nothing is annotated" not in err, err
    finally:
        store.close()


def test_a_mistyped_db_is_still_noted(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A title\n\nWords.\n", encoding="utf-8")
    assert main(["annotations", str(corpus), "--db", str(tmp_path / "typo.json")]) == 0
    assert "nothing is annotated there" in capsys.readouterr().err
