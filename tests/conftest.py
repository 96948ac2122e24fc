"""Shared fixtures: temp copies of the seeds, hostile corpora, the eval data location."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# the evaluation data beside the repository; READER_EVAL points elsewhere (a worktree)
EVAL = Path(os.environ.get("READER_EVAL", ROOT.parent / "shared" / "eval"))
# (the regex cache is written at exit, where no fixture's folder is set any more: kept out
# of the tests, but for those of `tests/marks/test_regex_cache.py`, which turn it on)
os.environ["READER_REGEX_CACHE"] = "0"
SEED_TITLES = (
    "Trump and Kim rekindle their long-distance romance",
    "Opinion The best deal Trump can hope for from North Korea is a flawed one.",
)


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The user cache folder of every test is a temporary one: a `.jsonl.gz`'s plain copy
    and a read-only corpus's caches go there, and must not pile up in the real one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus, so tests never write into the repo."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """User data and config folders in tmp, so the bundled corpus never touches ~."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture
def bad_corpus(tmp_path: Path) -> Path:
    """One good article plus one file of every bad kind the loader must survive."""
    root = tmp_path / "bad"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("A good headline\n\nSome body text here.\n", encoding="utf-8")
    (root / "sub" / "bom_crlf.txt").write_bytes(b"\xef\xbb\xbfBOM title\r\n\r\nBody\r\n")
    (root / "latin.txt").write_bytes("Caf\xe9 cr\xe8me headline\n\nna\xefve body".encode("cp1252"))
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"   \n\n  \n")
    (root / "huge.txt").write_bytes(b"word " * (300 * 1024))  # 1.5 MB: over a 1 MB cap
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    (root / "annotations.json").write_text("{}", encoding="utf-8")
    return root


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest
