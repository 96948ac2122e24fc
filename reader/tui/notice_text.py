"""Notices that keep paths readable on a narrow terminal.

Textual wraps a notice at spaces and cuts a longer word wherever the line ends, so at 80
columns (a 40-column notice) an export path came out as "…/2026-12-07-round-tw" over
"o/annotations.json". The app's notices are wider on narrow screens (`reader.tcss`:
`Toast { max-width }`), and a word longer than the notice is broken after a `/` instead.
"""

from __future__ import annotations

TOAST_WIDTH = 60  # Textual's Toast width, in columns
TOAST_SHARE = 0.75  # our Toast max-width, of the screen (reader.tcss)
TOAST_FRAME = 4  # the padding either side, the coloured left edge, the rack's margin


def notice_width(screen_width: int) -> int:
    """Columns of text in a notice on a screen this wide."""
    # the rack keeps a column for its scroll bar
    return max(10, min(TOAST_WIDTH, int((screen_width - 1) * TOAST_SHARE)) - TOAST_FRAME)


def _pieces(word: str, width: int) -> list[str]:
    out: list[str] = []
    while len(word) > width:
        cut = word.rfind("/", 0, width) + 1  # after the last slash that fits
        if cut <= 0:
            cut = width
        out.append(word[:cut])
        word = word[cut:]
    out.append(word)
    return out


def break_long_words(message: str, width: int) -> str:
    """`message` with each word longer than `width` broken into lines after a `/` (or at
    the width when a name has no slash). Messages with no such word come back unchanged."""
    if all(len(w) <= width for w in message.split()):
        return message
    lines = []
    for line in message.split("\n"):
        words = []
        for word in line.split(" "):
            words.append("\n".join(_pieces(word, width)) if len(word) > width else word)
        lines.append(" ".join(words))
    return "\n".join(lines)
