"""Tags hold at most 64 characters, but a codebook label could be a 400-character paragraph
(`C` then `a`, a codebook.toml, an imported `.qdc`): a filter token (`label:NAME`), a CSV
cell and a codebook row nobody could read. Labels follow the tag rule, with the same one
line, in the app's codebook screen and for every command reading codebook.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from annotations.tags import MAX_TAG_LENGTH
from reader.cli import main
from reader.tui.codebook_screen import CodebookScreen
from reader.tui.screens import PromptScreen
from tests.tui.helpers import make_app, press, settle


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nWords here.\n", encoding="utf-8")
    return folder


async def test_the_codebook_screen_refuses_a_long_label_as_the_tag_box_does(
    tmp_path: Path, isolated_home: Path
) -> None:
    corpus = _corpus(tmp_path)
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "C")
        assert isinstance(app.screen, CodebookScreen)
        await press(pilot, "a")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "x" * 400 + ", green"
        await press(pilot, "enter")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("400 characters; a label holds at most 64" in s for s in said), said
        assert all(len(lab.name) <= MAX_TAG_LENGTH for lab in app.codebook.labels)
        # a rename to a long name too, and the limit itself is a label
        await press(pilot, "r")
        app.screen.query_one(Input).value = "y" * 65
        await press(pilot, "enter")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("65 characters; a label holds at most 64" in s for s in said), said
        await press(pilot, "a")
        app.screen.query_one(Input).value = "z" * MAX_TAG_LENGTH
        await press(pilot, "enter")
        await settle(app, pilot)
        assert app.codebook.label("z" * MAX_TAG_LENGTH) is not None
    assert "z" * MAX_TAG_LENGTH in (corpus / "codebook.toml").read_text(encoding="utf-8")


def test_a_codebook_toml_with_a_long_label_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "codebook.toml").write_text(
        f'[[labels]]\nname = "{"w" * 70}"\nkey = "1"\n', encoding="utf-8")
    assert main(["highlight", str(corpus), "a.txt", "--start", "0", "--end", "5",
                 "--label", "w" * 70]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "codebook.toml" in err and "70 characters; a label holds at most 64" in err
    assert not (corpus / "annotations.json").exists()


def test_an_imported_qdc_with_a_long_code_is_refused_before_anything_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    qdc = tmp_path / "theirs.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="11111111-1111-1111-1111-111111111111" name="short" isCodable="true"/>'
        f'<Code guid="22222222-2222-2222-2222-222222222222" name="{"q" * 90}" '
        'isCodable="true"/></Codes></CodeBook>\n', encoding="utf-8")
    assert main(["import", str(corpus), str(qdc)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "90 characters; a label holds at most 64" in err, err
    assert not (corpus / "codebook.toml").exists()  # "short" was not taken either
