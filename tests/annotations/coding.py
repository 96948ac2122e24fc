"""Two coders' work on the small corpus, shared by the agreement, REFI-QDA, codebook and
adjudication tests."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore

from .helpers import ALPHA, BETA

S1 = "The council approved the flood defence budget on Monday after a long debate."
S2 = "The minister announced a tax cut of 5 percent on Tuesday."
S3 = "Residents welcomed the decision, but critics said the money came too late."
JOHNSON = "Johnson said the deal was fair to both sides."


def span(text: str, exact: str) -> tuple[int, int]:
    start = text.index(exact)
    return start, start + len(exact)


def two_coders(corpus: Path, db: Path | None = None) -> Path:
    """ann and bob both finish alpha (they agree on a claim, not on the rest); ann also
    finishes beta, bob leaves it to do. Memos: ann's on alpha, bob's on the project."""
    db = db or corpus / "annotations.json"
    with AnnotationStore.open(db, coder="ann") as ann:
        ann.add_highlight("alpha.txt", ALPHA, *span(ALPHA, S1), "claim", "the main claim")
        ann.add_highlight("alpha.txt", ALPHA, *span(ALPHA, S2), "evidence")
        ann.add_highlight("alpha.txt", ALPHA, *span(ALPHA, "flood defence"), "")
        ann.add_tags("alpha.txt", ["relevant"])
        ann.set_status("alpha.txt", "done")
        ann.add_highlight("beta.txt", BETA, *span(BETA, JOHNSON), "actor")
        ann.add_tags("beta.txt", ["relevant"])
        ann.set_status("beta.txt", "done")
        ann.set_memo("alpha.txt", "Budget story;\nwatch the <figures> & dates")
    with AnnotationStore.open(db, coder="bob") as bob:
        bob.add_highlight("alpha.txt", ALPHA, *span(ALPHA, S1), "claim")
        bob.add_highlight("alpha.txt", ALPHA, *span(ALPHA, S3), "opinion", "critics")
        bob.add_tags("alpha.txt", ["relevant", "follow-up"])
        bob.set_status("alpha.txt", "done")
        bob.add_tags("beta.txt", ["irrelevant"])
        bob.set_memo("", "Project memo by bob")
    return db
