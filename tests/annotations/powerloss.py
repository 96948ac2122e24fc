"""A power-loss model of one folder, in the spirit of SQLite's crash tests (and ALICE).

The store's real save paths run against the real file system; this layer watches the
system calls they make on files in one folder (`os.open`, `os.write`, `os.ftruncate`,
`os.fsync`, `os.fdatasync`, `os.replace`/`os.rename`, `os.unlink`, `os.close`) and keeps a
second, pessimistic picture: what a power cut would leave.

- A file's bytes become durable only when that file is fsynced (or fdatasynced): then its
  whole current content is durable. Before any sync, a new file is empty after the cut.
- Which file a name points to (a create, a rename, an unlink) becomes durable only when the
  folder itself is fsynced; until then the cut leaves the folder as it last was synced.

Files are tracked by an identity given at creation, not by inode number, since a freed
inode number is reused at once. After every recorded call the layer stores the image a
power cut at that moment would leave ({name: bytes}); `torn_images` also keeps, for each
step, half of the bytes written since the last sync (a torn append), a state a real disk
can also leave. Linux only: durable content is read back through /proc/self/fd.
"""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Image = dict[str, bytes]


@dataclass
class Step:
    what: str  # "write journal", "fsync .annotations.json.tmp-…", "replace a -> b", …
    image: Image  # what a power cut right after this call leaves
    torn: Image  # the same, with half of each file's unsynced tail kept


@dataclass
class PowerLossRecorder:
    folder: Path
    steps: list[Step] = field(default_factory=list)
    acks: list[tuple[int, Any]] = field(default_factory=list)  # (steps done, what)
    _uid_of_ino: dict[int, int] = field(default_factory=dict)
    _durable_data: dict[int, bytes] = field(default_factory=dict)
    _durable_dir: dict[str, int] = field(default_factory=dict)
    _fds: dict[int, str] = field(default_factory=dict)  # fd -> name when opened
    _uids: Any = field(default_factory=lambda: itertools.count(1))
    #: called once, right after the first step whose description starts with the key
    #: (to let a second writer act in the middle of a save)
    once_after: dict[str, Callable[[], None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folder = self.folder.resolve()
        for entry in os.scandir(self.folder):  # what exists before is durable
            if entry.is_file(follow_symlinks=False):
                uid = self._new_uid(entry.inode())
                self._durable_data[uid] = Path(entry.path).read_bytes()
                self._durable_dir[entry.name] = uid
        self.steps.append(Step("start", self._image(), self._image()))

    # --- the model ------------------------------------------------------------------------

    def _new_uid(self, ino: int) -> int:
        uid = next(self._uids)
        self._uid_of_ino[ino] = uid
        self._durable_data[uid] = b""
        return uid

    def _mine(self, path: Any) -> str | None:
        """The file name when `path` is directly in the watched folder, else None."""
        if isinstance(path, int):
            return None
        p = Path(os.fsdecode(path))
        p = p if p.is_absolute() else Path.cwd() / p
        if p.parent.resolve() == self.folder:
            return p.name
        return None

    def _image(self) -> Image:
        return {name: self._durable_data.get(uid, b"") for name, uid in self._durable_dir.items()}

    def _torn(self) -> Image:
        image = {}
        for name, uid in self._durable_dir.items():
            durable = self._durable_data.get(uid, b"")
            image[name] = durable
            try:
                st = os.stat(self.folder / name)
            except FileNotFoundError:
                continue
            if self._uid_of_ino.get(st.st_ino) != uid:
                continue
            now = (self.folder / name).read_bytes()
            if len(now) > len(durable) and now.startswith(durable):
                image[name] = now[: len(durable) + (len(now) - len(durable)) // 2]
        return image

    def record(self, what: str) -> None:
        self.steps.append(Step(what, self._image(), self._torn()))
        for prefix in list(self.once_after):
            if what.startswith(prefix):
                self.once_after.pop(prefix)()

    def ack(self, what: Any) -> None:
        """A change whose call returned: it must survive a cut at any later step."""
        self.acks.append((len(self.steps) - 1, what))

    def acked_before(self, step: int) -> list[Any]:
        return [what for done, what in self.acks if done <= step]

    # --- the wrapped calls ----------------------------------------------------------------

    def install(self, monkeypatch: Any) -> None:
        real = {name: getattr(os, name) for name in (
            "open", "write", "ftruncate", "fsync", "fdatasync", "replace", "rename",
            "unlink", "close",
        )}

        def open_(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
            name = self._mine(path)
            existed = name is not None and os.path.lexists(self.folder / name)
            fd = real["open"](path, flags, mode, dir_fd=dir_fd)
            if name is not None:
                self._fds[fd] = name
                ino = os.fstat(fd).st_ino
                if not existed and flags & os.O_CREAT:
                    self._new_uid(ino)
                    self.record(f"create {name}")
                elif ino not in self._uid_of_ino:
                    self._new_uid(ino)
            elif Path(os.fsdecode(path)).resolve() == self.folder:
                self._fds[fd] = "."
            return fd

        def write(fd: int, data: Any) -> int:
            n = real["write"](fd, data)
            if fd in self._fds:
                self.record(f"write {n} bytes to {self._fds[fd]}")
            return n

        def ftruncate(fd: int, length: int) -> None:
            real["ftruncate"](fd, length)
            if fd in self._fds:
                self.record(f"truncate {self._fds[fd]} to {length}")

        def sync(kind: str) -> Any:
            def call(fd: int) -> None:
                real[kind](fd)
                if fd not in self._fds:
                    return
                if stat.S_ISDIR(os.fstat(fd).st_mode):
                    self._durable_dir = {
                        e.name: self._uid_of_ino.setdefault(e.inode(), next(self._uids))
                        for e in os.scandir(self.folder)
                        if e.is_file(follow_symlinks=False)
                    }
                    self.record(f"{kind} folder")
                    return
                uid = self._uid_of_ino[os.fstat(fd).st_ino]
                with open(f"/proc/self/fd/{fd}", "rb") as f:
                    self._durable_data[uid] = f.read()
                self.record(f"{kind} {self._fds[fd]}")

            return call

        def rename(kind: str) -> Any:
            def call(src: Any, dst: Any, **kw: Any) -> None:
                real[kind](src, dst, **kw)
                if self._mine(dst) is not None:
                    self.record(f"{kind} {self._mine(src)} -> {self._mine(dst)}")

            return call

        def unlink(path: Any, **kw: Any) -> None:
            real["unlink"](path, **kw)
            if self._mine(path) is not None:
                self.record(f"unlink {self._mine(path)}")

        def close(fd: int) -> None:
            self._fds.pop(fd, None)
            real["close"](fd)

        monkeypatch.setattr(os, "open", open_)
        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "ftruncate", ftruncate)
        monkeypatch.setattr(os, "fsync", sync("fsync"))
        monkeypatch.setattr(os, "fdatasync", sync("fdatasync"))
        monkeypatch.setattr(os, "replace", rename("replace"))
        monkeypatch.setattr(os, "rename", rename("rename"))
        monkeypatch.setattr(os, "unlink", unlink)
        monkeypatch.setattr(os, "close", close)


def restore(image: Image, folder: Path) -> Path:
    """Write a power-cut image into an empty folder: the disk as the next boot finds it."""
    folder.mkdir(parents=True)
    for name, data in image.items():
        (folder / name).write_bytes(data)
    return folder
