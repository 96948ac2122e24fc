"""The clean-text export said only "wrote the cleaned text to PATH" (the app: "exported to
PATH"): a coder exporting a corpus for a model could not tell whether every article was in
it. Both now say how many articles they wrote, as the other formats do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.tui.screens import ChoiceScreen
from tests.tui.helpers import make_app, press, settle


def test_reader_export_text_counts_the_articles(seeds_copy: Path, tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "export", str(seeds_copy), "-f",
                          "text", "-o", str(tmp_path / "clean.jsonl"), "--jsonl"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    n = len((tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines())
    assert n == 2
    assert f"wrote the cleaned text of {n} articles to" in out.stderr


async def test_the_app_text_export_counts_the_articles(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(pilot, "E")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, *(["down"] * 6), "enter", "enter")  # clean text, default path
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [str(n.message).replace("\n", "") for n in app._notifications]
        assert any(s.startswith("exported the cleaned text of 2 articles to") for s in said), \
            said
