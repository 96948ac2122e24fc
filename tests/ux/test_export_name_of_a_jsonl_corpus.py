"""`E` on a JSON Lines corpus suggests `news-annotations-DATE.md`, not
`news.jsonl-annotations-DATE.md` (a name that reads as a corpus file with a tail)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
async def test_the_suggested_name_leaves_out_the_corpus_file_suffix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    import gzip

    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / name
    raw = (json.dumps({"id": "a", "text": "A headline\n\nSome body text here.\n"}) + "\n")
    corpus.write_bytes(gzip.compress(raw.encode()) if name.endswith(".gz") else raw.encode())
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "E", "enter")  # Markdown: one file of notes
        assert isinstance(app.screen, PromptScreen)
        value = app.screen.query_one("#prompt-input").value
    assert value.endswith(f"news-annotations-{dt.date.today().isoformat()}.md"), value
