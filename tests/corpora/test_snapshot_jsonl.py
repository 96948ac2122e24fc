"""SVG snapshot of the main screen on a JSON Lines corpus: metadata columns and header row.

After a deliberate UI change: `pytest tests/corpora/test_snapshot_jsonl.py --snapshot-update`.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS
from tests.tui.snapshot_apps import app_for, wait_ready


def jsonl_seeds(where: Path) -> Path:
    """The two seeds as records of one JSON Lines file, with URL, date and source."""
    path = where / "seeds.jsonl"
    meta = [("https://www.reddeeradvocate.com/opinion/trump-kim", "2019-07-10",
             "Red Deer Advocate"),
            ("https://www.washingtonpost.com/opinions/north-korea-deal", "2018-04-17",
             "The Washington Post")]
    with open(path, "w", encoding="utf-8") as f:
        for (url, date, source), p in zip(meta, sorted(SEEDS.glob("*.txt")), strict=True):
            f.write(json.dumps({"id": p.stem[:3], "url": url, "date": date, "source": source,
                                "text": p.read_text(encoding="utf-8")}) + "\n")
        f.write("{not json\n")
    return path


def test_jsonl_main_screen(snap_compare, tmp_path: Path, isolated_home: Path) -> None:
    app = app_for(jsonl_seeds(tmp_path))
    assert snap_compare(app, terminal_size=(160, 40), run_before=wait_ready, press=["enter"])
