"""The search's default scope is the article without the lines `reader analyze` marks as
boilerplate (the corpus's repeated lines included), with every correction of the user, the
ones learned from other articles included (issue 14, `reader.pipeline`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from tests.search.conftest import DEV, needs_dev, write


def _index(corpus: Path):  # type: ignore[no-untyped-def]
    from reader.search.index import SearchIndex

    index = SearchIndex(corpus / "annotations.search.sqlite")
    index.open()
    return index


def _words(text: str, lines: object) -> set[int]:
    """The line numbers among `lines` that hold words (blank lines are in no scope)."""
    all_lines = text.split("\n")
    return {n for n in lines if 0 < n <= len(all_lines) and all_lines[n - 1].strip()}  # type: ignore[attr-defined]


@needs_dev
def test_index_split_equals_reader_analyze_on_the_dev_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "dev"
    shutil.copytree(DEV, corpus, ignore=shutil.ignore_patterns("*.json"))
    assert main(["analyze", str(corpus)]) == 0
    analysed = {o["file"]: o for o in map(json.loads, capsys.readouterr().out.splitlines())}
    main(["search", str(corpus), "the"])  # builds the index
    capsys.readouterr()
    index = _index(corpus)
    try:
        assert len(index) == len(analysed) > 100
        differ = []
        repeated_ones = 0
        for article_id, obj in analysed.items():
            text = (corpus / article_id).read_text(encoding="utf-8")
            doc = index.doc(article_id)
            assert doc is not None, article_id
            if _words(text, doc.boiler_lines) != _words(text, obj["boilerplate_lines"]):
                differ.append(article_id)
            if obj["title_line"] != doc.title_line:
                differ.append(f"{article_id} (title line)")
            repeated_ones += bool(obj["boilerplate_lines"])
        assert differ == []
        assert repeated_ones > 50  # (the comparison is not vacuous)
    finally:
        index.close()


def _shared_line_corpus(root: Path) -> tuple[str, str]:
    """Two articles sharing one body-like line (in too few articles to be repeated)."""
    line = "Readers in the valley can reach the pantry desk by phone on weekdays."
    write(root, "site/a.txt", "Flood waters recede\n\nThe river fell two metres overnight.\n"
          f"{line}\nCleanup crews started at dawn.\n")
    write(root, "site/b.txt", "Schools reopen\n\nPupils returned to class on Tuesday.\n"
          f"{line}\nTeachers said attendance was high.\n")
    write(root, "site/c.txt", "Market day\n\nStalls opened early in the square.\n")
    return line, "pantry"


def test_a_correction_learned_from_another_article_changes_the_scope(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`z` on a line of a.txt teaches b.txt (the same line): b's copy leaves the body
    scope too, and the next `reader search` re-extracts only the articles it reaches."""
    from annotations.learning import context_of
    from annotations.model import Correction, CorrectionKind, new_id
    from annotations.store import AnnotationStore

    root = tmp_path / "corpus"
    line, word = _shared_line_corpus(root)

    def found(query: str) -> list[str]:
        main(["search", str(root), "--", query])
        return sorted(x.split("\t")[0] for x in capsys.readouterr().out.splitlines())

    assert found(word) == ["site/a.txt", "site/b.txt"]
    text = (root / "site/a.txt").read_text(encoding="utf-8")
    n = text.split("\n").index(line) + 1
    with AnnotationStore.open(root / "annotations.json") as store:  # what `z` records
        store.add_correction(Correction(
            new_id(), CorrectionKind.LINE_BOILERPLATE.value, "site/a.txt", line=n, text=line,
            value=context_of(text, n, "site/a.txt")))
    index = _index(root)
    stamps = {i: index.db.execute("SELECT stamp FROM docs WHERE id = ?", (i,)).fetchone()[0]
              for i in ("site/a.txt", "site/b.txt", "site/c.txt")}
    index.close()
    assert found(word) == []  # neither copy is in the body scope any more
    assert found(f"in:all {word}") == ["site/a.txt", "site/b.txt"]
    index = _index(root)
    try:
        b = (root / "site/b.txt").read_text(encoding="utf-8").split("\n").index(line) + 1
        assert b in index.doc("site/b.txt").boiler_lines  # type: ignore[union-attr]
        now = {i: index.db.execute("SELECT stamp FROM docs WHERE id = ?", (i,)).fetchone()[0]
               for i in stamps}
    finally:
        index.close()
    # the article the correction does not reach kept its extract (only checked)
    assert now["site/c.txt"] == stamps["site/c.txt"]
    assert now["site/a.txt"] != stamps["site/a.txt"]
    assert now["site/b.txt"] != stamps["site/b.txt"]
