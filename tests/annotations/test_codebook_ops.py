"""Growing the codebook: rename, delete, merge and parents keep every highlight."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations import codebook_ops as ops
from annotations.errors import AnnotationInputError
from annotations.model import Codebook
from annotations.store import ALL, AnnotationStore

from .coding import two_coders


def _labels(store: AnnotationStore) -> dict[str, str]:
    return {h.id: h.label for h in store.highlights(coder=ALL)}


@pytest.fixture
def coded(corpus_dir: Path) -> Path:
    return two_coders(corpus_dir)


def test_rename_moves_every_coders_highlights_and_undo_moves_them_back(coded: Path) -> None:
    with AnnotationStore.open(coded, coder="ann") as store:
        before = _labels(store)
        claims = [i for i, lab in before.items() if lab == "claim"]
        assert len(claims) == 2  # one by ann, one by bob
        assert ops.relabel(store, {"claim": "assertion"}, "rename claim") == 2
        after = _labels(store)
        assert after.keys() == before.keys()
        assert {i: lab for i, lab in after.items() if lab == "assertion"}.keys() == set(claims)
        assert {i: lab for i, lab in after.items() if i not in claims} == {
            i: lab for i, lab in before.items() if i not in claims
        }
        store.undo()
        assert _labels(store) == before
    # bob's highlight was changed by ann's handle: the change is in the file for everyone
    with AnnotationStore.open(coded, coder="bob") as bob:
        assert _labels(bob) == before


def test_delete_keeps_highlights_unlabelled_or_moves_them(coded: Path) -> None:
    with AnnotationStore.open(coded, coder="ann") as store:
        before = _labels(store)
        assert ops.relabel(store, {"opinion": ""}, "delete opinion") == 1
        assert ops.relabel(store, {"evidence": "claim"}, "delete evidence") == 1
        after = _labels(store)
    assert after.keys() == before.keys()
    assert sorted(after.values()) == sorted(
        {"opinion": "", "evidence": "claim"}.get(v, v) for v in before.values()
    )


def test_pure_codebook_ops() -> None:
    cb = Codebook.default()
    cb = ops.add_label(cb, "source", "blue", "who is quoted", parent="actor")
    names = [lab.name for lab in cb.labels]
    assert names[:5] == ["claim", "evidence", "opinion", "actor", "source"]
    assert cb.label("source").key == "7"  # the first free digit; old keys never move
    renamed = ops.rename_label(cb, "actor", "agent")
    assert renamed.label("source").parent == "agent" and renamed.label("agent").key == "4"
    with pytest.raises(AnnotationInputError, match="already"):
        ops.rename_label(cb, "actor", "claim")
    with pytest.raises(AnnotationInputError, match="one level"):
        ops.add_label(cb, "deeper", parent="source")
    with pytest.raises(AnnotationInputError, match="has labels under it"):
        ops.set_parent(cb, "actor", "claim")
    merged = ops.merge_labels(cb, "actor", "claim")
    assert merged.label("actor") is None and merged.label("source").parent == "claim"
    deleted = ops.delete_label(cb, "actor")
    assert deleted.label("source").parent == ""
    for n in range(12):
        cb = ops.add_label(cb, f"extra{n}")
    assert len(cb.labels) == 19 and [lab.key for lab in cb.labels].count("") == 10


def test_merge_codebooks_adds_only_what_is_new() -> None:
    ours = Codebook.default()
    theirs = ops.add_label(Codebook(), "claim", "red")
    theirs = ops.add_label(theirs, "hype", "red")
    merged, labels, tags = ops.merge_codebooks(ours, theirs)
    assert labels == ["hype"] and tags == []
    assert merged.label("claim").colour == ours.label("claim").colour
