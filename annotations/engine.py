"""The persistence half of `AnnotationStore`: files, journal, lock, folding, threads.

Kept apart from the query/mutation API (annotations/store.py, whose docstring describes the
design) so that each half can be read on its own. Mutations reach this layer through
`_commit(build)`: `build` runs under the lock against the freshest state and returns the
ops to make durable.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import sys
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Self, TypeVar

from annotations import journal
from annotations.coders import login_name, resolve_coder
from annotations.errors import (
    StoreCorruptError,
    StoreError,
    StoreNewerError,
    StoreReadOnlyError,
    StoreWriteError,
)
from annotations.locking import READ_ONLY_ERRNOS, StoreLock, read_only_message
from annotations.model import SCHEMA_VERSION, now_iso
from annotations.schema import Loaded, layout_bytes, parse, upgrade
from annotations.state import Op, State
from annotations.storage import (
    FileIdent,
    commit_temp,
    fd_ident,
    ident,
    remove_stale_temps,
    stale_temps,
    write_temp,
)
from annotations.undo import Change, History, UndoEntry

JOURNAL_VERSION = 2  # 2: article-state keys are (article, coder); see annotations.schema
FOLD_EVERY = 1000  # journal entries before a background fold
FOLD_BYTES = 16 * 1024 * 1024
READ_RETRIES = 20

T = TypeVar("T")
Record = dict[str, Any]
Build = Callable[[], tuple[list[Op], str, list[Change], Any]]

_OPEN: weakref.WeakSet[StoreEngine] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """A forgotten close() must still leave a complete TinyDB file on a normal exit."""
    for store in list(_OPEN):
        try:
            store.close()
        except Exception as exc:  # nothing is lost (the journal holds every change): say so
            print(f"reader: {store.path} was not folded at exit ({exc}); its journal keeps "
                  "every change and the next open folds it", file=sys.stderr)


class StoreEngine:
    """Open, keep up to date, save durably, fold, close. See AnnotationStore for the API."""

    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float,
        fold_every: int,
    ) -> None:
        self.path = path
        self.coder = ""  # set by open(); see AnnotationStore for what it selects
        self.journal_path = path.with_name(path.name + journal.JOURNAL_SUFFIX)
        self.readonly = False
        self.readonly_reason: str | None = None
        self.open_error: StoreError | None = None  # why the store is read-only, if it failed
        self.last_fold_error: BaseException | None = None
        self.migrated_from: int | None = None
        self.backup_path: Path | None = None
        self._fold_every = fold_every
        self._io = threading.RLock()  # one writer at a time in this process; held over disk I/O
        self._mem = threading.Lock()  # guards the in-memory image; never held over disk I/O
        self._state = State()
        self._meta: Record = {}
        self._extra: Record = {}
        self._seq = 0
        self._main_ident: FileIdent | None = None
        self._journal_ino: int | None = None
        self._journal_offset = 0  # end of the valid part of the journal we have applied
        self._journal_torn = False
        self._entry_starts: list[tuple[int, int]] = []  # (seq, start offset) of journal lines
        self._writer = journal.JournalWriter(self.journal_path)
        self._lock = StoreLock(path, lock_timeout)
        self._history = History()
        self._executor: ThreadPoolExecutor | None = None
        self._fold_scheduled = False
        self._closed = False

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly_ok: bool = False,
        readonly: bool = False,
        lock_timeout: float = 30.0,
        fold_every: int = FOLD_EVERY,
        coder: str | None = None,
    ) -> Self:
        """Open (without creating anything yet) the store at `path`.

        A corrupt, foreign or newer file, a damaged journal, or a read-only folder raises a
        `StoreError`, unless `readonly_ok`: then the store opens read-only, `readonly_reason`
        says why in one line, and every mutation raises `StoreReadOnlyError`. `readonly`
        asks for a read-only handle outright (listing commands): it takes no lock and writes
        nothing, not even a migration.

        `coder` is who this handle works as: its changes are recorded under that name and
        its queries show that coder's work by default (None: `resolve_coder(None)`).
        """
        store = cls(
            Path(path).expanduser().absolute(), lock_timeout=lock_timeout, fold_every=fold_every
        )
        store.coder = resolve_coder(coder)
        store._open(readonly_ok=readonly_ok, readonly=readonly)
        _OPEN.add(store)
        return store

    def _open(self, *, readonly_ok: bool, readonly: bool) -> None:
        folder = self.path.parent
        if not folder.is_dir() and not readonly:
            raise StoreError(
                f"cannot open annotation file {self.path}: folder {folder} does not exist",
                self.path,
            )
        if self.path.is_dir():
            raise StoreError(f"annotation file {self.path} is a folder", self.path)
        if readonly:
            self._become_readonly("opened read-only")
        elif not self._writable():
            if not readonly_ok:
                raise StoreReadOnlyError(read_only_message(self.path), self.path)
            self._become_readonly(read_only_message(self.path))
        try:
            if self.readonly:
                self._load(locked=False)
            else:
                # Reading needs no lock (see _read_files), so a bad file is refused before
                # anything, even the lock file, is created. Only housekeeping takes the lock.
                self._load(locked=False)
                self._lock.probe()  # an unwritable place says so now, not at the first save
                if self.migrated_from is not None or stale_temps(self.path):
                    try:
                        with self._lock.held():
                            remove_stale_temps(self.path)
                            self._load(locked=True)
                    except StoreReadOnlyError as exc:  # the lock file could not be created
                        if not readonly_ok:
                            raise
                        self._become_readonly(str(exc), exc)
        except StoreError as exc:
            if not readonly_ok:
                raise
            self._become_readonly(str(exc), exc)
        if self.open_error is not None and not readonly_ok:
            raise self.open_error  # e.g. a newer schema: readable, but the caller wants to write

    def _writable(self) -> bool:
        folder_ok = os.access(self.path.parent, os.W_OK)
        file_ok = not self.path.exists() or os.access(self.path, os.W_OK)
        return folder_ok and file_ok

    def _become_readonly(self, reason: str, error: StoreError | None = None) -> None:
        self.readonly = True
        self.readonly_reason = reason
        if error is not None:
            self.open_error = error

    def _read_files(
        self, locked: bool
    ) -> tuple[Loaded, FileIdent | None, journal.ReadResult, FileIdent | None]:
        """The TinyDB file and journal as one consistent pair.

        Without the lock a fold may replace the file between the two reads; the file's
        identity is checked again afterwards and the read retried, which is all a reader
        needs since the file is replaced before the journal is trimmed.
        """
        for _ in range(READ_RETRIES):
            try:
                fd = os.open(self.path, os.O_RDONLY)
            except FileNotFoundError:
                data, main_id = b"", None
            except OSError as exc:
                raise StoreError(
                    f"cannot read annotation file {self.path}: {exc.strerror or exc}", self.path
                ) from exc
            else:
                try:
                    main_id = fd_ident(fd)
                    with os.fdopen(fd, "rb", closefd=False) as f:
                        data = f.read()
                finally:
                    os.close(fd)
            try:
                jres, jid = journal.read(self.journal_path)
            except journal.JournalDamaged as exc:
                raise StoreCorruptError(
                    f"annotation journal {self.journal_path} is damaged at byte {exc.offset}; "
                    "it was left untouched (the store opens read-only); move it aside to "
                    "continue without its unsaved changes",
                    self.journal_path,
                ) from exc
            if locked or ident(self.path) == main_id:
                break
        return parse(data, self.path), main_id, jres, jid

    def _load(self, *, locked: bool) -> None:
        """(Re)build the in-memory image from disk; migrates an older file when locked.

        An older file's journal holds changes in that file's shape, so it is replayed over
        the old tables first and the whole is upgraded afterwards.
        """
        loaded, main_id, jres, jid = self._read_files(locked)
        state = State(loaded.tables)
        base_seq = int(loaded.meta.get("seq", 0))
        seq = base_seq
        starts: list[tuple[int, int]] = []
        newer = False
        prev_end = 0
        for end, entry in jres.entries:
            entry_seq = int(entry.get("seq", 0))
            starts.append((entry_seq, prev_end))
            prev_end = end
            if entry_seq <= base_seq:
                continue  # already in the TinyDB file: a fold was cut short before trimming
            newer = newer or int(entry.get("v", 1)) > JOURNAL_VERSION
            state.apply(entry.get("ops", []))
            seq = max(seq, entry_seq)
        old = loaded.version < SCHEMA_VERSION and bool(loaded.documents or seq > base_seq)
        if loaded.version < SCHEMA_VERSION:
            state = State(upgrade(state.tables, loaded.version, login_name()))
        with self._mem:
            self._state = state
        self._meta, self._extra, self._seq = loaded.meta, loaded.extra, seq
        self._main_ident = main_id
        self._journal_ino = jid.ino if jid else None
        self._journal_offset, self._journal_torn = jres.good_end, jres.torn
        self._entry_starts = starts
        if loaded.version > SCHEMA_VERSION or newer:
            error = StoreNewerError(
                f"annotation file {self.path} was written by a newer version of reader "
                f"(schema {loaded.version}); it is opened read-only so nothing is lost; "
                "upgrade reader to edit it",
                self.path,
            )
            self._become_readonly(str(error), error)
            return
        if old:
            self.migrated_from = loaded.version
            if locked and not self.readonly:
                try:
                    self._migrate(loaded)
                except OSError as exc:
                    raise StoreWriteError(
                        f"cannot migrate annotation file {self.path} to the current format: "
                        f"{exc.strerror or exc}; it was left untouched",
                        self.path,
                    ) from exc

    def _migrate(self, loaded: Loaded) -> None:
        """Keep the old file as `<name>.bak-vN` (never overwriting a backup) and its journal
        as `<name>.journal.bak-vN`, both durable before anything is rewritten, then fold."""
        if self.path.exists():  # a store that was never folded has only its journal
            backup = self._backup_name(self.path, loaded.version)
            commit_temp(write_temp(backup, self.path.read_bytes()), backup)
            self.backup_path = backup
        if self._journal_offset:
            jbackup = self._backup_name(self.journal_path, loaded.version)
            jdata = self.journal_path.read_bytes()[: self._journal_offset]
            commit_temp(write_temp(jbackup, jdata), jbackup)
            self.backup_path = self.backup_path or jbackup
        self._fold_locked_now()

    @staticmethod
    def _backup_name(path: Path, version: int) -> Path:
        backup = path.with_name(f"{path.name}.bak-v{version}")
        n = 1
        while backup.exists():
            backup = path.with_name(f"{path.name}.bak-v{version}.{n}")
            n += 1
        return backup

    # --- keeping up with other processes ----------------------------------------------------

    def _reload(self, locked: bool) -> bool:
        try:
            self._load(locked=locked)
        except StoreError as exc:
            # Never fold over a file that went bad under us; keep what we have in memory.
            self._become_readonly(str(exc), exc)
            raise
        return True

    def _refresh(self, locked: bool = True) -> bool:
        """Pick up what other processes wrote since we last looked. Caller holds `_io`.

        A file deleted from under us (by hand) is not taken as "everything was deleted":
        the memory image is kept and the next fold writes it back.
        """
        main_now = ident(self.path)
        if main_now is None and self._main_ident is not None:
            self._main_ident = None
        elif main_now != self._main_ident:
            return self._reload(locked)
        jnow = ident(self.journal_path)
        if jnow is None:
            if self._journal_ino is not None:
                self._journal_ino, self._journal_offset, self._entry_starts = None, 0, []
            return False
        if self._journal_ino is None and self._journal_offset == 0:
            self._journal_ino = jnow.ino  # created by another process: read it from the start
        if jnow.ino != self._journal_ino or jnow.size < self._journal_offset:
            return self._reload(locked)
        if jnow.size == self._journal_offset:
            return False
        try:
            jres, _ = journal.read(self.journal_path, self._journal_offset)
        except journal.JournalDamaged as exc:
            error = StoreCorruptError(
                f"annotation journal {self.journal_path} is damaged at byte {exc.offset}; "
                "it was left untouched; the store is now read-only",
                self.journal_path,
            )
            self._become_readonly(str(error), error)
            raise error from exc
        prev_end = self._journal_offset
        fresh: list[Op] = []
        for end, entry in jres.entries:
            entry_seq = int(entry.get("seq", 0))
            self._entry_starts.append((entry_seq, prev_end))
            prev_end = end
            if entry_seq > self._seq:
                fresh.extend(entry.get("ops", []))
                self._seq = entry_seq
        if fresh:
            with self._mem:
                self._state.apply(fresh)
        self._journal_offset, self._journal_torn = jres.good_end, jres.torn
        return bool(fresh)

    def reload_if_changed(self) -> bool:
        """Apply what another process (the CLI, a second window) saved. Cheap when nothing
        changed: two stats. Returns True when the in-memory state changed."""
        if self._closed:
            return False
        with self._io:
            if self.readonly:
                if self.open_error is not None:
                    return False  # corrupt or foreign: there is nothing to follow
                return self._refresh(locked=False)
            if ident(self.path) == self._main_ident:
                jnow = ident(self.journal_path)
                if (jnow.ino if jnow else None) == self._journal_ino and (
                    jnow is None or jnow.size == self._journal_offset
                ):
                    return False
            with self._lock.held():
                return self._refresh()

    # --- writing ----------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError(f"annotation store {self.path} is closed", self.path)
        if self.readonly:
            raise StoreReadOnlyError(
                f"annotations are read-only: {self.readonly_reason}", self.path
            )

    def _append(self, ops: list[Op], description: str) -> None:
        """Make one change durable, then visible. Caller holds `_io` and the file lock."""
        seq = self._seq + 1
        line = journal.encode(
            {"v": JOURNAL_VERSION, "seq": seq, "at": now_iso(), "what": description, "ops": ops}
        )
        start = self._journal_offset
        try:
            end = self._writer.append(line, start)
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRNOS:
                raise StoreReadOnlyError(read_only_message(self.path), self.path) from exc
            why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
            raise StoreWriteError(
                f"could not save to {self.journal_path}: {why}; the change was not recorded",
                self.path,
            ) from exc
        with self._mem:
            self._state.apply(ops)
        self._seq = seq
        self._journal_offset, self._journal_torn = end, False
        self._journal_ino = ident(self.journal_path).ino  # type: ignore[union-attr]
        self._entry_starts.append((seq, start))

    def _commit(self, build: Build, *, undoable: bool = True) -> Any:
        with self._io:
            self._check_writable()
            with self._lock.held():
                self._refresh()
                self._check_writable()
                ops, description, changes, result = build()
                if ops:
                    self._append(ops, description)
            if ops and undoable:
                self._history.record(UndoEntry(description, changes))
        if ops:
            self._maybe_fold_later()
        return result

    # --- folding ----------------------------------------------------------------------------

    def _never_written(self) -> bool:
        """No lock file and no journal: nothing was ever saved here, so there is nothing
        to fold, and taking the lock to find that out left a stray `annotations.json.lock`
        in a corpus the app had only read."""
        if self._lock.path.exists() or self._fold_needed():
            return False
        try:
            return self.journal_path.stat().st_size == 0
        except FileNotFoundError:
            return True

    def _fold_needed(self) -> bool:
        if self._journal_offset > 0 or self._journal_torn:
            return True
        return self._main_ident is None and self._state.count() > 0

    def _layout_bytes(self, snapshot: dict, seq: int) -> tuple[bytes, Record]:
        meta = {**self._meta, "schema": SCHEMA_VERSION, "seq": seq, "folded": now_iso()}
        meta.setdefault("app", "reader")
        return layout_bytes(snapshot, meta, self._extra), meta

    def _fold_locked_now(self) -> None:
        """Fold while already holding the lock (migration at open: small, rare)."""
        with self._mem:
            snapshot = self._state.snapshot()
        data, meta = self._layout_bytes(snapshot, self._seq)
        commit_temp(write_temp(self.path, data), self.path)
        self._main_ident, self._meta = ident(self.path), meta
        self._trim_journal(self._seq)

    def _fold(self) -> bool:
        """Fold until done: a race with another process's fold just means trying again."""
        for _ in range(3):
            done = self._fold_once()
            if done is not None:
                return done
        return False

    def _fold_once(self) -> bool | None:
        """Write the image to a new TinyDB file; the slow part runs without any lock held.
        True: written; False: nothing to fold; None: another process replaced the file."""
        with self._io:
            if self.readonly or self._never_written():
                return False
            with self._lock.held():
                self._refresh()
                if not self._fold_needed():
                    return False
                with self._mem:
                    snapshot = self._state.snapshot()
                seq, base = self._seq, self._main_ident
        data, meta = self._layout_bytes(snapshot, seq)
        tmp = write_temp(self.path, data)
        try:
            with self._io, self._lock.held():
                if ident(self.path) != base:
                    return None  # another process folded (or replaced the file) meanwhile
                commit_temp(tmp, self.path)
                self._main_ident, self._meta = ident(self.path), meta
                self._trim_journal(seq)
                return True
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _trim_journal(self, folded_seq: int) -> None:
        """Drop journal lines the TinyDB file now contains (the file is already durable).

        Lines another process appended after our snapshot are newer than `folded_seq` (they
        were numbered after everything we had seen), so they are kept.
        """
        if not self.journal_path.exists():
            return
        start = next((s for q, s in self._entry_starts if q > folded_seq), self._journal_offset)
        try:
            rest, _ = journal.read(self.journal_path, start)
        except journal.JournalDamaged:
            return  # leave it for `reader check`; its folded entries are skipped on replay
        if rest.entries:
            if start == 0:
                return
            self._writer.keep_from(start)
            self._entry_starts = [(q, s - start) for q, s in self._entry_starts if s >= start]
            self._journal_offset -= start
        else:
            self._writer.truncate()
            self._entry_starts, self._journal_offset = [], 0
        jnow = ident(self.journal_path)
        self._journal_ino = jnow.ino if jnow else None
        self._journal_torn = False

    def _maybe_fold_later(self) -> None:
        big = len(self._entry_starts) >= self._fold_every or self._journal_offset >= FOLD_BYTES
        if self._fold_scheduled or not big:
            return
        self._fold_scheduled = True
        self._pool().submit(self._background_fold)

    def _background_fold(self) -> None:
        try:
            self._fold()
            self.last_fold_error = None
        except Exception as exc:  # the journal still holds everything; try again later
            self.last_fold_error = exc
        finally:
            self._fold_scheduled = False

    def compact(self) -> bool:
        """Fold the journal into the TinyDB file now. True if a new file was written."""
        if self._closed or self.readonly:
            return False
        return self._fold()

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="annotations-writer")
        return self._executor

    def submit(
        self,
        fn: Callable[..., T],
        *args: Any,
        callback: Callable[[Future[T]], None] | None = None,
        **kwargs: Any,
    ) -> Future[T]:
        """Run `fn(*args, **kwargs)` (a mutation of this store) on the writer thread, in
        submission order. `callback(future)` is called from that thread when it is done."""
        future = self._pool().submit(fn, *args, **kwargs)
        if callback is not None:
            future.add_done_callback(callback)
        return future

    def close(self) -> None:
        """Finish queued saves and fold the journal, so the TinyDB file is complete."""
        if self._closed:
            return
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        try:
            if not self.readonly:
                self._fold()
        except Exception as exc:  # everything is in the journal; it is folded next time
            self.last_fold_error = exc
        finally:
            self._closed = True
            self._writer.close()
            _OPEN.discard(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
