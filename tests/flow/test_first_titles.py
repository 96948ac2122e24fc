"""Titles on the first screen (issue 19, item 14): a warm start knows the titles of the rows
that were on screen before its first frame, from the view state, checked by a stat."""

from __future__ import annotations

import os
from pathlib import Path

from reader.tui.app import ReaderApp
from tests.conftest import SEED_TITLES
from tests.tui.helpers import press, settle


async def test_warm_start_has_titles_before_the_first_frame(
    seeds_copy: Path, isolated_home: Path
) -> None:
    cold = ReaderApp(seeds_copy)
    assert [a.title for a in cold.corpus.articles] == [None, None]  # file names at first
    async with cold.run_test(size=(120, 40)) as pilot:
        await settle(cold, pilot)
        await press(pilot, "q")
    warm = ReaderApp(seeds_copy)  # not yet run: nothing drawn, no indexer
    titles = [a.title for a in warm.corpus.articles]
    assert titles[0] == SEED_TITLES[0] and (titles[1] or "").startswith(SEED_TITLES[1])
    assert SEED_TITLES[0].lower() in warm.titles_lower[0]  # the filter knows them too
    # a file changed since: its remembered title is not trusted
    second = warm.corpus.articles[1].path
    st = second.stat()
    os.utime(second, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    changed = ReaderApp(seeds_copy)
    assert changed.corpus.articles[0].title == SEED_TITLES[0]
    assert changed.corpus.articles[1].title is None
