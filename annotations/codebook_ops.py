"""Growing a codebook: rename, delete and merge labels, parent/child labels, key digits.

Two halves. The codebook transforms are pure (`Codebook` in, new `Codebook` out), so the
app and tests check them without a store. `relabel` is the store half: it moves the
highlights of one or more labels to another label (or to none) for *every* coder, as one
undoable change through the store's journal, so a rename, delete or merge keeps every
highlight. Undo reverts the highlights; the codebook file keeps its new form (it is the
project's settings, like `set_codebook`), and a highlight whose label is no longer in the
codebook is still shown and exported, under its old name.

Hierarchy: one level. A label's `parent` names a top-level label; a parent cannot itself
have a parent. Keys: a label keeps the digit it has; a new label gets the first free
digit, and once all nine are taken the others are reached through the label picker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from annotations.errors import AnnotationInputError
from annotations.model import Codebook, Label, TagDef, now_iso
from annotations.state import Op, put
from annotations.tags import label_too_long
from annotations.undo import Change
from reader.palette import colour_names, known_colour

DIGITS = "123456789"


def _copy(codebook: Codebook) -> Codebook:
    return Codebook([replace(lab) for lab in codebook.labels], [replace(t) for t in codebook.tags])


def _need(codebook: Codebook, name: str) -> Label:
    label = codebook.label(name)
    if label is None:
        raise AnnotationInputError(f"no label {name!r} in the codebook")
    return label


def check_name(codebook: Codebook, name: str, *, allow: str | None = None) -> str:
    """A usable new label name: not empty, printable, not taken (except by `allow`)."""
    clean = " ".join(str(name).split())
    if not clean:
        raise AnnotationInputError("a label needs a name")
    if not clean.isprintable():
        raise AnnotationInputError(f"label {clean!r} contains control characters")
    if problem := label_too_long(clean):
        raise AnnotationInputError(problem)
    if clean != allow and codebook.label(clean) is not None:
        raise AnnotationInputError(f"there is already a label {clean!r}")
    return clean


def free_key(codebook: Codebook) -> str:
    """The first digit no label has yet ("" when all nine are taken)."""
    used = {lab.key for lab in codebook.labels}
    return next((d for d in DIGITS if d not in used), "")


def add_label(
    codebook: Codebook, name: str, colour: str = "yellow", description: str = "",
    parent: str = "",
) -> Codebook:
    out = _copy(codebook)
    clean = check_name(out, name)
    if colour and not known_colour(colour):  # "chartreuse" silently drew forest green
        raise AnnotationInputError(f"unknown colour {colour!r}: use {colour_names()}")
    if parent:
        _check_parent(out, clean, parent)
    out.labels.append(Label(clean, free_key(out), colour or "yellow", description, parent))
    return _ordered(out)


def rename_label(codebook: Codebook, old: str, new: str) -> Codebook:
    """`old` becomes `new`, keeping its key, colour, description, parent and children."""
    out = _copy(codebook)
    label = _need(out, old)
    clean = check_name(out, new, allow=old)
    label.name = clean
    for lab in out.labels:
        if lab.parent == old:
            lab.parent = clean
    return out


def delete_label(codebook: Codebook, name: str) -> Codebook:
    """Without `name`; its children move to the top level."""
    out = _copy(codebook)
    _need(out, name)
    out.labels = [lab for lab in out.labels if lab.name != name]
    for lab in out.labels:
        if lab.parent == name:
            lab.parent = ""
    return out


def merge_labels(codebook: Codebook, source: str, target: str) -> Codebook:
    """`source` folded into `target`: source goes, its children hang from target (or from
    target's parent when target is itself a child: one level only)."""
    if source == target:
        raise AnnotationInputError("a label cannot be merged into itself")
    out = _copy(codebook)
    _need(out, source)
    goal = _need(out, target)
    new_parent = goal.parent or target
    out.labels = [lab for lab in out.labels if lab.name != source]
    for lab in out.labels:
        if lab.parent == source:
            lab.parent = "" if lab.name == new_parent else new_parent
    return _ordered(out)


def _check_parent(codebook: Codebook, name: str, parent: str) -> None:
    if parent == name:
        raise AnnotationInputError("a label cannot be its own parent")
    up = _need(codebook, parent)
    if up.parent:
        raise AnnotationInputError(
            f"{parent!r} is itself under {up.parent!r}: labels nest one level only"
        )
    if any(lab.parent == name for lab in codebook.labels):
        raise AnnotationInputError(f"{name!r} has labels under it: it cannot go under another")


def set_parent(codebook: Codebook, name: str, parent: str) -> Codebook:
    """`name` under `parent` ("" = top level)."""
    out = _copy(codebook)
    label = _need(out, name)
    if parent:
        _check_parent(out, name, parent)
    label.parent = parent
    return _ordered(out)


def _ordered(codebook: Codebook) -> Codebook:
    """Children right after their parent (so the picker and the keys follow the tree);
    otherwise the codebook's order."""
    names = {lab.name for lab in codebook.labels}
    top = [lab for lab in codebook.labels if not lab.parent or lab.parent not in names]
    out: list[Label] = []
    for lab in top:
        out.append(lab)
        out.extend(c for c in codebook.labels if c.parent == lab.name and c not in top)
    return Codebook(out, codebook.tags)


def tree_rows(codebook: Codebook) -> list[tuple[Label, int]]:
    """(label, depth) in display order: parents, each followed by its children."""
    return [(lab, 1 if lab.parent and codebook.label(lab.parent) else 0)
            for lab in _ordered(codebook).labels]


def merge_codebooks(ours: Codebook, theirs: Codebook) -> tuple[Codebook, list[str], list[str]]:
    """Ours plus what only theirs has (an imported `.qdc` or project): (codebook, labels
    added, tags added). Our labels keep their colours and keys; nothing of ours goes."""
    out = _copy(ours)
    added: list[str] = []
    for lab in theirs.labels:
        if out.label(lab.name) is None:
            parent = lab.parent if lab.parent and (
                out.label(lab.parent) is not None or theirs.label(lab.parent) is not None
            ) else ""
            out.labels.append(Label(lab.name, "", lab.colour, lab.description, parent))
            added.append(lab.name)
    tags_added = []
    have = {t.name for t in out.tags}
    for t in theirs.tags:
        if t.name not in have:
            out.tags.append(TagDef(t.name, "", t.description))
            tags_added.append(t.name)
    out = _ordered(out)
    for lab in out.labels:
        if lab.name in added:
            lab.key = free_key(out)
    return out, added, tags_added


# -- the store half -------------------------------------------------------------------------


def label_counts(store: Any) -> dict[str, int]:
    """Highlights per label, over every coder."""
    counts: dict[str, int] = {}
    for h in store.highlights(coder=None):
        counts[h.label] = counts.get(h.label, 0) + 1
    return counts


def relabel(store: Any, mapping: Mapping[str, str], description: str) -> int:
    """Give every highlight (every coder's) labelled `old` the label `mapping[old]` ("" for
    unlabelled), as one undoable change; returns how many highlights changed."""
    if any(not isinstance(v, str) for v in mapping.values()):
        raise AnnotationInputError("a new label must be text")
    wanted = {k: v for k, v in mapping.items() if k != v}

    def build() -> tuple[list[Op], str, list[Change], int]:
        ops: list[Op] = []
        changes: list[Change] = []
        stamp = now_iso()
        for key, record in list(store._state.tables["highlights"].items()):
            new = wanted.get(record.get("label", ""))
            if new is None:
                continue
            after = {**record, "label": new, "updated": stamp}
            ops.append(put("highlights", key, after))
            changes.append(Change("highlights", key, record, after))
        return ops, f"{description} ({len(ops)} highlights)", changes, len(ops)

    if not wanted:
        return 0
    return int(store._commit(build))
