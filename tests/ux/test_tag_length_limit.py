"""A 400-character tag was accepted: a note pasted into the tag box became a filter token,
a hashtag and a CSV column nobody could read. Tags hold at most `MAX_TAG_LENGTH` (64)
characters; a longer one is refused with one line, in the app and in `reader tag`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from annotations.tags import MAX_TAG_LENGTH
from reader.tui.tag_prompt import TagPromptScreen
from tests.tui.helpers import make_app, press, settle

FIRST = "000_4f563db4c078cd2b.txt"


async def test_the_tag_box_refuses_a_long_tag_and_keeps_the_others(
    seeds_copy: Path, isolated_home: Path
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t")
        assert isinstance(app.screen, TagPromptScreen)
        app.screen.query_one(Input).value = "x" * 400
        await press(pilot, "enter")
        await settle(app, pilot)
        assert app.store.tags(FIRST) == []
        said = [str(n.message) for n in app._notifications]
        assert any("400 characters; a tag holds at most 64" in s for s in said), said
        await press(pilot, "t")
        app.screen.query_one(Input).value = "y" * MAX_TAG_LENGTH
        await press(pilot, "enter")
        await settle(app, pilot)
        assert app.store.tags(FIRST) == ["y" * MAX_TAG_LENGTH]  # the limit itself is a tag


def test_reader_tag_refuses_a_long_tag_in_one_line(seeds_copy: Path, isolated_home: Path) -> None:
    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reader", "tag", str(seeds_copy), FIRST,
                               *args], capture_output=True, text=True, timeout=120)

    out = reader("short", "z" * 65)
    assert out.returncode == 2
    (line,) = out.stderr.splitlines()
    assert "65 characters; a tag holds at most 64" in line
    assert out.stdout == ""
    listed = subprocess.run([sys.executable, "-m", "reader", "tag", str(seeds_copy), FIRST,
                             "ok"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0
    assert listed.stdout.strip().endswith("\tok")  # "short" was not taken with the long one
