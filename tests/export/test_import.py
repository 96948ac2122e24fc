"""The JSON round trip: export, import into an empty store, export again: the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.export import collect_for, render
from annotations.export.importer import load_export, parse_export, summary_counts
from reader.corpus import scan
from reader.errors import UserError

from .helpers import NOW, SEEDS, MemoryStore, fake_analyze, fixed_store


def export_json(store: MemoryStore) -> dict:
    data = collect_for("json", scan(SEEDS), store, now=NOW, analyze=fake_analyze)
    return json.loads(render("json", data))


def test_round_trip_into_an_empty_store(pinned_titles: None) -> None:
    first = export_json(fixed_store())
    empty = MemoryStore(book=fixed_store().book, sess=fixed_store().sess)
    report = empty.merge(*_records(first))
    assert not report.conflicts and not report.invalid
    assert summary_counts(report) == (6 + 3 + 6 + 2, 0, 0)
    assert export_json(empty) == first


def test_import_twice_changes_nothing(pinned_titles: None) -> None:
    store = fixed_store()
    before = export_json(store)
    report = store.merge(*_records(before))
    assert summary_counts(report) == (0, 17, 0)
    assert export_json(store) == before


def test_conflicts_keep_ours(pinned_titles: None) -> None:
    doc = export_json(fixed_store())
    doc["articles"][0]["highlights"][0]["note"] = "someone else's note"
    doc["articles"][0]["status"] = "skipped"
    store = fixed_store()
    report = store.merge(*_records(doc))
    added, unchanged, conflicts = summary_counts(report)
    assert conflicts == 2 and added == 0
    assert any("a1a1a1a1" in c for c in report.conflicts)
    assert export_json(store)["articles"][0]["highlights"][0]["note"].startswith("Check")


def _records(doc: dict) -> tuple[list, list, list, list]:
    b = parse_export(doc)
    return b.highlights, b.states, b.corrections, b.memos


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"format": "other"}', "not a reader JSON export"),
        ('{"format": "reader-annotations", "version": 99}', "reads up to 2"),
        ('{"format": "reader-annotations", "version": "1"}', "unknown export version"),
        ('{"format": "reader-annotations", "version": 1, "articles": {}}', "is not a list"),
    ],
)
def test_unreadable_exports_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message.replace("(", r"\(")) as info:
        load_export(path)
    assert "\n" not in str(info.value)


def test_bad_records_are_listed_not_fatal() -> None:
    doc = {
        "format": "reader-annotations",
        "version": 1,
        "articles": [
            "nonsense",
            {
                "article": "a.txt",
                "tags": ["x"],
                "highlights": [
                    "nope",
                    {"id": "h1", "start": 0, "end": 3, "exact": "abc", "unknown_key": 1},
                    {"start": 0},
                ],
            },
        ],
    }
    b = parse_export(doc)
    assert [h.id for h in b.highlights] == ["h1"] and b.highlights[0].article == "a.txt"
    assert b.states[0].tags == ["x"]
    assert len(b.invalid) == 3


def test_round_trip_through_the_real_store(pinned_titles: None, tmp_path: Path) -> None:
    """Everything, codebook and sessions included, survives export -> import -> export."""
    from annotations.export.importer import import_bundle
    from annotations.store import AnnotationStore

    first = export_json(fixed_store())
    with AnnotationStore.open(tmp_path / "annotations.json") as store:
        report, notes = import_bundle(store, parse_export(first))
        assert not report.conflicts and not report.invalid and not notes
    with AnnotationStore.open(tmp_path / "annotations.json", readonly=True) as store:
        again = json.loads(
            render("json", collect_for("json", scan(SEEDS), store, now=NOW, analyze=fake_analyze))
        )
    assert again == first
