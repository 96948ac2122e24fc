"""Two coders labelled the same line differently and `reader agree` printed 100 %: the line
was boilerplate for one of them (the other had corrected it to body with `z`), so it was no
unit, and nothing said their highlights there had been left out. Now a warning counts them
and says how to bring them in."""

from __future__ import annotations

from annotations.agreement_data import gather
from annotations.model import Correction, CorrectionKind, new_id
from annotations.store import AnnotationStore
from reader.corpus import open_corpus

from .coding import S1, two_coders
from .helpers import ALPHA


def _line_of(text: str, exact: str) -> tuple[int, str]:
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines, 1) if exact in line)
    return number, lines[number - 1]


def test_highlights_on_a_line_struck_for_one_coder_are_named_not_silently_dropped(
    corpus_dir, reader_cli
) -> None:
    db = two_coders(corpus_dir)
    corpus = open_corpus(corpus_dir, read=False)
    with AnnotationStore.open(db, coder="bob") as store:
        assert gather(corpus, store, ["ann", "bob"]).warnings == []  # all on body lines
        line, text = _line_of(ALPHA, S1)
        store.add_correction(Correction(new_id(), CorrectionKind.LINE_BOILERPLATE.value,
                                        "alpha.txt", line=line, text=text))
        warnings = gather(corpus, store, ["ann", "bob"]).warnings
    # the paragraph is one line: every highlight of alpha (ann's three, bob's two) is on it
    assert warnings == [
        "5 highlights in 1 article lie only on lines that a compared coder's marks take "
        "for boilerplate, so they are not compared; to compare them, every coder corrects "
        "those lines to body (z)"]
    out = reader_cli("agree", corpus_dir)
    assert out.returncode == 0
    assert "reader: 5 highlights in 1 article lie only on lines" in out.stderr
