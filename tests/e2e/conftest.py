"""The tmux session every terminal end-to-end test drives, with a home of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux


@pytest.fixture
def tmux(tmp_path: Path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    session = Tmux(env)
    yield session
    session.kill()
