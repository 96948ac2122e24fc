"""Undo and redo of every annotation change, durable, and polite to other processes."""

from __future__ import annotations

from pathlib import Path

from annotations.model import Codebook, Correction, new_id
from annotations.store import AnnotationStore

from .helpers import ALPHA


def test_nothing_to_undo(store: AnnotationStore) -> None:
    assert store.undo() is None and store.redo() is None


def test_tags_and_status(store: AnnotationStore) -> None:
    store.add_tags("alpha.txt", ["a", "b"])
    store.remove_tags("alpha.txt", ["a"])
    store.set_status("alpha.txt", "done")
    assert store.undo() == "mark alpha.txt done"
    assert store.article_state("alpha.txt").status == "todo"
    assert "untag" in (store.undo() or "")
    assert store.tags("alpha.txt") == ["b", "a"]
    assert store.undo() is not None
    assert store.tags("alpha.txt") == [] and store.article_states() == []
    assert store.redo() is not None
    assert store.tags("alpha.txt") == ["a", "b"]


def test_highlight_add_edit_delete(store: AnnotationStore) -> None:
    h = store.add_highlight("alpha.txt", ALPHA, 31, 60, label="claim", note="one")
    store.update_highlight(h.id, label="opinion", note="two")
    store.update_highlight(h.id, text=ALPHA, start=40, end=70)
    store.delete_highlight(h.id)
    assert store.highlight(h.id) is None
    store.undo()
    assert store.highlight(h.id).start == 40  # type: ignore[union-attr]
    store.undo()
    restored = store.highlight(h.id)
    assert restored is not None and (restored.start, restored.end) == (31, 60)
    assert restored.exact == ALPHA[31:60]
    store.undo()
    restored = store.highlight(h.id)
    assert restored is not None and (restored.label, restored.note) == ("claim", "one")
    store.undo()
    assert store.highlight(h.id) is None
    for _ in range(4):
        store.redo()
    assert store.highlight(h.id) is None  # redone up to the delete


def test_corrections(store: AnnotationStore) -> None:
    c = Correction(id=new_id(), kind="line_body", article="alpha.txt", line=3, text="x")
    store.add_correction(c)
    store.remove_correction(c.id)
    assert store.corrections() == []
    store.undo()
    assert [x.id for x in store.corrections("alpha.txt")] == [c.id]
    store.undo()
    assert store.corrections() == []


def test_a_new_change_clears_redo(store: AnnotationStore) -> None:
    store.add_tags("alpha.txt", ["a"])
    store.undo()
    store.add_tags("alpha.txt", ["b"])
    assert store.redo() is None


def test_undo_is_durable(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    h = s.add_highlight("alpha.txt", ALPHA, 31, 60)
    s.undo()
    other = AnnotationStore.open(db_path, readonly=True)  # as after a crash: journal only
    assert other.highlight(h.id) is None
    other.close()
    s.close()


def test_undo_leaves_another_process_changes_alone(db_path: Path) -> None:
    a = AnnotationStore.open(db_path)
    b = AnnotationStore.open(db_path)
    h = a.add_highlight("alpha.txt", ALPHA, 31, 60, note="a's note")
    a.add_tags("alpha.txt", ["from-a"])
    b.add_tags("alpha.txt", ["from-b"])
    b.update_highlight(h.id, label="claim")
    a.undo()  # a's tag goes, b's stays
    assert a.tags("alpha.txt") == ["from-b"]
    a.undo()  # a's highlight goes (it was a's creation)
    assert a.highlight(h.id) is None
    b.undo()  # b's label edit: nothing left to revert, no error
    b.undo()
    assert b.tags("alpha.txt") == []
    a.close()
    b.close()


def test_settings_are_not_undoable(store: AnnotationStore) -> None:
    store.set_codebook(Codebook.default())
    assert store.undo() is None and store.codebook() == Codebook.default()


def test_import_is_one_undoable_step(store: AnnotationStore) -> None:
    hs = [
        {
            "id": new_id(),
            "article": "alpha.txt",
            "start": 0,
            "end": 5,
            "exact": ALPHA[:5],
            "prefix": "",
            "suffix": "",
            "content_hash": "",
        }
        for _ in range(3)
    ]
    report = store.merge(hs, [{"article": "beta.txt", "tags": ["t"]}], [])
    assert report.highlights_added == 3 and report.states_added == 1
    assert store.undo() is not None
    assert store.highlights() == [] and store.tags("beta.txt") == []
