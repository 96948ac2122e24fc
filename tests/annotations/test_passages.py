"""Coded passages: every highlight grouped by label, filtered, and exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from annotations.passages import (
    NO_LABEL,
    group_by_label,
    list_passages,
    passages_csv,
    passages_markdown,
    write_passages,
)
from annotations.store import AnnotationStore

A = "Storm hits the coast. The mayor said the harbour will close. Boats stay in.\n"
B = "Budget talks stall. =SUM(A1) is what the clerk typed. Nobody agreed.\n"


@pytest.fixture
def coded(store: AnnotationStore) -> AnnotationStore:
    for article, text, exact, label, note in [
        ("b.txt", B, "Budget talks stall.", "claim", ""),
        ("a.txt", A, "Boats stay in.", "claim", "a detail"),
        ("a.txt", A, "Storm hits the coast.", "claim", ""),
        ("a.txt", A, "The mayor said the harbour will close.", "evidence", "official"),
        ("b.txt", B, "=SUM(A1) is what the clerk typed.", "", "=cmd|' /C calc'!A0"),
    ]:
        s = text.index(exact)
        store.add_highlight(article, text, s, s + len(exact), label, note)
    store.add_tags("a.txt", ["weather"])
    return store


def titles(article: str) -> str:
    return {"a.txt": "Storm", "b.txt": "Budget"}[article]


def test_grouped_by_codebook_label_order_then_corpus_order(coded: AnnotationStore) -> None:
    got = list_passages(coded, titles, order=["a.txt", "b.txt"],
                        label_order=["evidence", "claim"])
    assert [(p.label, p.article, p.text) for p in got] == [
        ("evidence", "a.txt", "The mayor said the harbour will close."),
        ("claim", "a.txt", "Storm hits the coast."),
        ("claim", "a.txt", "Boats stay in."),
        ("claim", "b.txt", "Budget talks stall."),
        (NO_LABEL, "b.txt", "=SUM(A1) is what the clerk typed."),
    ]
    assert [name for name, _ in group_by_label(got)] == ["evidence", "claim", NO_LABEL]
    assert got[0].title == "Storm" and got[0].note == "official"


def test_filters_by_label_and_tag(coded: AnnotationStore) -> None:
    by_label = list_passages(coded, titles, label="claim")
    assert {p.text for p in by_label} == {"Storm hits the coast.", "Boats stay in.",
                                          "Budget talks stall."}
    by_tag = list_passages(coded, titles, tag="Weather")
    assert {p.article for p in by_tag} == {"a.txt"} and len(by_tag) == 3
    assert list_passages(coded, titles, label="claim", tag="weather", coder="nobody") == []


def test_markdown_has_a_section_per_label_with_quote_source_and_note(
    coded: AnnotationStore,
) -> None:
    md = passages_markdown(list_passages(coded, titles, order=["a.txt", "b.txt"]))
    assert md.index("## claim (3)") < md.index("## evidence (1)")
    assert "> The mayor said the harbour will close." in md
    assert "*Storm* (`a.txt`" in md and "Note: official" in md


def test_csv_rows_and_no_formula_injection(coded: AnnotationStore, tmp_path: Path) -> None:
    passages = list_passages(coded, titles)
    rows = list(csv.DictReader(io.StringIO(passages_csv(passages))))
    assert len(rows) == 5
    odd = next(r for r in rows if r["label"] == NO_LABEL)
    assert odd["text"].startswith("'=") and odd["note"].startswith("'=")
    out = write_passages(passages, tmp_path / "p.csv", "csv")
    assert out.read_text(encoding="utf-8") == passages_csv(passages)
    with pytest.raises(OSError):  # (a missing folder is made, as by every export)
        write_passages(passages, tmp_path / "p.csv" / "p.md", "md")
    with pytest.raises(ValueError):
        write_passages(passages, tmp_path / "p.x", "xlsx")


def test_every_coders_passages_by_default_and_one_coders_on_request(db_path: Path) -> None:
    for coder, exact in (("ann", "Storm hits the coast."), ("bo", "Boats stay in.")):
        s = AnnotationStore.open(db_path, coder=coder)
        try:
            start = A.index(exact)
            s.add_highlight("a.txt", A, start, start + len(exact), "claim")
            s.add_tags("a.txt", [f"tag-of-{coder}"])
        finally:
            s.close()
    store = AnnotationStore.open(db_path, coder="ann")
    try:
        everyone = list_passages(store, titles)
        assert {(p.coder, p.text) for p in everyone} == {("ann", "Storm hits the coast."),
                                                         ("bo", "Boats stay in.")}
        assert [p.text for p in list_passages(store, titles, coder="bo")] == ["Boats stay in."]
        # an article's tags are every coder's
        assert len(list_passages(store, titles, tag="tag-of-bo")) == 2
        assert "coder bo" in passages_markdown(everyone)
    finally:
        store.close()
