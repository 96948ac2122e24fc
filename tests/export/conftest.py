"""Golden tests run the exporters with the fake detector and first-line titles."""

from __future__ import annotations

import pytest

from reader.corpus import first_line_title


@pytest.fixture
def pinned_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Titles from the first line, so headline detection changes elsewhere keep goldens."""
    monkeypatch.setattr("reader.titles.title_of", first_line_title)
