"""Shared test data and helpers (a plain module: tests import it, fixtures live in conftest)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

ALPHA = (
    "Council approves flood budget\n\n"
    "The council approved the flood defence budget on Monday after a long debate. "
    "The minister announced a tax cut of 5 percent on Tuesday. "
    "Residents welcomed the decision, but critics said the money came too late.\n"
)
BETA = (
    "Strike ends at the harbour\n\n"
    "Dock workers returned to work on Friday after a two-week strike. "
    "Johnson said the deal was fair to both sides.\n"
)


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes, to prove that nothing was written."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
