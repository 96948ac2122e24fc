"""The cross-process lock around every read-modify-write of one annotation store.

Two app windows, or the app and `reader tag`, may write the same store. Each change takes
the lock, re-reads whatever the other process appended, checks the request against that
fresh state and appends its own entry, so no update is lost. filelock's default 50 ms poll
would dominate a sub-millisecond save under contention, hence the short poll interval.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from annotations.errors import StoreBusyError, StoreReadOnlyError

LOCK_SUFFIX = ".lock"
DEFAULT_TIMEOUT_S = 30.0
POLL_S = 0.001

READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def read_only_message(path: Path) -> str:
    return (
        f"cannot save annotations in {path.parent}: the folder is read-only; "
        f"use --db PATH to keep them in a writable place"
    )


def cannot_create_message(path: Path, exc: OSError) -> str:
    lock = path.name + LOCK_SUFFIX
    return (
        f"cannot save annotations in {path}: cannot create its lock file {lock} beside it "
        f"({exc.strerror or exc}); use --db PATH to keep them in a writable place"
    )


class StoreLock:
    def __init__(self, store_path: Path, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.path = store_path.with_name(store_path.name + LOCK_SUFFIX)
        self.store_path = store_path
        self.timeout = timeout
        self._lock = FileLock(str(self.path), timeout=timeout, poll_interval=POLL_S)
        self._probed = False

    def probe(self) -> None:
        """Raise `StoreReadOnlyError` at once when the lock file cannot be created or opened.

        filelock retries every failure to open its file until the timeout, so a `--db` in
        /proc, or in a folder root may not write (`os.access` says yes for root), waited
        30 s and then blamed another process. An existing lock file is opened; a missing
        one is not created (the app opens every corpus for writing, and a corpus only read
        kept a stray `annotations.json.lock`): a uniquely named file is created and
        removed instead, to see that the folder takes one. The first save creates the lock.
        """
        if self._probed:
            return
        try:
            try:
                fd = os.open(self.path, os.O_RDWR)
            except FileNotFoundError:
                fd, trial = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".probe",
                                             dir=self.path.parent)
                os.unlink(trial)
        except OSError as exc:
            raise StoreReadOnlyError(
                cannot_create_message(self.store_path, exc), self.store_path
            ) from exc
        os.close(fd)
        self._probed = True

    @contextmanager
    def held(self) -> Iterator[None]:
        self.probe()
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise StoreBusyError(
                f"annotation file {self.store_path} is locked by another process "
                f"(waited {self.timeout:g} s); close the other reader and retry",
                self.store_path,
            ) from exc
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRNOS:
                raise StoreReadOnlyError(
                    read_only_message(self.store_path), self.store_path
                ) from exc
            raise
        try:
            yield
        finally:
            self._lock.release()
