"""The loader: every bad file is skipped with a reason while the rest loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import (
    ArticleError,
    bundled_corpus,
    decode,
    open_corpus,
    read_text,
    scan,
)
from reader.errors import UserError

MB = 1024 * 1024


def test_bad_corpus_lists_good_articles_and_reasons(bad_corpus: Path) -> None:
    corpus = open_corpus(bad_corpus, max_bytes=1 * MB)
    ids = [a.id for a in corpus.articles]
    assert ids == ["good.txt", "latin.txt", "sub/bom_crlf.txt"]  # ordered by path, recursive
    reasons = {s.id: s.reason for s in corpus.skipped}
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "size cap" in reasons["huge.txt"]
    assert "unreadable" in reasons["dangling.txt"]
    assert "notes.md" not in reasons and "annotations.json" not in reasons


def test_titles_and_words(bad_corpus: Path) -> None:
    corpus = open_corpus(bad_corpus, max_bytes=MB)
    good = corpus.article("good.txt")
    assert good.title == "A good headline"
    assert good.words == 7
    assert corpus.article("sub/bom_crlf.txt").title == "BOM title"


def test_cp1252_falls_back_and_is_flagged(bad_corpus: Path) -> None:
    corpus = open_corpus(bad_corpus, max_bytes=MB)
    latin = corpus.article("latin.txt")
    assert latin.lossy
    assert latin.title == "Café crème headline"


def test_bom_and_line_ends_are_normalised() -> None:
    d = decode(b"\xef\xbb\xbfone\r\ntwo\rthree\n")
    assert d.text == "one\ntwo\nthree\n"
    assert not d.lossy


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("Headline ünïcode\n\nbody".encode("utf-16"))
    assert read_text(p).text.startswith("Headline ünïcode")


def test_decode_never_raises_on_junk() -> None:
    for data in (bytes(range(256)), b"\xff\xfe\xfd", b"\x81\x8d\x8f\x90\x9d"):
        assert isinstance(decode(data).text, str)


def test_read_text_reasons(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(ArticleError, match="empty"):
        read_text(tmp_path / "e.txt")
    (tmp_path / "b.txt").write_bytes(b"abc\x00def")
    with pytest.raises(ArticleError, match="binary"):
        read_text(tmp_path / "b.txt")
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    with pytest.raises(ArticleError, match="size cap"):
        read_text(tmp_path / "big.txt", max_bytes=1000)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        scan(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no articles"):
        open_corpus(tmp_path / "empty")


def test_single_file_corpus(seeds_copy: Path) -> None:
    one = seeds_copy / "000_4f563db4c078cd2b.txt"
    corpus = open_corpus(one)
    assert [a.id for a in corpus.articles] == ["000_4f563db4c078cd2b.txt"]
    assert corpus.default_db_path == one.with_name(one.name + ".annotations.json")


def test_hidden_folders_are_ignored(seeds_copy: Path) -> None:
    (seeds_copy / ".git").mkdir()
    (seeds_copy / ".git" / "x.txt").write_text("not an article")
    assert len(scan(seeds_copy).articles) == 2


def test_bundled_corpus_has_both_seeds() -> None:
    names = sorted(p.name for p in bundled_corpus().glob("*.txt"))
    assert names == ["000_4f563db4c078cd2b.txt", "004_598cb5278b402db9.txt"]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    """A folder linking back to its parent must not list the articles over and over."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Alpha\n\nText.\n")
    (root / "sub" / "b.txt").write_text("Beta\n\nText.\n")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "same").symlink_to(root / "sub", target_is_directory=True)
    ids = sorted(a.id for a in open_corpus(root).articles)
    assert len(ids) == 2 and ids[0] == "a.txt"
    assert ids[1] in ("sub/b.txt", "same/b.txt")  # one of the two ways in, once


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf  \r\n\t\n", b"\xff\xfe \x00\n\x00"],
)
def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="empty file"):
        read_text(path)


def test_an_article_without_a_title_is_listed_by_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    corpus = open_corpus(tmp_path)
    article = corpus.article("a.txt")
    article.title = ""
    assert article.display_title == "a.txt"
