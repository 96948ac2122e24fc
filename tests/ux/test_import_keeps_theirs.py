"""`reader import` kept ours on a conflict and said so, but the colleague's version lived
on only in the file imported (often a copy passed around, then deleted). It is now
appended to `annotations.json.conflicts` beside the store, named on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotations.store import AnnotationStore
from tests.export.helpers import A1, seed_text


def reader(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          timeout=60)


def test_the_colleagues_version_of_a_conflict_is_kept_and_named(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path
) -> None:
    store_path = seeds_copy / "annotations.json"
    with AnnotationStore.open(store_path, coder="ann") as store:
        text = seed_text(A1)
        s = text.index("The sporadic romance")
        hid = store.add_highlight(A1, text, s, s + 40, "claim", "ours").id
        store.set_memo(A1, "our memo")
    mine = tmp_path / "mine.json"
    assert reader("export", seeds_copy, "-f", "json", "-o", mine, cwd=tmp_path).returncode == 0
    doc = json.loads(mine.read_text(encoding="utf-8"))
    (h,) = [h for a in doc["articles"] for h in a["highlights"] if h["id"] == hid]
    h["note"] = "a colleague's long note"
    theirs = tmp_path / "colleague.json"
    theirs.write_text(json.dumps(doc), encoding="utf-8")

    out = reader("import", seeds_copy, theirs, "--coder", "ann", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("conflicts 1\n")
    sidecar = seeds_copy / "annotations.json.conflicts"
    assert f"is kept in {sidecar}" in out.stderr
    (kept,) = [json.loads(x) for x in sidecar.read_text(encoding="utf-8").splitlines()]
    assert kept["theirs"]["note"] == "a colleague's long note"
    assert kept["ours"]["note"] == "ours"
    assert kept["imported_from"] == str(theirs)
    with AnnotationStore.open(store_path, coder="ann") as store:
        assert [x.note for x in store.highlights(A1)] == ["ours"]  # ours stays in the store
    listed = reader("list", seeds_copy, cwd=tmp_path)
    assert "conflicts" not in listed.stdout  # the file beside the store is not an article

    again = reader("import", seeds_copy, theirs, "--coder", "ann", cwd=tmp_path)
    assert again.returncode == 0
    assert len(sidecar.read_text(encoding="utf-8").splitlines()) == 2  # appended, not replaced


def test_an_import_without_conflicts_writes_no_sidecar(
    seeds_copy: Path, tmp_path: Path, isolated_home: Path
) -> None:
    mine = tmp_path / "mine.json"
    assert reader("export", seeds_copy, "-f", "json", "-o", mine, cwd=tmp_path).returncode == 0
    out = reader("import", seeds_copy, mine, cwd=tmp_path)
    assert out.returncode == 0 and "kept in" not in out.stderr
    assert not (seeds_copy / "annotations.json.conflicts").exists()
