"""`reader tag/highlight/annotations/check` in a subprocess, including every bad input:
exit 2, one line on stderr, and not a byte written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.store import AnnotationStore

from .helpers import ALPHA, BETA, folder_state

QUOTE = "The minister announced a tax cut of 5 percent on Tuesday."
Q0 = ALPHA.index(QUOTE)


def assert_refused(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: error: "), result.stderr
    for word in words:
        assert word in lines[0]
    assert result.stdout == ""


def test_tag_and_untag(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    r = reader_cli("tag", corpus_dir, "alpha.txt", "flood", "budget")
    assert r.returncode == 0 and r.stdout == "alpha.txt\tflood, budget\n"
    r = reader_cli("tag", corpus_dir, "alpha.txt", "budget", "--remove")
    assert r.stdout == "alpha.txt\tflood\n"
    s = AnnotationStore.open(corpus_dir / "annotations.json", readonly=True)
    assert s.tags("alpha.txt") == ["flood"]
    s.close()
    data = json.loads((corpus_dir / "annotations.json").read_bytes())  # folded on exit
    assert data["articles"]["1"]["tags"] == ["flood"]


def test_highlight_prints_the_new_id(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    r = reader_cli(
        "highlight",
        corpus_dir,
        "alpha.txt",
        "--start",
        Q0,
        "--end",
        Q0 + len(QUOTE),
        "--label",
        "claim",
        "--note",
        "check this",
    )
    assert r.returncode == 0, r.stderr
    hid = r.stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{32}", hid)
    s = AnnotationStore.open(corpus_dir / "annotations.json", readonly=True)
    h = s.highlight(hid)
    assert h is not None and (h.exact, h.label, h.note) == (QUOTE, "claim", "check this")
    s.close()


def test_labels_come_from_the_corpus_codebook(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    (corpus_dir / "codebook.toml").write_text('[[labels]]\nname = "quote"\n')
    assert (
        reader_cli(
            "highlight", corpus_dir, "beta.txt", "--start", 0, "--end", 5, "--label", "quote"
        ).returncode
        == 0
    )
    before = folder_state(corpus_dir)
    r = reader_cli(
        "highlight", corpus_dir, "beta.txt", "--start", 0, "--end", 5, "--label", "claim"
    )
    assert_refused(r, "claim", "codebook.toml")
    assert folder_state(corpus_dir) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["tag", "missing.txt", "x"], ["missing.txt"]),
        (["tag", "alpha.txt", " "], ["empty"]),
        (["highlight", "missing.txt", "--start", "0", "--end", "5"], ["missing.txt"]),
        (["highlight", "alpha.txt", "--start", "5", "--end", "5"], ["5-5"]),
        (["highlight", "alpha.txt", "--start", "9", "--end", "3"], ["9-3"]),
        (["highlight", "alpha.txt", "--start", "-1", "--end", "3"], ["-1-3"]),
        (
            ["highlight", "alpha.txt", "--start", "0", "--end", str(len(ALPHA) + 1)],
            [str(len(ALPHA))],
        ),
        (["highlight", "alpha.txt", "--start", "0", "--end", "5", "--label", "nope"], ["nope"]),
        (["annotations", "--article", "missing.txt"], ["missing.txt"]),
        (["tag", "alpha.txt", "x", "--db", "/nonexistent-folder/a.json"], ["does not exist"]),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    corpus_dir: Path,
    reader_cli,
    args: list[str],
    words: list[str],  # type: ignore[no-untyped-def]
) -> None:
    before = folder_state(corpus_dir)
    r = reader_cli(args[0], corpus_dir, *args[1:])
    assert_refused(r, *words)
    assert folder_state(corpus_dir) == before


def test_bad_input_with_an_existing_store_changes_nothing(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    assert reader_cli("tag", corpus_dir, "alpha.txt", "x").returncode == 0
    before = folder_state(corpus_dir)
    assert_refused(
        reader_cli("highlight", corpus_dir, "alpha.txt", "--start", "0", "--end", "999999")
    )
    assert_refused(reader_cli("tag", corpus_dir, "nope.txt", "x"))
    assert folder_state(corpus_dir) == before


@pytest.mark.parametrize("content", [b'{"meta": {"1": {', b'{"name": "a package"}'])
@pytest.mark.parametrize(
    "args",
    [
        ["tag", "alpha.txt", "x"],
        ["highlight", "alpha.txt", "--start", "0", "--end", "5"],
        ["annotations"],
        ["check"],
    ],
)
def test_a_bad_store_exits_2_naming_the_file(
    corpus_dir: Path,
    reader_cli,
    content: bytes,
    args: list[str],  # type: ignore[no-untyped-def]
) -> None:
    store = corpus_dir / "annotations.json"
    store.write_bytes(content)
    before = folder_state(corpus_dir)
    assert_refused(reader_cli(args[0], corpus_dir, *args[1:]), str(store))
    assert folder_state(corpus_dir) == before


def test_annotations_lists_and_reanchors(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    reader_cli("tag", corpus_dir, "alpha.txt", "flood")
    hid = reader_cli(
        "highlight",
        corpus_dir,
        "alpha.txt",
        "--start",
        Q0,
        "--end",
        Q0 + len(QUOTE),
        "--label",
        "claim",
    ).stdout.strip()
    r = reader_cli("annotations", corpus_dir)
    assert r.returncode == 0
    assert "alpha.txt  [todo]  tags: flood" in r.stdout
    assert f"{hid[:8]}  {Q0}-{Q0 + len(QUOTE)}  claim  exact" in r.stdout
    (corpus_dir / "alpha.txt").write_text("Correction appended on top.\n" + ALPHA)
    before = folder_state(corpus_dir)
    data = json.loads(reader_cli("annotations", corpus_dir, "--json").stdout)
    (entry,) = data["articles"]
    assert entry["article"] == "alpha.txt" and entry["title"]
    assert entry["tags"] == ["flood"] and entry["status"] == "todo" and not entry["missing"]
    (h,) = entry["highlights"]
    assert set(h) == {
        "id",
        "start",
        "end",
        "label",
        "note",
        "text",
        "status",
        "score",
        "created",
        "coder",
        "updated",
    }
    assert h["status"] == "moved" and h["start"] == Q0 + len("Correction appended on top.\n")
    assert folder_state(corpus_dir) == before  # listing never writes


def test_annotations_for_one_article_and_a_missing_one(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    reader_cli("tag", corpus_dir, "alpha.txt", "a")
    reader_cli("highlight", corpus_dir, "beta.txt", "--start", "0", "--end", "5")
    one = json.loads(
        reader_cli("annotations", corpus_dir, "--article", "beta.txt", "--json").stdout
    )
    assert [a["article"] for a in one["articles"]] == ["beta.txt"]
    empty = json.loads(
        reader_cli("annotations", corpus_dir, "--article", "alpha.txt", "--json").stdout
    )
    assert empty["articles"][0]["highlights"] == []
    (corpus_dir / "beta.txt").unlink()
    gone = json.loads(reader_cli("annotations", corpus_dir, "--json").stdout)
    beta = next(a for a in gone["articles"] if a["article"] == "beta.txt")
    assert beta["missing"] and beta["highlights"][0]["status"] == "orphaned"


def test_annotations_help_documents_the_json(reader_cli) -> None:  # type: ignore[no-untyped-def]
    out = reader_cli("annotations", "--help").stdout
    assert '{"articles": [' in out and '"status": "exact|moved|fuzzy|orphaned"' in out


def test_check_reports_orphans_with_exit_1(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    assert reader_cli("check", corpus_dir).returncode == 0  # no store yet is fine
    reader_cli("highlight", corpus_dir, "alpha.txt", "--start", Q0, "--end", Q0 + len(QUOTE))
    reader_cli("highlight", corpus_dir, "beta.txt", "--start", "0", "--end", "5")
    r = reader_cli("check", corpus_dir)
    assert r.returncode == 0 and "2 highlights in 2 articles: 2 exact" in r.stdout
    (corpus_dir / "alpha.txt").write_text(ALPHA.replace(QUOTE, "Nothing to see here."))
    before = folder_state(corpus_dir)
    r = reader_cli("check", corpus_dir)
    assert r.returncode == 1
    orphans = [line for line in r.stdout.splitlines() if line.startswith("orphaned")]
    assert len(orphans) == 1 and "alpha.txt" in orphans[0] and "tax cut" in orphans[0]
    assert folder_state(corpus_dir) == before  # check alone writes nothing
    assert reader_cli("check", corpus_dir, "--save").returncode == 1
    s = AnnotationStore.open(corpus_dir / "annotations.json", readonly=True)
    assert [h.status for h in s.highlights()] == ["orphaned", "exact"]  # kept, not dropped
    s.close()


def test_db_elsewhere(corpus_dir: Path, tmp_path: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    before = folder_state(corpus_dir)
    db = tmp_path / "elsewhere.json"
    assert reader_cli("tag", corpus_dir, "beta.txt", "x", "--db", db).returncode == 0
    assert folder_state(corpus_dir) == before and db.exists()
    out = reader_cli("annotations", corpus_dir, "--db", db, "--json").stdout
    assert json.loads(out)["articles"][0]["tags"] == ["x"]


@pytest.fixture
def readonly_corpus(tmp_path: Path) -> Iterator[Path]:
    """A corpus folder nobody can write to: chmod for a user, the immutable flag for root
    (who ignores permissions)."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    folder = tmp_path / "ro-corpus"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA)
    (folder / "beta.txt").write_text(BETA)
    root = os.geteuid() == 0
    if root:
        chattr = shutil.which("chattr")
        if not chattr or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root without chattr +i")
    else:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if root:
            subprocess.run([shutil.which("chattr") or "chattr", "-i", str(folder)])
        else:
            folder.chmod(0o755)


def test_a_read_only_corpus_folder_suggests_db(readonly_corpus: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    r = reader_cli("tag", readonly_corpus, "alpha.txt", "x")
    assert_refused(r, "read-only", "--db", str(readonly_corpus))
    assert reader_cli("annotations", readonly_corpus).returncode == 0
    assert reader_cli("check", readonly_corpus).returncode == 0
    assert sorted(p.name for p in readonly_corpus.iterdir()) == ["alpha.txt", "beta.txt"]


def test_a_read_only_store_folder_for_the_app(readonly_corpus: Path) -> None:
    s = AnnotationStore.open(readonly_corpus / "annotations.json", readonly_ok=True)
    assert s.readonly and "--db" in (s.readonly_reason or "")
    s.close()


def test_reading_the_bundled_corpus_creates_no_user_data_folder(  # type: ignore[no-untyped-def]
    tmp_path: Path, reader_cli
) -> None:
    """Listing, checking and exporting write nothing, not even an empty folder; the first
    annotation creates it."""
    from reader.corpus import bundled_corpus

    seeds = bundled_corpus()
    for args in (("annotations", seeds), ("check", seeds), ("export", seeds, "--format", "json")):
        assert reader_cli(*args).returncode == 0
    assert not (tmp_path / "xdg-data").exists()
    first = sorted(p.name for p in seeds.glob("*.txt"))[0]
    assert reader_cli("tag", seeds, first, "probe").returncode == 0
    assert (tmp_path / "xdg-data" / "reader").is_dir()
    assert "probe" in reader_cli("annotations", seeds).stdout


def test_an_empty_listing_names_who_has_work(corpus_dir: Path, reader_cli) -> None:  # type: ignore[no-untyped-def]
    """Work is per coder: an empty listing for one coder says whose work is there, on
    stderr (stdout stays empty for scripts), so it does not look lost."""
    assert reader_cli("tag", corpus_dir, "alpha.txt", "flood", "--coder", "maya").returncode == 0
    r = reader_cli("annotations", corpus_dir, "--coder", "sam")
    assert r.returncode == 0 and r.stdout == ""
    assert "maya" in r.stderr and "--coder" in r.stderr
    r = reader_cli("annotations", corpus_dir, "--coder", "maya")
    assert "flood" in r.stdout and r.stderr == ""
