"""The store's query and mutation API: defaults, ordering, validation, merge, isolation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotations.errors import AnnotationInputError
from annotations.model import Codebook, Correction, Label, SessionRecord, new_id, now_iso
from annotations.store import AnnotationStore

from .helpers import ALPHA, BETA


def test_defaults(store: AnnotationStore) -> None:
    state = store.article_state("alpha.txt")
    assert (state.article, state.tags, state.status) == ("alpha.txt", [], "todo")
    assert store.article_states() == [] and store.tags("x") == [] and store.tag_counts() == {}
    assert store.highlights() == [] and store.highlight("nope") is None
    assert store.corrections() == [] and store.codebook() is None and store.sessions() == []


def test_queries(store: AnnotationStore) -> None:
    store.add_tags("alpha.txt", ["flood", "budget"])
    store.add_tags("beta.txt", ["flood"])
    store.set_status("beta.txt", "done")
    store.set_status("gamma.txt", "todo")  # no change: no record
    assert store.tag_counts() == {"flood": 2, "budget": 1}
    assert sorted(s.article for s in store.article_states()) == ["alpha.txt", "beta.txt"]
    late = store.add_highlight("alpha.txt", ALPHA, 80, 90)
    early = store.add_highlight("alpha.txt", ALPHA, 10, 20)
    other = store.add_highlight("beta.txt", BETA, 0, 5)
    assert [h.id for h in store.highlights("alpha.txt")] == [early.id, late.id]
    assert [h.id for h in store.highlights()] == [early.id, late.id, other.id]
    assert store.highlight(late.id) == late
    local = Correction(id=new_id(), kind="line_body", article="alpha.txt", line=1)
    everywhere = Correction(id=new_id(), kind="text_boilerplate", text="Subscribe")
    elsewhere = Correction(id=new_id(), kind="line_body", article="beta.txt", line=2)
    for c in (local, everywhere, elsewhere):
        store.add_correction(c)
    assert {c.id for c in store.corrections("alpha.txt")} == {local.id, everywhere.id}
    assert len(store.corrections()) == 3
    store.add_session(SessionRecord(id=new_id(), started=now_iso(), ended=now_iso()))
    assert len(store.sessions()) == 1


def test_returned_objects_are_copies(store: AnnotationStore) -> None:
    store.add_tags("alpha.txt", ["a"])
    store.article_state("alpha.txt").tags.append("sneaky")
    store.tags("alpha.txt").append("sneaky")
    h = store.add_highlight("alpha.txt", ALPHA, 0, 5)
    h.note = "sneaky"
    assert store.tags("alpha.txt") == ["a"] and store.highlight(h.id).note == ""  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 5), (5, 5), (10, 5), (0, len(ALPHA) + 1), (True, 5), (0.5, 3)]
)
def test_bad_offsets_are_refused_and_nothing_is_written(
    store: AnnotationStore, start: object, end: object
) -> None:
    with pytest.raises(AnnotationInputError):
        store.add_highlight("alpha.txt", ALPHA, start, end)  # type: ignore[arg-type]
    assert not store.journal_path.exists()


def test_labels_are_checked_against_the_stored_codebook(store: AnnotationStore) -> None:
    store.add_highlight("alpha.txt", ALPHA, 0, 5, label="anything")  # no codebook yet
    store.set_codebook(Codebook(labels=[Label("claim")]))
    store.add_highlight("alpha.txt", ALPHA, 0, 5, label="claim")
    with pytest.raises(AnnotationInputError, match="unknown label 'nope'"):
        store.add_highlight("alpha.txt", ALPHA, 0, 5, label="nope")
    h = store.highlights()[0]
    with pytest.raises(AnnotationInputError):
        store.update_highlight(h.id, label="nope")


def test_other_bad_requests(store: AnnotationStore) -> None:
    with pytest.raises(AnnotationInputError):
        store.add_tags("alpha.txt", [" "])
    with pytest.raises(AnnotationInputError):
        store.add_tags("", ["x"])
    with pytest.raises(AnnotationInputError):
        store.set_status("alpha.txt", "finished")
    with pytest.raises(AnnotationInputError):
        store.delete_highlight("missing")
    with pytest.raises(AnnotationInputError):
        store.remove_correction("missing")
    with pytest.raises(AnnotationInputError):
        store.add_correction(Correction(id=new_id(), kind="made_up"))
    h = store.add_highlight("alpha.txt", ALPHA, 0, 5)
    with pytest.raises(AnnotationInputError, match="text, start and end"):
        store.update_highlight(h.id, start=1, end=4)


def test_merge_skips_duplicates_and_reports_conflicts(store: AnnotationStore) -> None:
    h = store.add_highlight("alpha.txt", ALPHA, 0, 5, label="claim")
    store.add_tags("alpha.txt", ["ours"])
    store.set_status("alpha.txt", "done")
    same = h.to_dict()
    changed = {**h.to_dict(), "id": h.id, "label": "opinion"}
    new = {**h.to_dict(), "id": new_id()}
    report = store.merge(
        [same, new, {"id": "bad", "article": "alpha.txt", "start": 5, "end": 1}],
        [
            {"article": "alpha.txt", "tags": ["theirs"], "status": "skipped"},
            {"article": "beta.txt", "tags": ["x"], "status": "done"},
        ],
        [],
    )
    assert report.highlights_added == 1 and report.highlights_same == 1
    assert report.states_updated == 1 and report.states_added == 1
    assert len(report.invalid) == 1
    assert any("status" in c for c in report.conflicts)
    assert store.tags("alpha.txt") == ["ours", "theirs"]
    assert store.article_state("alpha.txt").status == "done"
    again = store.merge([changed], [], [])
    assert again.conflicts and store.highlight(h.id).label == "claim"  # type: ignore[union-attr]


def test_the_annotation_core_does_not_import_textual() -> None:
    code = (
        "import sys, annotations.store, annotations.anchoring, annotations.codebook, "
        "annotations.paths, reader.commands.tag, reader.commands.highlight, "
        "reader.commands.annotations, reader.commands.check; "
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
