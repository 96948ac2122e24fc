"""A read-only corpus (a shared drive, a mounted archive) keeps its caches in the user cache
folder. Its summary, repeated-line and quotation caches were simply not written, so every
`reader list` and every start of the app counted the corpus's repeated lines again (minutes
on a large corpus). Caches left beside the annotations from when the folder was writable
are still read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cache import SummaryCache, cache_path_for
from reader.cli import main
from tests.tui.helpers import settle

RECORDS = [{"id": "r1", "text": "A headline\n\n\"We will,\" she said. The end of it."}]


def _freeze(folder: Path) -> bool:
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        return bool(chattr) and subprocess.run([chattr, "+i", str(folder)]).returncode == 0
    folder.chmod(0o555)
    return True


def _thaw(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run([shutil.which("chattr") or "chattr", "-i", str(folder)])
    else:
        folder.chmod(0o755)


@pytest.fixture
def corpus(seeds_copy: Path, isolated_home: Path) -> Path:
    with (seeds_copy / "wire.jsonl").open("w", encoding="utf-8") as f:
        for r in RECORDS:
            f.write(json.dumps(r) + "\n")
    return seeds_copy


@pytest.fixture
def frozen(corpus: Path) -> Iterator[Path]:
    if os.name != "posix" or not _freeze(corpus):
        pytest.skip("cannot make a read-only folder here")
    try:
        yield corpus
    finally:
        _thaw(corpus)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _list(corpus: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", str(corpus)]) == 0
    return capsys.readouterr().out


def test_a_read_only_corpus_is_listed_from_caches_in_the_user_cache_folder(
    frozen: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _names(frozen)
    first = _list(frozen, capsys)
    assert first.count("\n") == 3
    assert _names(frozen) == before  # nothing written beside the corpus
    cached = cache_path_for(frozen / "annotations.json")
    assert cached.is_relative_to(isolated_home / ".cache"), cached
    # the corpus's repeated lines, counted once: the next run reads them from here
    assert cached.with_name("annotations.repeated.json").exists()
    assert _list(frozen, capsys) == first


def test_caches_left_beside_a_corpus_made_read_only_are_still_read(
    corpus: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _list(corpus, capsys)
    beside = corpus / "annotations.repeated.json"  # what `reader list` writes
    old = beside.read_bytes()
    if not _freeze(corpus):
        pytest.skip("cannot make a read-only folder here")
    try:
        moved = cache_path_for(corpus / "annotations.json").with_name(beside.name)
        assert moved != beside and moved.read_bytes() == old  # taken over, not recounted
        assert _list(corpus, capsys) == first
        assert beside.read_bytes() == old
    finally:
        _thaw(corpus)


def test_a_writable_corpus_keeps_its_caches_beside_it(corpus: Path) -> None:
    assert cache_path_for(corpus / "annotations.json") == corpus / "annotations.cache.json"


async def test_the_app_on_a_read_only_corpus_saves_its_caches_elsewhere(
    frozen: Path, isolated_home: Path
) -> None:
    from reader.tui.app import ReaderApp

    before = _names(frozen)
    app = ReaderApp(frozen)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert len(app.corpus.articles) == 3
        assert app.store.readonly
    cached = cache_path_for(frozen / "annotations.json")
    assert len(SummaryCache(cached)) == 3
    assert _names(frozen) == before


async def test_the_app_remembers_the_view_of_a_read_only_corpus(
    frozen: Path, isolated_home: Path
) -> None:
    """Boilerplate hidden, the open article: forgotten at every start on a read-only
    corpus, since `annotations.view.json` could not be written beside it."""
    from reader.tui.app import ReaderApp

    app = ReaderApp(frozen)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.hide_boilerplate and app.current is not None
        opened = app.corpus.articles[app.current].id
        await pilot.press("q")
    again = ReaderApp(frozen)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        await pilot.pause(0.2)
        assert again.hide_boilerplate
        assert again.current is not None and again.corpus.articles[again.current].id == opened
    assert not (frozen / "annotations.view.json").exists()
