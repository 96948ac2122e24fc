"""Counts in messages agree with their noun: "1 article(s), 0 highlight(s)" and
"1 highlights added" were what a coder read after an export or an import."""

from __future__ import annotations

from annotations.merge import MergeReport
from reader.wording import plural


def test_plural_agrees_with_the_count() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "highlight") == "0 highlights"
    assert plural(1204, "article") == "1,204 articles"
    assert plural(2, "journal entry", "journal entries") == "2 journal entries"


def test_the_import_step_names_its_counts_in_words() -> None:
    report = MergeReport()
    report.highlights_added, report.corrections_added, report.memos_added = 1, 2, 1
    said = report.summary()
    assert "1 highlight added" in said and "2 corrections added" in said, said
    assert "1 memo added" in said and "(s)" not in said
