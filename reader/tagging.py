"""The tag box's grammar and its Tab completion, apart from the UI so tests can drive them.

The box holds comma-separated tags (`;` works too); `-name` removes a tag. Tab completes
the tag the cursor is in, wherever it is in the box, the way a shell completes a word:
first to the longest prefix every candidate shares, then, pressed again, through the
candidates one by one. A completed tag that is the only candidate gets a ", " after it so
the next tag can be typed at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotations.tags import normalize_tag

SEPARATORS = ",;"


def parse_tags(value: str) -> tuple[list[str], list[str]]:
    """(tags to add, tags to remove), normalised, in the order typed, without repeats."""
    add: list[str] = []
    remove: list[str] = []
    for part in re.split(r"[,;]", value):
        name = part.strip()
        target = add
        if name.startswith("-"):  # (a lone "-" removes nothing and is no tag)
            name, target = name[1:], remove
        name = normalize_tag(name)
        if name and name not in target:
            target.append(name)
    return add, remove


def bare_numbers(value: str) -> list[str]:
    """Tags in the box that are only digits: most likely a quick-tag key typed too late."""
    add, remove = parse_tags(value)
    return [t for t in add + remove if t.isdigit()]


def _segment(value: str, cursor: int) -> tuple[int, int]:
    """Bounds of the comma-separated part holding the cursor."""
    start = max(value.rfind(sep, 0, cursor) for sep in SEPARATORS) + 1
    ends = [i for i in (value.find(sep, cursor) for sep in SEPARATORS) if i >= 0]
    return start, min(ends) if ends else len(value)


def common_prefix(names: list[str]) -> str:
    """The longest prefix all names share, compared without case (the first name's case)."""
    if not names:
        return ""
    first = names[0]
    n = len(first)
    for other in names[1:]:
        n = min(n, len(other))
        for i in range(n):
            if first[i].lower() != other[i].lower():
                n = i
                break
    return first[:n]


@dataclass
class TagCompleter:
    """Tab completion over the known tags; keeps the state of a cycle between presses."""

    known: list[str]
    removable: list[str] = field(default_factory=list)  # candidates after a `-`
    _cycle: tuple[str, int, int, list[str], int] | None = None  # value, start, cursor, names, i

    def candidates(self, value: str, cursor: int) -> list[str]:
        start, _ = _segment(value, cursor)
        typed = value[start:cursor].lstrip()
        pool = self.known
        if typed.startswith("-"):
            typed, pool = typed[1:], self.removable
        typed = normalize_tag(typed).lower() if typed.strip() else ""
        others = {t.lower() for t in parse_tags(value[:start] + value[cursor:])[0]}
        return [t for t in pool if t.lower().startswith(typed) and t.lower() not in others]

    def complete(self, value: str, cursor: int) -> tuple[str, int, list[str]]:
        """(new value, new cursor, the candidates) after one Tab at `cursor`."""
        if self._cycle is not None and self._cycle[0] == value and self._cycle[2] == cursor:
            _, start, _, names, i = self._cycle
            i = (i + 1) % len(names)
            return self._put(value, start, cursor, names, i)
        self._cycle = None
        start, end = _segment(value, cursor)
        names = self.candidates(value, cursor)
        if not names:
            return value, cursor, []
        lead = value[start:cursor]
        keep = lead[: len(lead) - len(lead.lstrip())]  # the space after the comma
        if lead.lstrip().startswith("-"):
            keep += "-"
        typed = lead[len(keep):]
        if len(names) == 1:
            tail = value[end:]
            sep = "" if tail.lstrip().startswith(tuple(SEPARATORS)) else ", "
            new = value[:start] + keep + names[0] + sep + tail.lstrip()
            pos = start + len(keep) + len(names[0]) + len(sep)
            return new, pos, names
        prefix = common_prefix(names)
        if len(prefix) > len(typed.strip()):
            new = value[:start] + keep + prefix + value[cursor:]
            return new, start + len(keep) + len(prefix), names
        return self._put(value, start, cursor, names, 0)

    def _put(
        self, value: str, start: int, cursor: int, names: list[str], i: int
    ) -> tuple[str, int, list[str]]:
        """Put candidate i in the segment [start, cursor) (the cycling Tab)."""
        lead = value[start:cursor]
        keep = lead[: len(lead) - len(lead.lstrip())]
        if lead.lstrip().startswith("-"):
            keep += "-"
        new = value[:start] + keep + names[i] + value[cursor:]
        pos = start + len(keep) + len(names[i])
        self._cycle = (new, start, pos, names, i)
        return new, pos, names
