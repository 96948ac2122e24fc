"""Display safety and wrapping: offsets survive, nothing reaches the terminal raw."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.textlayout import layout, sanitize, wrap_line


def test_escape_sequences_become_visible_placeholders() -> None:
    text = "a\x1b]0;TITLE\x07b\x1b[31mred\u202eevil"
    safe = sanitize(text)
    assert len(safe) == len(text)
    assert "\x1b" not in safe and "\x07" not in safe and "\u202e" not in safe
    assert safe.startswith("a␛]0;TITLE␇b")


def test_markup_is_left_alone() -> None:
    assert sanitize("[bold]X[/bold]") == "[bold]X[/bold]"


def test_wrap_breaks_at_spaces() -> None:
    rows = wrap_line("aaa bbb ccc", 0, 8, 0)
    assert [(r.start, r.end) for r in rows] == [(0, 8), (8, 11)]


def test_hidden_lines_collapse_blank_runs() -> None:
    text = "keep\n\nhide\n\nkeep2"
    rows = layout(text, 40, frozenset({2}))
    assert [text[r.start : r.end] for r in rows] == ["keep", "", "keep2"]


@given(st.text(), st.integers(min_value=1, max_value=50))
def test_rows_tile_the_text(text: str, width: int) -> None:
    text = text.replace("\r", "")
    rows = layout(text, width)
    covered = "\n".join(
        "".join(text[r.start : r.end] for r in rows if r.line == n)
        for n in range(text.count("\n") + 1)
    )
    assert covered == text
