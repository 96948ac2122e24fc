"""Regenerate the SVGs in screenshots/ (shown in the README) from the running app.

    python screenshots/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

SHOTS = {
    "main.svg": (False, ["enter"]),
    "help.svg": (False, ["question_mark"]),
    "highlights.svg": (True, ["enter", "right_curly_bracket"]),
    "tag-prompt.svg": (True, ["t", "o", "p"]),
    "hidden-boilerplate.svg": (True, ["j", "enter", "b"]),
    "search.svg": (True, ["slash", *"hawks"]),
    "coded-passages.svg": (True, ["P"]),
    "overview.svg": (True, ["V"]),
    "codebook.svg": (True, ["C"]),
    "memo.svg": (True, ["enter", "m", "W", "h", "y", " ", "n", "o", "w", "?"]),
}


async def shoot(name: str, annotated: bool, keys: list[str], tmp: Path) -> None:
    from reader.tui.app import ReaderApp
    from tests.tui.snapshot_apps import DEMO_CODER, app_for, demo_corpus

    corpus = demo_corpus(tmp / name, annotated=annotated)
    # the search shot needs the full-text index, which the cache-less snapshot app skips
    app = ReaderApp(corpus, coder=DEMO_CODER) if name == "search.svg" else app_for(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(100):  # the search index builds in other processes
            if app.search.ready:
                break
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()  # a search or a count started by the keys
        await pilot.pause(0.3)
        app.save_screenshot(name, str(HERE))
    print(f"wrote screenshots/{name}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        for name, (annotated, keys) in SHOTS.items():
            (Path(tmp) / name).mkdir()
            asyncio.run(shoot(name, annotated, keys, Path(tmp)))


if __name__ == "__main__":
    main()
