"""Caches beside a shared corpus get the umask's permissions, as the annotations do.

A team shares one corpus folder (README: coders work on it at the same time); the
summary, repeated-line, quotation and view caches were written 0600 (mkstemp's mode
kept through the rename), so a second coder's account could not read them and counted
the corpus again at every start, then wrote them back unreadable to the first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.cache import replace_file


def test_a_cache_file_is_readable_by_the_group_under_umask_022(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        replace_file(tmp_path / "annotations.cache.json", b"{}")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "annotations.cache.json").stat().st_mode)
    assert mode == 0o644, oct(mode)


def test_a_private_umask_keeps_it_private(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        replace_file(tmp_path / "annotations.cache.json", b"{}")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "annotations.cache.json").stat().st_mode)
    assert mode == 0o600, oct(mode)
