"""Durability: what a mutation acknowledged survives kills, crashes mid-fold and torn lines."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from annotations import journal, storage
from annotations.errors import StoreCorruptError, StoreReadOnlyError, StoreWriteError
from annotations.model import SCHEMA_VERSION
from annotations.storage import OrjsonStorage
from annotations.store import AnnotationStore

from .helpers import ALPHA, REPO


def test_a_save_is_on_disk_when_the_method_returns(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    s.add_tags("alpha.txt", ["flood"])
    h = s.add_highlight("alpha.txt", ALPHA, 31, 60, note="first")
    # No close(): a second handle (as after kill -9) must see both from the journal alone.
    other = AnnotationStore.open(db_path, readonly=True)
    assert other.tags("alpha.txt") == ["flood"]
    assert other.highlight(h.id) is not None
    other.close()
    s.close()


def test_close_folds_everything_into_a_plain_tinydb_file(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    s.add_tags("alpha.txt", ["flood", "budget"])
    h = s.add_highlight("alpha.txt", ALPHA, 31, 60, label="claim")
    s.close()
    s.close()  # idempotent
    assert db_path.with_name("annotations.json.journal").stat().st_size == 0
    for db in (TinyDB(db_path, storage=OrjsonStorage), TinyDB(db_path)):
        assert db.table("highlights").all()[0]["id"] == h.id
        assert db.table("articles").all()[0]["tags"] == ["flood", "budget"]
        meta = db.table("meta").all()[0]
        assert meta["schema"] == SCHEMA_VERSION and meta["app"] == "reader" and meta["seq"] == 2
        db.close()


def test_a_crash_inside_the_fold_rename_leaves_the_old_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = AnnotationStore.open(db_path)
    s.add_tags("alpha.txt", ["before"])
    s.compact()
    before = db_path.read_bytes()
    s.add_tags("alpha.txt", ["after"])

    def crash(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "simulated crash in os.replace")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(OSError):
        s.compact()
    monkeypatch.undo()
    assert db_path.read_bytes() == before  # old complete file, untouched
    assert not [p for p in db_path.parent.iterdir() if ".tmp-" in p.name]
    reopened = AnnotationStore.open(db_path, readonly=True)
    assert reopened.tags("alpha.txt") == ["before", "after"]  # the journal had it
    reopened.close()
    s.close()
    assert json.loads(db_path.read_bytes())["articles"]["1"]["tags"] == ["before", "after"]


def test_replaying_a_journal_already_folded_is_harmless(db_path: Path) -> None:
    """A crash after the fold's rename but before the journal was trimmed."""
    s = AnnotationStore.open(db_path)
    h = s.add_highlight("alpha.txt", ALPHA, 31, 60)
    s.add_tags("alpha.txt", ["x"])
    s.delete_highlight(h.id)
    s.remove_tags("alpha.txt", ["x"])
    jpath = db_path.with_name("annotations.json.journal")
    saved = jpath.read_bytes()
    s.close()
    jpath.write_bytes(saved)
    again = AnnotationStore.open(db_path)
    assert again.highlights() == [] and again.tags("alpha.txt") == []
    again.add_tags("alpha.txt", ["y"])  # numbering continues after the folded entries
    again.close()
    final = AnnotationStore.open(db_path, readonly=True)
    assert final.tags("alpha.txt") == ["y"]
    final.close()


def test_a_torn_last_journal_line_is_ignored_then_dropped(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    s.add_tags("alpha.txt", ["kept"])
    jpath = db_path.with_name("annotations.json.journal")
    line = journal.encode({"v": 1, "seq": 99, "ops": [["put", "articles", "x", {}]]})
    with open(jpath, "ab") as f:
        f.write(line[: len(line) // 2])  # a save cut short by a crash
    other = AnnotationStore.open(db_path)
    assert other.tags("alpha.txt") == ["kept"]
    assert other.info()["journal_torn_tail"] is True
    other.add_tags("alpha.txt", ["next"])  # appends after the good part
    entries = journal.parse(jpath.read_bytes()).entries
    assert [e["seq"] for _, e in entries] == [1, 2]
    other.close()
    s.close()


def test_zeros_at_the_end_of_the_journal_count_as_a_torn_line() -> None:
    good = journal.encode({"seq": 1, "ops": []})
    assert journal.parse(good + b"\0" * 4096).torn
    assert journal.parse(good + b"\0" * 100 + b"\n").torn


def test_a_damaged_journal_is_reported_and_never_truncated(db_path: Path) -> None:
    s = AnnotationStore.open(db_path)
    for tag in ("a", "b", "c"):
        s.add_tags("alpha.txt", [tag])
    jpath = db_path.with_name("annotations.json.journal")
    data = bytearray(jpath.read_bytes())
    data[data.index(b'"b"') + 1] = ord("X")  # the middle line's checksum no longer matches
    jpath.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError) as err:
        AnnotationStore.open(db_path)
    assert str(jpath) in str(err.value) and "\n" not in str(err.value)
    ro = AnnotationStore.open(db_path, readonly_ok=True)
    assert ro.readonly and "damaged" in (ro.readonly_reason or "")
    with pytest.raises(StoreReadOnlyError):
        ro.add_tags("alpha.txt", ["d"])
    ro.close()
    assert jpath.read_bytes() == bytes(data)


def test_stale_temp_files_of_dead_writers_are_removed_on_open(db_path: Path) -> None:
    dead = db_path.parent / ".annotations.json.tmp-999999999-0badc0de"
    dead_journal = db_path.parent / ".annotations.json.journal.tmp-999999999-0badc0de"
    live = db_path.parent / f".annotations.json.tmp-{os.getpid()}-0badc0de"
    for p in (dead, dead_journal, live):
        p.write_bytes(b"half a file")
    AnnotationStore.open(db_path).close()
    assert not dead.exists() and not dead_journal.exists()
    assert live.exists()  # a live process's save in progress is left alone


def test_a_failed_append_records_nothing(store: AnnotationStore, monkeypatch) -> None:
    store.add_tags("alpha.txt", ["ok"])
    jpath = store.journal_path
    size = jpath.stat().st_size
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data)[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "write", full)
    with pytest.raises(StoreWriteError, match="disk is full"):
        store.add_tags("alpha.txt", ["lost"])
    monkeypatch.undo()
    assert jpath.stat().st_size == size  # the half line was cut back
    assert store.tags("alpha.txt") == ["ok"]
    store.add_tags("alpha.txt", ["retry"])
    assert store.tags("alpha.txt") == ["ok", "retry"]


def test_background_fold_and_submit(db_path: Path) -> None:
    s = AnnotationStore.open(db_path, fold_every=5)
    done: list[object] = []
    futures = [
        s.submit(s.add_tags, "alpha.txt", [f"t{i}"], callback=done.append) for i in range(12)
    ]
    assert [f.result(timeout=10) for f in futures] == [None] * 12
    s.submit(lambda: None).result(timeout=10)  # the queued fold has run
    assert len(done) == 12
    assert s.tags("alpha.txt") == [f"t{i}" for i in range(12)]
    folded = json.loads(db_path.read_bytes())
    assert len(folded["articles"]["1"]["tags"]) >= 5
    s.close()
    assert json.loads(db_path.read_bytes())["articles"]["1"]["tags"] == s.tags("alpha.txt")


SAVER = """
import sys
from annotations.store import AnnotationStore
text = sys.argv[2]
s = AnnotationStore.open(sys.argv[1], fold_every=7)
for i in range(100000):
    h = s.add_highlight("alpha.txt", text, i % 50, i % 50 + 20)
    s.add_tags("alpha.txt", [f"t{i}"])
    print(h.id, f"t{i}", flush=True)
"""


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.1])
def test_kill_9_while_saving_loses_nothing_acknowledged(db_path: Path, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(db_path), ALPHA],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # saving has started
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    acked = [line.split() for line in (first + out).splitlines() if len(line.split()) == 2]
    assert acked
    s = AnnotationStore.open(db_path)
    tags = set(s.tags("alpha.txt"))
    assert all(s.highlight(hid) is not None and tag in tags for hid, tag in acked)
    s.close()
    if db_path.exists():
        OrjsonStorage(db_path).read()  # the folded file always parses


def test_a_journal_cut_at_any_byte_yields_the_whole_lines_before_it() -> None:
    lines = [journal.encode({"seq": i, "ops": [["del", "articles", f"a{i}"]]}) for i in range(4)]
    data = b"".join(lines)
    ends = [sum(len(x) for x in lines[: i + 1]) for i in range(4)]
    for cut in range(len(data) + 1):
        result = journal.parse(data[:cut])
        whole = [e for e in ends if e <= cut]
        assert [end for end, _ in result.entries] == whole
        assert result.torn == (cut not in (0, *ends))


def test_lines_appended_during_a_fold_are_kept(db_path: Path, monkeypatch) -> None:
    import annotations.engine as engine

    a = AnnotationStore.open(db_path)
    b = AnnotationStore.open(db_path)
    a.add_tags("alpha.txt", ["folded"])
    real_write_temp = engine.write_temp

    def write_temp_while_b_saves(target: Path, data: bytes) -> Path:
        b.add_tags("beta.txt", ["during-the-fold"])  # the lock is free while a serialises
        return real_write_temp(target, data)

    monkeypatch.setattr(engine, "write_temp", write_temp_while_b_saves)
    assert a.compact()
    monkeypatch.undo()
    kept = journal.parse(a.journal_path.read_bytes()).entries
    assert [e["what"] for _, e in kept] == ["tag beta.txt: +during-the-fold"]
    fresh = AnnotationStore.open(db_path, readonly=True)
    assert fresh.tags("alpha.txt") == ["folded"] and fresh.tags("beta.txt") == ["during-the-fold"]
    fresh.close()
    a.close()
    b.close()


def test_tinydb_can_use_the_atomic_storage_directly(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    db = TinyDB(path, storage=OrjsonStorage)
    db.insert({"x": 1})
    db.table("t").insert({"y": 2})
    db.close()
    assert json.loads(path.read_bytes()) == {"_default": {"1": {"x": 1}}, "t": {"1": {"y": 2}}}
