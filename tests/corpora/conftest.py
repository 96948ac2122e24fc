"""JSON Lines corpora built in tmp: every field variant, and the bad records to skip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def write_jsonl(path: Path, records: list[object]) -> Path:
    """One line per record: dicts and lists as JSON, strings written as they are."""
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


BODY = "Council approves harbour budget\n\nThe council voted on Tuesday to fund repairs.\n"

VARIANTS: list[object] = [
    {"id": "a1", "title": "Harbour budget approved", "text": BODY,
     "url": "https://www.example.com/news/1", "date": "2020-02-03T10:00:00Z",
     "source": "Example Times"},
    {"maintext": "Second story\n\nA maintext body.", "date_publish": "2020-07-01 08:00:00",
     "source_domain": "news.example.org"},
    "{not json",
    {"content": "Third story\n\nContent body.", "published": "2019-12-31", "site": "Site C"},
    ["a", "list"],
    {"id": "no-text", "title": "Nothing to read"},
    {"body": "Fourth story\n\nBody field.", "url": "https://cbc.ca/x"},
    {"id": "a1", "text": "a duplicate id"},
    {"text": "   "},
]


@pytest.fixture
def jsonl_corpus(tmp_path: Path) -> Path:
    """A folder with one JSON Lines file of every variant beside a .txt article."""
    root = tmp_path / "mixed"
    root.mkdir()
    write_jsonl(root / "news.jsonl", VARIANTS)
    (root / "zz.txt").write_text("Plain text article\n\nIts body.\n", encoding="utf-8")
    (root / "aa.txt").write_text("First plain article\n\nBody.\n", encoding="utf-8")
    return root


REPO = Path(__file__).resolve().parents[2]
# `../shared` beside a checkout, two levels up from a worktree
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared")
               if p.is_dir()), REPO.parent / "shared")
DEV = SHARED / "eval" / "boilerplate" / "dev"


@pytest.fixture
def syndicated(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """A small synthetic set of syndicated copies (bench/make_syndicated.py) and its truth."""
    if not (DEV / "gold.jsonl").is_file():
        pytest.skip(f"the labelled dev pages are not here ({DEV})")
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from make_syndicated import build

    dest = tmp_path / "syndicated"
    truth = build(DEV, dest, stories=6, seed=5, pages_limit=24)
    return dest, truth["groups"]  # type: ignore[return-value]
