"""Power loss at every step of the store's real save paths (see powerloss.py for the model).

A kill -9 test cannot see a missing fsync: the kernel keeps what was written. Here every
write, sync, rename and folder sync of a session (appends, two folds, a removal, close) is
recorded; at each step the disk a power cut would leave is rebuilt in a fresh folder and
reopened. Every change acknowledged before the cut must be there, and the store must open
(readable, writable, not damaged). Dropping the journal's fdatasync, the temp file's fsync
or the folder fsync each makes this fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotations.store import AnnotationStore

from .helpers import ALPHA
from .powerloss import PowerLossRecorder, restore

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads synced bytes through /proc/self/fd"
)


def run_session(db_path: Path, recorder: PowerLossRecorder) -> str:
    """A coder's session through the public API; each returned call is acknowledged."""
    store = AnnotationStore.open(db_path, fold_every=10_000)
    for n in range(3):
        store.add_tags("alpha.txt", [f"t{n}"])
        recorder.ack(("tag", f"t{n}"))
    highlight = store.add_highlight("alpha.txt", ALPHA, 31, 60, note="kept")
    recorder.ack(("highlight", highlight.id))
    store.compact()  # a fold: temp file, fsync, rename, folder fsync, journal trimmed
    store.add_tags("beta.txt", ["t3"])
    recorder.ack(("tag", "t3"))
    store.remove_tags("alpha.txt", ["t0"])
    recorder.ack(("untag", "t0"))
    store.compact()
    store.add_tags("alpha.txt", ["t4"])
    recorder.ack(("tag", "t4"))
    store.close()  # the last fold
    return highlight.id


def run_two_writers(db_path: Path, recorder: PowerLossRecorder) -> str:
    """A second handle appends while the first one's fold writes its temp file, so the
    fold keeps those newer journal lines: the journal itself is rewritten (temp, fsync,
    rename, folder fsync)."""
    first = AnnotationStore.open(db_path, fold_every=10_000)
    second = AnnotationStore.open(db_path, fold_every=10_000)
    first.add_tags("alpha.txt", ["t0"])
    recorder.ack(("tag", "t0"))

    def meanwhile() -> None:
        second.add_tags("beta.txt", ["t1"])
        recorder.ack(("tag", "t1"))

    recorder.once_after["fsync .annotations.json.tmp-"] = meanwhile
    first.compact()
    assert not recorder.once_after, "the second writer never ran"
    second.remove_tags("alpha.txt", ["t0"])
    recorder.ack(("untag", "t0"))
    first.add_tags("alpha.txt", ["t2"])
    recorder.ack(("tag", "t2"))
    second.close()
    first.close()
    return ""


SESSIONS = {"one writer": run_session, "two writers, journal rewritten": run_two_writers}


def expected(acked: list[tuple[str, str]]) -> tuple[set[str], set[str], set[str]]:
    """Tags that must be present, tags that must be absent, highlight ids that must exist."""
    present: set[str] = set()
    absent: set[str] = set()
    highlights: set[str] = set()
    for kind, what in acked:
        if kind == "tag":
            present.add(what)
            absent.discard(what)
        elif kind == "untag":
            absent.add(what)
            present.discard(what)
        else:
            highlights.add(what)
    return present, absent, highlights


def check_after_power_cut(tmp_path: Path, recorder: PowerLossRecorder) -> list[str]:
    failures: list[str] = []
    for number, step in enumerate(recorder.steps):
        acked = recorder.acked_before(number)
        present, absent, highlights = expected(acked)
        for kind, image in (("synced", step.image), ("torn", step.torn)):
            folder = restore(image, tmp_path / "cut" / f"{number}-{kind}")
            where = f"power cut after step {number} ({step.what}, {kind})"
            try:
                store = AnnotationStore.open(folder / "annotations.json")
            except Exception as exc:  # the report names the step; any failure is a finding
                failures.append(f"{where}: the store does not open: {exc}")
                continue
            try:
                tags = set(store.tags("alpha.txt")) | set(store.tags("beta.txt"))
                have = {h.id for h in store.highlights()}
                if not present <= tags:
                    failures.append(f"{where}: acknowledged tags lost: {present - tags}")
                if absent & tags:
                    failures.append(f"{where}: an acknowledged removal came back: {absent & tags}")
                if not highlights <= have:
                    failures.append(f"{where}: acknowledged highlight lost")
                store.add_tags("alpha.txt", ["after-reboot"])  # and it still takes changes
            finally:
                store.close()
    return failures


@pytest.fixture(params=list(SESSIONS))
def recorded(
    request: pytest.FixtureRequest, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> PowerLossRecorder:
    recorder = PowerLossRecorder(db_path.parent)
    with monkeypatch.context() as patched:
        recorder.install(patched)
        SESSIONS[request.param](db_path, recorder)
    return recorder


def test_the_simulation_sees_every_kind_of_save_step(recorded: PowerLossRecorder) -> None:
    """Guards the test below: if the store stopped calling what the layer records, the
    power-cut check would pass vacuously."""
    kinds = {step.what.split()[0] for step in recorded.steps}
    assert {"write", "fdatasync", "fsync", "replace", "truncate", "create"} <= kinds
    assert any(step.what == "fsync folder" for step in recorded.steps)
    assert len(recorded.acks) >= 4
    assert len(recorded.steps) > 20


def test_every_acknowledged_change_survives_a_power_cut_at_any_step(
    recorded: PowerLossRecorder, tmp_path: Path
) -> None:
    failures = check_after_power_cut(tmp_path, recorded)
    assert not failures, "\n".join(failures[:10])


def test_the_check_catches_a_missing_fsync(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check with the journal's fdatasync turned into a no-op must fail: proof
    that the check can see a lost sync (the other two mutations are shown in the note)."""
    import os

    recorder = PowerLossRecorder(db_path.parent)
    with monkeypatch.context() as patched:
        recorder.install(patched)
        patched.setattr(os, "fdatasync", lambda fd: None)
        run_session(db_path, recorder)
    failures = check_after_power_cut(tmp_path, recorder)
    assert any("acknowledged tags lost" in f for f in failures)
