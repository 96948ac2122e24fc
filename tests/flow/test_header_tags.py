"""The header's tag row says when it could not show every tag.

With ten tags on an article, the header at 80 columns showed two of them and cut the
rest without a sign, so a coder believed the article had two tags. The row now ends
with "+N (t)": N more tags, which the tag prompt lists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"
TAGS = ["killtest", "foreign-policy", "international-relations", "north-korea",
        "nuclear-weapons", "sanctions", "diplomacy", "opinion", "follow-up", "relevant"]


def _header_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return str(app.query_one("#article-header").render()).split("\n")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tags_that_do_not_fit_are_counted(
    seeds_copy: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    store = AnnotationStore.open(seeds_copy / "annotations.json")
    store.add_tags(FIRST, TAGS)
    store.close()
    app = make_app(seeds_copy)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        await settle(app, pilot)
        row = next(r for r in _header_rows(app) if "#" in r)
        shown = re.findall(r"#(\S+)", row)
        more = re.search(r"\+(\d+) \(t\)", row)
        assert more is not None, row
        assert len(shown) + int(more.group(1)) == len(TAGS), row
        assert shown == TAGS[: len(shown)]
        width = app.query_one("#article-header").size.width
        assert len(row.rstrip()) <= width, row


async def test_tags_that_fit_have_no_count(seeds_copy: Path, isolated_home: Path) -> None:
    store = AnnotationStore.open(seeds_copy / "annotations.json")
    store.add_tags(FIRST, TAGS[:2])
    store.close()
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter")
        row = next(r for r in _header_rows(app) if "#" in r)
        assert "#killtest" in row and "#foreign-policy" in row and "(t)" not in row, row
