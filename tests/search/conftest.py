"""Fixtures for the search tests: a real corpus copy (the dev pages) and its index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EVAL

DEV = EVAL / "boilerplate" / "dev"
needs_dev = pytest.mark.skipif(
    not DEV.is_dir(),
    reason=f"dev pages not found at {DEV} (expected ../shared/eval beside the repo, "
    "or READER_EVAL)",
)


@pytest.fixture(scope="session")
def dev_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only-by-convention copy of the dev pages with its index built once."""
    if not DEV.is_dir():
        pytest.skip(f"dev pages not found at {DEV}")
    dest = tmp_path_factory.mktemp("dev") / "corpus"
    shutil.copytree(DEV, dest, ignore=shutil.ignore_patterns("*.json"))
    return dest


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
