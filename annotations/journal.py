"""The append-only change journal: one durable line per acknowledged change.

Rewriting a 50k-annotation file for every keystroke costs hundreds of milliseconds; appending
one line and fsyncing it costs well under one. Each line is

    <payload length, hex> <crc32 of payload, 8 hex> <orjson payload>\\n

so a line cut short by a crash (or a tail of zeros after a power cut) is recognised and
ignored: the writer never returned for it, so nothing acknowledged is lost. A bad line with
good lines *after* it is not a torn write but damage, and is reported, never truncated away.

Entries carry a sequence number; the folded TinyDB file records the last one it contains,
so replaying a journal that a crash left behind after a fold is harmless.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotations.storage import (
    FileIdent,
    commit_temp,
    fd_ident,
    fsync_data,
    fsync_dir,
    write_all,
    write_temp,
)

JOURNAL_SUFFIX = ".journal"


class JournalDamaged(Exception):
    """A bad line followed by good ones: not a torn write."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"damaged entry at byte {offset}")
        self.offset = offset


def encode(entry: dict[str, Any]) -> bytes:
    payload = orjson.dumps(entry)
    return b"%x %08x %s\n" % (len(payload), zlib.crc32(payload), payload)


def _decode_line(line: bytes) -> dict[str, Any] | None:
    """The entry of one complete line (without its newline), or None when it is not valid."""
    parts = line.split(b" ", 2)
    if len(parts) != 3:
        return None
    size, crc, payload = parts
    try:
        if int(size, 16) != len(payload) or int(crc, 16) != zlib.crc32(payload):
            return None
        entry = orjson.loads(payload)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


@dataclass(slots=True)
class ReadResult:
    entries: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (end offset, entry)
    good_end: int = 0  # where the valid part ends; appends go here
    torn: bool = False  # bytes after good_end that are a torn last line


def parse(data: bytes, base: int = 0) -> ReadResult:
    """Split journal bytes (read from offset `base`) into entries and a possible torn tail."""
    result = ReadResult(good_end=base)
    pos = 0
    bad_at: int | None = None
    n = len(data)
    while pos < n:
        nl = data.find(b"\n", pos)
        if nl < 0:  # no newline: an unfinished last line
            if bad_at is None:
                bad_at = pos
            break
        entry = _decode_line(data[pos:nl])
        if entry is None:
            if bad_at is None:
                bad_at = pos
        elif bad_at is not None:
            raise JournalDamaged(base + bad_at)
        else:
            result.entries.append((base + nl + 1, entry))
            result.good_end = base + nl + 1
        pos = nl + 1
    if bad_at is not None:
        tail = data[bad_at:].rstrip(b"\n")
        if b"\n" in tail:  # several bad lines at the end: damage, not one torn append
            raise JournalDamaged(base + bad_at)
        result.torn = True
    return result


def read(path: Path, offset: int = 0) -> tuple[ReadResult, FileIdent | None]:
    """Entries from `offset` on, plus the identity of the file that was read."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return ReadResult(good_end=0), None
    try:
        fid = fd_ident(fd)
        os.lseek(fd, offset, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return parse(b"".join(chunks), offset), fid


class JournalWriter:
    """Appends durable entries. Only ever used with the store's file lock held."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def _open(self) -> int:
        """(Re)open when another process replaced the journal since we last wrote."""
        try:
            on_disk = os.stat(self.path).st_ino
        except FileNotFoundError:
            on_disk = None
        if self._fd is not None and on_disk != os.fstat(self._fd).st_ino:
            self.close()
        if self._fd is None:
            created = on_disk is None
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if created:
                fsync_dir(self.path.parent)  # the new name must survive a power cut too
        return self._fd

    def append(self, line: bytes, good_end: int) -> int:
        """Write one encoded entry after `good_end` (dropping a torn tail); returns the new end.

        When the write fails the journal is cut back to `good_end`, so a half-written line can
        never sit in front of a later, acknowledged one.
        """
        fd = self._open()
        if os.fstat(fd).st_size != good_end:
            os.ftruncate(fd, good_end)
        try:
            write_all(fd, line)
            fsync_data(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, good_end)
            raise
        return good_end + len(line)

    def truncate(self) -> None:
        """Empty the journal (everything in it is folded into the TinyDB file)."""
        fd = self._open()
        os.ftruncate(fd, 0)
        fsync_data(fd)

    def keep_from(self, offset: int) -> None:
        """Drop everything before `offset` (already folded), keeping newer lines, atomically."""
        with open(self.path, "rb") as f:
            f.seek(offset)
            rest = f.read()
        self.close()
        commit_temp(write_temp(self.path, rest), self.path)

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
