"""At 80 columns a notice holding a path was 40 columns wide and cut the path mid-name
("…/2026-12-07-round-tw" / "o/annotations.json"): the user could not copy or read it.
Notices are wider on a narrow terminal and a long path breaks after a `/`."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from reader.tui.notice_text import break_long_words
from tests.tui.helpers import make_app, settle

LONG = ("/tmp/ux-exports/a-rather-long-folder-name-for-the-project/2026-12-07-round-two/"
        "annotations.json")


def test_a_long_path_breaks_after_slashes_only() -> None:
    out = break_long_words(f"exported to {LONG}", 44)
    lines = out.split("\n")
    assert all(len(line) <= 44 for line in lines), lines
    assert "".join(lines).replace("exported to ", "", 1) == LONG
    assert all(line.endswith("/") for line in lines[:-1]), lines


def test_short_messages_and_words_are_left_alone() -> None:
    msg = "“Opinion The best deal Trump can hope for from North Korea…”: done"
    assert break_long_words(msg, 40) == msg
    assert break_long_words("a\nb c", 3) == "a\nb c"


def test_a_name_with_no_slash_is_cut_at_the_width() -> None:
    lines = break_long_words("x" * 25, 10).split("\n")
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


async def test_at_80_columns_the_path_is_read_whole(seeds_copy: Path) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        app.notify(f"exported to {LONG}", title="Export", timeout=30)
        await pilot.pause(0.2)
        (toast,) = [t for t in app.screen.query(Toast) if "exported" in str(t.render())]
        rows = [toast.render_line(y).text.strip() for y in range(toast.size.height)]
        assert toast.size.width >= 55, toast.size  # 36 before
    text = [r for r in rows if r]
    assert text[0] == "Export"
    body = text[1:]
    assert "".join(body).replace("exported to", "", 1).strip() == LONG, body
    assert all(r.endswith("/") or r == "exported to" for r in body[:-1]), body
