"""`reader export -f md --split VAULT` does not write over a note the user edited.

The notes are made for Obsidian, where people write in them; running the same export a
week later replaced every note of the same name and the writing was gone, without a word.
Now an edited note is kept, named on stderr, and the exit status is 1; notes nobody
touched are refreshed as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def _two_tagged(corpus: Path) -> list[str]:
    names = sorted(p.name for p in corpus.glob("*.txt"))[:2]
    for name in names:
        assert main(["tag", str(corpus), name, "economy"]) == 0
    return names


def _note_of(vault: Path, article: str) -> Path:
    hits = [p for p in vault.glob("*.md") if f'article: "{article}"' in p.read_text("utf-8")]
    assert len(hits) == 1, hits
    return hits[0]


def test_an_edited_note_is_kept_and_named(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_tagged(seeds_copy)
    vault = tmp_path / "vault"
    assert main(["export", str(seeds_copy), "-f", "md", "--split", str(vault)]) == 0
    mine = _note_of(vault, first)
    mine.write_text(mine.read_text("utf-8") + "\nMy reading of this piece.\n", "utf-8")
    assert main(["tag", str(seeds_copy), second, "follow-up"]) == 0
    capsys.readouterr()

    assert main(["export", str(seeds_copy), "-f", "md", "--split", str(vault)]) == 1
    err = capsys.readouterr().err
    assert "kept 1 note edited since the last export" in err and mine.name in err, err
    assert mine.read_text("utf-8").endswith("My reading of this piece.\n")
    assert "follow-up" in _note_of(vault, second).read_text("utf-8")  # the rest refreshed

    mine.unlink()  # deleting it is how to have it written again
    assert main(["export", str(seeds_copy), "-f", "md", "--split", str(vault)]) == 0
    assert "My reading" not in _note_of(vault, first).read_text("utf-8")


def test_notes_of_an_older_export_are_refreshed_when_untouched(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written before the digests were kept: the same note but for its export time is
    replaced; one that says more than the export would is kept."""
    first, second = _two_tagged(seeds_copy)
    vault = tmp_path / "vault"
    assert main(["export", str(seeds_copy), "-f", "md", "--split", str(vault)]) == 0
    (vault / ".reader-notes.json").unlink()
    edited = _note_of(vault, first)
    edited.write_text(edited.read_text("utf-8") + "\nmine\n", "utf-8")
    capsys.readouterr()
    assert main(["export", str(seeds_copy), "-f", "md", "--split", str(vault)]) == 1
    err = capsys.readouterr().err
    assert edited.name in err and _note_of(vault, second).name not in err, err
    assert edited.read_text("utf-8").endswith("\nmine\n")
