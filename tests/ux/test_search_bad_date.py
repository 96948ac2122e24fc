"""`date:2020-13` gave 0 results silently and `date:abc` was searched as the words "date
abc": a typo looked like an empty corpus. A bad `date:` value now says what is wrong and
which forms are accepted, in the `/` box and in `reader search` (as `label:` does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.tui.app import ReaderApp
from tests.tui.helpers import settle
from tests.tui.test_search import corpus, info, listed, type_query

__all__ = ["corpus"]  # the fixture


async def test_the_box_names_an_impossible_month_and_the_forms(corpus: Path) -> None:
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(app, pilot)
        everything = listed(app)
        await type_query(app, pilot, "date:2020-13")
        assert "2020-13 has no month 13" in info(app)
        assert "YYYY-MM-DD" in info(app)
        for _ in "2020-13":
            await pilot.press("backspace")
        await pilot.press("a", "b", "c")
        await settle(app, pilot)
        assert "'abc' is not a date" in info(app)
        for _ in "date:abc":
            await pilot.press("backspace")
        await settle(app, pilot)
        assert listed(app) == everything
        assert "not a date" not in info(app)


@pytest.mark.parametrize(("query", "says"), [
    ("date:2020-13", "2020-13 has no month 13"),
    ("date:abc", "'abc' is not a date"),
    ("date:2021-02-29..2021-03", "2021-02-29 has no day 29"),
    ("date:2021..2020", "2021..2020 ends before it starts"),
])
def test_reader_search_refuses_a_bad_date_in_one_line(corpus: Path, query: str,
                                                      says: str) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "search", str(corpus), query],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert says in line and "date: takes YYYY, YYYY-MM or YYYY-MM-DD" in line
