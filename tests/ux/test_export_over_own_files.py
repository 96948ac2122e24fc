"""An export never replaces what it is made from.

`reader export CORPUS -f json -o CORPUS/annotations.json` ("the annotations, to
annotations.json") replaced the annotation file with the export and every later command
said the store was broken; `-o news.jsonl` on a JSON Lines corpus replaced the corpus
with an empty export; `-o ARTICLE.txt` an article with Markdown. Now: one line, exit 2,
nothing written. The app's `E` refuses the same paths before asking "Replace it".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.tui.screens import ChoiceScreen, PromptScreen
from tests.tui.helpers import make_app, press, settle


def _tagged(corpus: Path) -> str:
    first = sorted(p.name for p in corpus.glob("*.txt"))[0]
    assert main(["tag", str(corpus), first, "keep-me"]) == 0
    return first


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()
            and not p.name.endswith(".lock")}


@pytest.mark.parametrize("fmt, name", [
    ("json", "annotations.json"),
    ("json", "annotations.json.journal"),
    ("csv", "annotations.cache.json"),
    ("md", "codebook.toml"),
    ("md", "ARTICLE"),
    ("jsonld", "new-article.txt"),
    ("json", "extra.jsonl"),
    ("qdpx", "annotations.json"),
    ("qdc", "codebook.toml"),
])
def test_an_export_over_the_corpus_or_the_annotations_is_refused(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    first = _tagged(seeds_copy)
    (seeds_copy / "codebook.toml").write_text("", encoding="utf-8")
    before = _snapshot(seeds_copy)
    capsys.readouterr()
    target = seeds_copy / (first if name == "ARTICLE" else name)
    assert main(["export", str(seeds_copy), "-f", fmt, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reader: error: {target} ") and err.count("\n") == 1, err
    assert _snapshot(seeds_copy) == before
    assert main(["annotations", str(seeds_copy), "--json"]) == 0
    assert "keep-me" in capsys.readouterr().out


def test_a_json_lines_corpus_file_is_not_an_export_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Some words here.\n"}) + "\n",
                      encoding="utf-8")
    before = corpus.read_bytes()
    for args in (["-f", "json"], ["-f", "text", "--jsonl"]):
        assert main(["export", str(corpus), *args, "-o", str(corpus)]) == 2
        assert "is a file of the corpus" in capsys.readouterr().err
        assert corpus.read_bytes() == before


def test_an_earlier_export_is_still_replaced(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o names the file to write: refreshing last week's export needs no flag."""
    _tagged(seeds_copy)
    out = tmp_path / "annotations.json"  # the same name, outside the corpus: fine
    out.write_text("last week\n", encoding="utf-8")
    assert main(["export", str(seeds_copy), "-f", "json", "-o", str(out)]) == 0
    assert "keep-me" in out.read_text(encoding="utf-8")


async def test_the_app_refuses_the_annotation_file_before_asking(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "t", *"keep-me", "enter")
        await app.workers.wait_for_complete()
        db = app.store.path
        await press(pilot, "E", "down", "down", "enter")  # JSON
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input").value = str(db)
        await press(pilot, "enter")
        assert not isinstance(app.screen, ChoiceScreen), "offered to replace the store"
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("reader's own files" in m for m in shown), shown
    assert main(["annotations", str(seeds_copy), "--json"]) == 0


async def test_started_inside_the_corpus_the_clean_text_default_is_beside_it(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default is the folder the app was started in; inside the corpus, the clean
    text's .jsonl would be read as articles, so the suggestion goes beside the corpus."""
    monkeypatch.chdir(seeds_copy)
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "E", *["down"] * 6, "enter")  # Clean text (JSON Lines)
        assert isinstance(app.screen, PromptScreen)
        value = app.screen.query_one("#prompt-input").value
        assert value.endswith(".jsonl") and Path(value).parent == seeds_copy.parent, value
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert Path(value).is_file()
