"""`reader export` and `reader import` end to end, in a subprocess on a copy of the seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.model import Correction
from annotations.store import AnnotationStore

from .helpers import A1, A2, GONE, seed_text


def reader(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    """The seeds with tags, highlights and a correction made through the store API."""
    with AnnotationStore.open(seeds_copy / "annotations.json") as store:
        t1, t2 = seed_text(A1), seed_text(A2)
        store.add_tags(A1, ["relevant", "follow up"])
        store.set_status(A1, "done")
        store.add_tags(A2, ["relevant"])
        s = t1.index("The sporadic romance")
        store.add_highlight(A1, t1, s, s + 40, "claim", "=cmd|' /C calc'!A0")
        s = t2.index("Pyongyang leaders")
        store.add_highlight(A2, t2, s, s + 30, "evidence", "# not a heading\n<b>x</b>")
        store.add_correction(Correction("c1", "line_boilerplate", A2, line=1, text="x"))
    return seeds_copy


def articles(stdout: str) -> list[str]:
    return [a["article"] for a in json.loads(stdout)["articles"]]


def test_filters(corpus: Path, tmp_path: Path) -> None:
    out = reader("export", corpus, "--format", "json", "--tag", "follow up", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert articles(out.stdout) == [A1]
    out = reader("export", corpus, "--format", "json", "--article", A2, cwd=tmp_path)
    assert articles(out.stdout) == [A2]
    out = reader("export", corpus, "--format", "csv", "--label", "evidence", cwd=tmp_path)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("article,title,label") and len(lines) == 3  # header + 2-line cell
    assert ",evidence," in lines[1]
    out = reader("export", corpus, "--article", "nope.txt", cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "nope.txt" in out.stderr


def test_markdown_to_stdout_and_file(corpus: Path, tmp_path: Path) -> None:
    out = reader("export", corpus, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("---\n") and out.stdout.count("\n## ") == 2
    assert "\n\\# not a heading" not in out.stdout  # notes live in list items, escaped
    assert "- **Note:** \\# not a heading\n  \\<b\\>x\\</b\\>\n" in out.stdout
    assert f"[source](seeds/{A1})" in out.stdout  # relative to the current folder
    note = tmp_path / "notes" / "n.md"
    out = reader("export", corpus, "-o", note, cwd=tmp_path)
    assert out.returncode == 0 and "wrote 2 articles, 2 highlights" in out.stderr
    assert f"[source](../seeds/{A1})" in note.read_text(encoding="utf-8")


def test_detector_backed_exports(corpus: Path, tmp_path: Path) -> None:
    """The clean text and --quotes run the real detector (reader.marks.analyze)."""
    out = reader("export", corpus, "--quotes", "--article", A2, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("### Quotations") == 1  # what is found is the detector's business
    out = reader("export", corpus, "--format", "text", cwd=tmp_path)
    assert out.returncode == 2 and "-o" in out.stderr
    out = reader("export", corpus, "--format", "text", "-o", tmp_path / "clean", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "clean").iterdir()) == [A1, A2]
    jl = tmp_path / "clean.jsonl"
    out = reader(
        "export", corpus, "-f", "text", "--jsonl", "-o", jl, "--tag", "follow up", cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in jl.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in rows] == [A1] and rows[0]["text"]


def test_import_round_trip(corpus: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    assert reader("export", corpus, "-f", "json", "-o", first, cwd=tmp_path).returncode == 0
    db = tmp_path / "other.json"
    out = reader("import", corpus, first, "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "added 5, unchanged 0, conflicts 0\n"  # 2 highlights, 2 states, 1 fix
    second = tmp_path / "b.json"
    out = reader("export", corpus, "-f", "json", "-o", second, "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a.pop("exported"), b.pop("exported")
    assert a == b

    out = reader("import", corpus, first, "--db", db, cwd=tmp_path)
    assert out.stdout == "added 0, unchanged 5, conflicts 0\n"


def test_import_reports_conflicts(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    reader("export", corpus, "-f", "json", "-o", path, cwd=tmp_path)
    doc = json.loads(path.read_text())
    doc["articles"][0]["highlights"][0]["label"] = "opinion"
    doc["articles"][0]["highlights"].append(
        {"id": "ab" * 16, "article": GONE, "start": 0, "end": 4, "exact": "Gone"}
    )
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = reader("import", corpus, path, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "added 1, unchanged 4, conflicts 1\n"
    conflicts = [x for x in out.stderr.splitlines() if x.startswith("conflict:")]
    assert len(conflicts) == 1 and "label" in conflicts[0]
    assert "not in this corpus" in out.stderr

    path.write_text("{broken", encoding="utf-8")
    out = reader("import", corpus, path, cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "not valid JSON" in out.stderr
