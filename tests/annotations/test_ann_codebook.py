"""codebook.toml: read, written back atomically, and refused loudly when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.codebook import load_codebook, save_codebook
from annotations.model import Codebook, Label, TagDef
from reader.errors import UserError


def test_default_when_there_is_none(tmp_path: Path) -> None:
    assert load_codebook(tmp_path) == Codebook.default()


def test_round_trip_with_awkward_text(tmp_path: Path) -> None:
    book = Codebook(
        labels=[Label("claim", "1", "yellow", 'says "so"\\ \t and\nmore'), Label("ünï", "2")],
        tags=[TagDef("follow-up", "f", "later")],
    )
    path = save_codebook(tmp_path, book)
    assert path == tmp_path / "codebook.toml"
    assert load_codebook(tmp_path) == book
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


@pytest.mark.parametrize(
    "content",
    [
        "[[labels]\nname = 'x'",
        "[[labels]]\nkey = '1'",
        "[[labels]]\nname='a'\n[[labels]]\nname='a'",
        "labels = 3",
        "[[labels]]\nname = 'a'\nkey = 1",
    ],
)
def test_a_broken_codebook_is_an_error_naming_it(tmp_path: Path, content: str) -> None:
    (tmp_path / "codebook.toml").write_text(content)
    with pytest.raises(UserError, match="codebook.toml"):
        load_codebook(tmp_path)
