"""A file whose name is not UTF-8 (`café.txt` written by a Latin-1 system) is not loaded,
with the reason, instead of breaking everything that saves its id.

Python reads such a name with surrogate escapes; the app listed the file and then crashed
in the background (the quotation cache could not encode its id: "str is not valid UTF-8:
surrogates not allowed"), and a tag or highlight on it could never be saved either.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.tui.screens import MessageScreen
from tests.tui.helpers import make_app, press, settle

LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text('Good title\n\n"We agree," said Ann Lee.\n', encoding="utf-8")
    (folder / LATIN1_NAME).write_text('Other title\n\n"Fine," said Bob Roe.\n', encoding="utf-8")
    sub = folder / os.fsdecode(b"dossi\xe9")
    sub.mkdir()
    (sub / "inner.txt").write_text("Inner title\n\nText.\n", encoding="utf-8")
    return folder


def test_list_names_the_file_as_not_loaded_in_printable_form(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == ["good.txt"]
    assert "skipped caf\ufffd.txt: its name is not UTF-8" in err, err
    assert "skipped dossi\ufffd/inner.txt: its name is not UTF-8" in err, err
    err.encode("utf-8")  # printable: no surrogate escapes


async def test_the_app_lists_it_under_not_loaded_and_keeps_working(
    corpus: Path, isolated_home: Path
) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert [a.id for a in app.corpus.articles] == ["good.txt"]
        await press(pilot, "enter", "d")  # a save: the store writes the article's id
        await settle(app, pilot)
        assert app.store.store.article_state("good.txt").status == "done"
        await press(pilot, "S")
        assert isinstance(app.screen, MessageScreen)
        assert any("caf\ufffd.txt: its name is not UTF-8" in line for line in app.screen.lines)


def test_a_json_lines_file_with_such_a_name_is_not_loaded_either(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / os.fsdecode(b"d\xe9p\xeache.jsonl")).write_text(
        '{"id": "x", "text": "A record\\n\\nIts text."}\n', encoding="utf-8")
    assert main(["list", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == ["good.txt"]
    assert "skipped d\ufffdp\ufffdche.jsonl: its name is not UTF-8" in err, err


def test_search_works_beside_such_names(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader search` recorded the folders it had listed (to find new files later) with
    their names as they were, and crashed on saving that record."""
    assert main(["search", str(corpus), "agree"]) == 0
    (corpus / "new.txt").write_text("New title\n\nWe agree too.\n", encoding="utf-8")
    assert main(["search", str(corpus), "agree"]) == 0
    out = capsys.readouterr().out
    assert sorted(line.split("\t")[0] for line in out.splitlines()[1:]) == ["good.txt",
                                                                          "new.txt"]


def test_a_corpus_whose_own_path_is_not_utf8_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder copied from a Latin-1 system: listing worked, but `reader search` and
    `reader export` ended in tracebacks (the folder's path is written in what they save)."""
    folder = tmp_path / os.fsdecode(b"r\xe9p")
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nWords.\n", encoding="utf-8")
    for command in (["list"], ["search"], ["export"]):
        args = [*command, str(folder)] + (["words"] if command == ["search"] else [])
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "r\ufffdp is not UTF-8" in err, err
