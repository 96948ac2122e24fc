"""Crash-safe file writes, and the TinyDB storage for the folded annotation file.

A save that is interrupted (kill -9, power loss, disk full) must leave either the old or the
new file, never a mixture: the bytes go to a temporary file in the same folder (same file
system, so the rename is atomic), are fsynced, renamed over the target with `os.replace`,
and the folder is fsynced so the rename itself survives a power cut. Temporary files carry
the writer's pid, so a later open can tell a crashed writer's leftovers from a live one's.

`OrjsonStorage` plugs that into TinyDB: `TinyDB(path, storage=OrjsonStorage)` reads and
writes the same file the store folds its journal into, so the file stays an ordinary TinyDB
database that other tools (and the exporter) can open.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from tinydb.storages import Storage

TEMP_MARK = ".tmp-"
STALE_AFTER_S = 3600.0


class FileIdent(NamedTuple):
    """Enough of a stat to notice that another process replaced or extended a file."""

    ino: int
    size: int
    mtime_ns: int


def ident(path: Path) -> FileIdent | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return FileIdent(st.st_ino, st.st_size, st.st_mtime_ns)


def fd_ident(fd: int) -> FileIdent:
    st = os.fstat(fd)
    return FileIdent(st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_file(fd: int) -> None:
    """Flush data to the device. On macOS plain fsync stops at the drive cache."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def fsync_data(fd: int) -> None:
    """Like `fsync_file` but lets Linux skip the mtime update: the journal's hot path."""
    if hasattr(os, "fdatasync") and sys.platform != "darwin":
        os.fdatasync(fd)
    else:
        fsync_file(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file durable. Windows has no directory handles: nothing to do."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems (e.g. certain FUSE mounts) refuse; the rename stands
        pass
    finally:
        os.close(fd)


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is out: a single write may be partial."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_temp(target: Path, data: bytes) -> Path:
    """Write `data` to a durable temporary sibling of `target`; the caller renames it."""
    tmp = temp_path(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        write_all(fd, data)
        fsync_file(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def commit_temp(tmp: Path, target: Path) -> None:
    """Atomically put a temporary file in place and make the rename durable."""
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def atomic_write(target: Path, data: bytes) -> None:
    commit_temp(write_temp(target, data), target)


_TEMP_RE = re.compile(r"^\.(?P<name>.+)" + re.escape(TEMP_MARK) + r"(?P<pid>\d+)-[0-9a-f]+$")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but not ours, or we cannot tell: leave it
    return True


def stale_temps(target: Path) -> list[Path]:
    """Temporary files left by writers of `target` (or its journal) that died mid-write.

    A temp file of a live process is someone's save in progress and is left alone, unless it
    is so old that the pid must have been reused.
    """
    found: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return found
    now = time.time()
    for entry in entries:
        m = _TEMP_RE.match(entry.name)
        if not m or not m.group("name").startswith(target.name):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if not _pid_alive(int(m.group("pid"))) or age > STALE_AFTER_S:
            found.append(Path(entry.path))
    return found


def remove_stale_temps(target: Path) -> int:
    removed = 0
    for path in stale_temps(target):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def dumps(data: Any) -> bytes:
    return orjson.dumps(data)


class OrjsonStorage(Storage):
    """TinyDB storage: orjson for speed, atomic durable replace for every write.

    Unlike TinyDB's JSONStorage it never truncates the file in place, so a crash during
    `write` cannot leave a half-written database. Usable on its own:
    `TinyDB("annotations.json", storage=OrjsonStorage)`.
    """

    def __init__(self, path: str | os.PathLike[str], create_dirs: bool = False, **_: Any) -> None:
        super().__init__()
        self.path = Path(path)
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not data.strip():
            return None
        return orjson.loads(data)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self.path, orjson.dumps(data))

    def close(self) -> None:
        pass
