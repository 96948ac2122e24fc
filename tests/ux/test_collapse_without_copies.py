"""`=` in a corpus without syndicated copies said "one row per group of copies (0 groups)"
and changed nothing a coder could see: it now says there are none."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.tui.helpers import make_app, settle


async def test_collapse_says_there_are_no_copies(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Storm closes the harbour\n\nThe harbour was closed on "
                                  "Monday after a storm damaged the piers.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Council approves the budget\n\nThe council approved "
                                  "next year's budget after a long debate on Tuesday.\n",
                                  encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("equals_sign")
        for _ in range(600):  # `reader dupes` runs in a child process
            said = [str(n.message) for n in app._notifications]
            if any("no syndicated copies" in s or "group" in s for s in said):
                break
            await asyncio.sleep(0.05)
            await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("no syndicated copies in this corpus" in s for s in said), said
        assert not any("0 groups" in s for s in said), said
        assert len([s for s in said if "syndicated copies" in s and "Finding" not in s]) == 1
