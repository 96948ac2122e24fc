"""Two processes (or two handles) on one store lose no update."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.errors import AnnotationInputError
from annotations.store import AnnotationStore

from .helpers import ALPHA, REPO

WRITER = """
import sys
from annotations.store import AnnotationStore
path, name, text = sys.argv[1], sys.argv[2], sys.argv[3]
s = AnnotationStore.open(path, fold_every=10)
for i in range(60):
    s.add_tags("alpha.txt", [f"{name}-{i}"])   # read-modify-write of one shared record
    h = s.add_highlight("alpha.txt", text, i, i + 10, note=name)
    print(h.id, flush=True)
s.close()
"""


def test_two_processes_adding_concurrently_lose_nothing(db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), name, ALPHA],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("p", "q")
    ]
    ids = []
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        ids += out.split()
    s = AnnotationStore.open(db_path, readonly=True)
    assert sorted(s.tags("alpha.txt")) == sorted(f"{n}-{i}" for n in "pq" for i in range(60))
    assert {h.id for h in s.highlights("alpha.txt")} == set(ids)
    assert len(ids) == 120
    s.close()


def test_a_second_handle_picks_up_changes(db_path: Path) -> None:
    a = AnnotationStore.open(db_path)
    b = AnnotationStore.open(db_path)
    assert b.reload_if_changed() is False
    a.add_tags("alpha.txt", ["from-a"])
    assert b.reload_if_changed() is True
    assert b.tags("alpha.txt") == ["from-a"]
    b.add_tags("alpha.txt", ["from-b"])
    b.compact()  # b replaces the TinyDB file: a must reload it, not miss anything
    a.add_tags("alpha.txt", ["again-a"])
    assert a.tags("alpha.txt") == ["from-a", "from-b", "again-a"]
    b.reload_if_changed()
    assert b.tags("alpha.txt") == ["from-a", "from-b", "again-a"]
    a.close()
    b.close()
    final = AnnotationStore.open(db_path, readonly=True)
    assert final.tags("alpha.txt") == ["from-a", "from-b", "again-a"]
    final.close()


def test_requests_are_checked_against_the_latest_state(db_path: Path) -> None:
    a = AnnotationStore.open(db_path)
    b = AnnotationStore.open(db_path)
    h = a.add_highlight("alpha.txt", ALPHA, 31, 60)
    b.reload_if_changed()
    a.delete_highlight(h.id)
    with pytest.raises(AnnotationInputError, match="no highlight"):
        b.update_highlight(h.id, note="too late")  # b had not reloaded, the store did
    a.close()
    b.close()


def test_folds_from_two_handles_interleaved(db_path: Path) -> None:
    a = AnnotationStore.open(db_path, fold_every=3)
    b = AnnotationStore.open(db_path, fold_every=4)
    for i in range(25):
        (a if i % 2 else b).add_tags("alpha.txt", [f"t{i}"])
        if i % 5 == 0:
            (b if i % 2 else a).compact()
    a.close()
    b.close()
    final = AnnotationStore.open(db_path, readonly=True)
    assert sorted(final.tags("alpha.txt")) == sorted(f"t{i}" for i in range(25))
    final.close()


CODER_WRITER = """
import sys
from annotations.store import AnnotationStore
path, coder, text = sys.argv[1], sys.argv[2], sys.argv[3]
s = AnnotationStore.open(path, fold_every=7, coder=coder)
for i in range(40):
    s.add_tags("alpha.txt", [f"t{i}"])   # both coders tag the same article with the same tags
    s.set_status("alpha.txt", "done" if i % 2 else "skipped")
    h = s.add_highlight("alpha.txt", text, i, i + 10, label="", note=coder)
    print(h.id, flush=True)
s.set_memo("alpha.txt", f"memo of {coder}")
s.close()
"""


def test_two_coders_in_two_processes_lose_nothing_and_stay_apart(db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = {
        coder: subprocess.Popen(
            [sys.executable, "-c", CODER_WRITER, str(db_path), coder, ALPHA],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for coder in ("ann", "bob")
    }
    ids = {}
    for coder, proc in procs.items():
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        ids[coder] = set(out.split())
    with AnnotationStore.open(db_path, readonly=True, coder="ann") as s:
        assert s.coders() == ["ann", "bob"]
        for coder in ("ann", "bob"):
            assert s.tags("alpha.txt", coder=coder) == [f"t{i}" for i in range(40)]
            assert s.article_state("alpha.txt", coder=coder).status == "done"
            mine = s.highlights("alpha.txt", coder=coder)
            assert {h.id for h in mine} == ids[coder] and len(ids[coder]) == 40
            assert {h.note for h in mine} == {coder}
            assert s.memo("alpha.txt", coder=coder).text == f"memo of {coder}"  # type: ignore[union-attr]
        assert len(s.highlights(coder=None)) == 80
