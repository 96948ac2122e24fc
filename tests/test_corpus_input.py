"""Hostile input the fixtures did not cover: a NUL deep in a file, symlinked folder loops."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reader.corpus import ArticleError, open_corpus, read_text
from tests.e2e.tmux import reader_script

BODY = b"A plain headline\n\n" + b"Ordinary words of a scraped article. " * 200


@pytest.mark.parametrize("offset", [5_000, 50_000])
def test_a_nul_byte_deep_in_the_file_marks_it_binary(tmp_path: Path, offset: int) -> None:
    data = (BODY * (offset // len(BODY) + 2))[: offset + 1000]
    assert b"\x00" not in data[:offset]
    path = tmp_path / "deep.txt"
    path.write_bytes(data[:offset] + b"\x00" + data[offset + 1 :])
    with pytest.raises(ArticleError, match="binary"):
        read_text(path)


def test_reader_list_skips_a_file_with_a_nul_at_5000(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(BODY)
    (corpus / "deep.txt").write_bytes(BODY[:5000] + b"\x00" + BODY[5001:])
    out = subprocess.run([reader_script(), "list", str(corpus)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert [line.split("\t")[0] for line in out.stdout.splitlines()] == ["good.txt"]
    assert "deep.txt" in out.stderr and "binary" in out.stderr


def test_utf16_text_with_its_bom_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(("Headline\n\n" + "words " * 2000).encode("utf-16"))  # NULs everywhere
    assert read_text(path).text.startswith("Headline")


def loop_corpus(root: Path) -> Path:
    """Three kinds of loop: a link to an ancestor two levels up, two links pointing at each
    other (never a folder), and a link to a sibling that links back."""
    (root / "a" / "b").mkdir(parents=True)
    (root / "c").mkdir()
    (root / "top.txt").write_bytes(BODY)
    (root / "a" / "b" / "deep.txt").write_bytes(BODY)
    (root / "c" / "side.txt").write_bytes(BODY)
    (root / "a" / "b" / "up").symlink_to(root / "a", target_is_directory=True)
    (root / "x").symlink_to(root / "y", target_is_directory=True)
    (root / "y").symlink_to(root / "x", target_is_directory=True)
    (root / "c" / "to-a").symlink_to(root / "a", target_is_directory=True)
    (root / "a" / "to-c").symlink_to(root / "c", target_is_directory=True)
    return root


def test_symlinked_folder_loops_are_walked_once(tmp_path: Path) -> None:
    root = loop_corpus(tmp_path / "corpus")
    ids = [a.id for a in open_corpus(root).articles]
    names = sorted(i.rsplit("/", 1)[-1] for i in ids)
    assert names == ["deep.txt", "side.txt", "top.txt"]  # each file once, by one way in


def test_reader_list_finishes_on_a_looping_corpus_reached_through_a_link(tmp_path: Path) -> None:
    root = loop_corpus(tmp_path / "corpus")
    (tmp_path / "link").symlink_to(root, target_is_directory=True)
    (root / "a" / "back-to-link").symlink_to(tmp_path / "link", target_is_directory=True)
    out = subprocess.run([reader_script(), "list", str(tmp_path / "link")], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 3
