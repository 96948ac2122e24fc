"""Named speech quotations of every article, held compactly for a corpus of any size.

The overview counts speakers over the whole corpus, so the app keeps every article's named
quotations (start, end, speaker) in memory. As Python lists that is ~250 bytes a quotation
plus a list per article (a 100,000-article corpus: tens of MB, more while its cache file
is parsed). `QuoteTable` keeps one `bytes` per article (the spans packed as 64-bit ints,
the speaker as an index into one list of distinct names, so "Ann Lee" is stored once
however often she speaks) and decodes an article's rows only when they are asked for.

It is a mapping article id → list of (start, end, speaker), so code written for the plain
dict it replaces reads it unchanged. Thread use: the background pass writes while the UI
thread reads; one item assignment and `copy()` are each a single dict operation.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

_EMPTY = b""
_CODE = "q"  # signed 64-bit: offsets and name indices


class QuoteTable(Mapping[str, list[tuple[int, int, str]]]):
    """article id → [(start, end, speaker), ...], stored packed (see the module doc)."""

    __slots__ = ("_names", "_index", "_rows")

    def __init__(self, rows: Mapping[str, Sequence[Sequence[Any]]] | None = None) -> None:
        self._names: list[str] = []  # append-only, shared by copies
        self._index: dict[str, int] = {}
        self._rows: dict[str, bytes] = {}
        for article, found in (rows or {}).items():
            self[article] = found

    def _name(self, speaker: str) -> int:
        i = self._index.get(speaker)
        if i is None:
            i = self._index.setdefault(speaker, len(self._names))
            if i == len(self._names):
                self._names.append(speaker)
        return i

    def __setitem__(self, article: str, found: Iterable[Sequence[Any]]) -> None:
        packed = array(_CODE)
        for start, end, speaker in found:
            packed.extend((int(start), int(end), self._name(str(speaker))))
        self._rows[article] = packed.tobytes() if packed else _EMPTY

    def __getitem__(self, article: str) -> list[tuple[int, int, str]]:
        raw = self._rows[article]
        if not raw:
            return []
        nums = array(_CODE)
        nums.frombytes(raw)
        names = self._names
        return [(nums[i], nums[i + 1], names[nums[i + 2]]) for i in range(0, len(nums), 3)]

    def __contains__(self, article: object) -> bool:
        return article in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._rows))  # a snapshot: the background pass may add keys

    def __len__(self) -> int:
        return len(self._rows)

    def copy(self) -> QuoteTable:
        """A snapshot sharing the names (append-only) and the packed rows (immutable)."""
        other = QuoteTable.__new__(QuoteTable)
        other._names, other._index, other._rows = self._names, self._index, self._rows.copy()
        return other

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return len(self) == len(other) and all(
            k in other and [tuple(r) for r in other[k]] == self[k] for k in self)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"QuoteTable({len(self)} articles, {len(self._names)} speakers)"
