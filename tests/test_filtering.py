"""The `/` filter: query parsing and matching (free text, tag:, -tag:, is:)."""

from __future__ import annotations

import pytest

from reader.filtering import filter_indices, parse

TITLES = [
    "storm hits coast f/a.txt",
    "budget talks stall f/b.txt",
    "storm over budget f/c.txt",
    "sports roundup f/d.txt",
]
TAGS = [["Climate"], ["politics", "economy"], ["climate", "economy"], []]
STATUS = ["done", "todo", "skipped", "todo"]


def run(query: str) -> list[int]:
    return filter_indices(parse(query), TITLES, lambda i: TAGS[i], lambda i: STATUS[i])


def test_parse_splits_words_tags_and_status() -> None:
    q = parse("Storm tag:Climate -tag:economy is:done  coast")
    assert (q.text, q.tags, q.status, q.negated_tags) == (
        ("storm", "coast"), ("Climate",), "done", ("economy",))
    assert not q.empty


def test_parse_empty_and_blank() -> None:
    assert parse("").empty
    assert parse("   ").empty


@pytest.mark.parametrize("token", ["tag:", "-tag:", "is:", "is:nonsense"])
def test_incomplete_operators_are_plain_words(token: str) -> None:
    assert parse(token).text == (token.lower(),)


def test_case_of_operators_is_ignored() -> None:
    q = parse("TAG:Climate IS:Done")
    assert q.tags == ("Climate",) and q.status == "done"


def test_empty_query_keeps_everything() -> None:
    assert run("") == [0, 1, 2, 3]


def test_free_text_needs_every_word_case_insensitive() -> None:
    assert run("storm") == [0, 2]
    assert run("STORM budget") == [2]
    assert run("storm sports") == []


def test_free_text_matches_the_file_name_too() -> None:
    assert run("d.txt") == [3]


def test_tags_are_required_and_case_insensitive() -> None:
    assert run("tag:climate") == [0, 2]
    assert run("tag:climate tag:economy") == [2]


def test_negated_tags_exclude() -> None:
    assert run("-tag:economy") == [0, 3]
    assert run("tag:climate -tag:ECONOMY") == [0]


@pytest.mark.parametrize(
    ("status", "expected"), [("done", [0]), ("todo", [1, 3]), ("skipped", [2])]
)
def test_status(status: str, expected: list[int]) -> None:
    assert run(f"is:{status}") == expected


def test_everything_combined() -> None:
    assert run("budget tag:economy -tag:politics is:skipped") == [2]
    assert run("budget tag:economy -tag:politics is:done") == []


def test_result_keeps_corpus_order() -> None:
    assert run("t") == sorted(run("t"))


def annotated_rows():
    """(index, status, tags) for the entries with any state, as the app passes them."""
    return [(i, STATUS[i], TAGS[i]) for i in range(len(TITLES))
            if STATUS[i] != "todo" or TAGS[i]]


@pytest.mark.parametrize(
    "query",
    ["", "storm", "storm budget", "tag:climate", "tag:CLIMATE tag:economy", "-tag:economy",
     "is:todo", "is:done", "is:skipped", "is:todo -tag:politics", "budget is:todo",
     "tag:nothing", "-tag:nothing", "storm -tag:climate", "zzz is:todo"],
)
def test_fast_path_from_annotated_entries_agrees(query: str) -> None:
    slow = run(query)
    fast = filter_indices(parse(query), TITLES, lambda i: TAGS[i], lambda i: STATUS[i],
                          annotated=annotated_rows)
    assert fast == slow
