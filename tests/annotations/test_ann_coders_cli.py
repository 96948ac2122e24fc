"""The coder on the command line: `reader status`, `reader memo`, `--coder` on the
annotation commands, exports that name each item's coder, and importing a colleague's
export so both coders' work ends up in one store, apart."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.store import ALL, AnnotationStore

from .helpers import ALPHA, REPO

QUOTE = "The minister announced a tax cut of 5 percent on Tuesday."
Q0 = ALPHA.index(QUOTE)


@pytest.fixture
def cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """`python -m reader ARGS` with a private config folder and READER_CODER as given."""

    def run(*args: object, coder: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
            "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        }
        env.pop("READER_CODER", None)
        if coder is not None:
            env["READER_CODER"] = coder
        return subprocess.run(
            [sys.executable, "-m", "reader", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    return run


def test_status_sets_one_coders_status(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("status", corpus_dir, "alpha.txt", "done", "--coder", "ann")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "alpha.txt\tdone\tann\n"
    r = cli("status", corpus_dir, "alpha.txt", "skipped", coder="bob")  # from READER_CODER
    assert r.stdout == "alpha.txt\tskipped\tbob\n"
    with AnnotationStore.open(corpus_dir / "annotations.json", readonly=True) as s:
        assert s.article_state("alpha.txt", coder="ann").status == "done"
        assert s.article_state("alpha.txt", coder="bob").status == "skipped"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("alpha.txt", "finished"), "invalid choice"),
        (("nope.txt", "done"), "nope.txt"),
        (("alpha.txt", "done", "--coder", " "), "coder name cannot be empty"),
    ],
)
def test_status_refuses_bad_input_and_writes_nothing(  # type: ignore[no-untyped-def]
    corpus_dir: Path, cli, args: tuple[str, ...], words: str
) -> None:
    r = cli("status", corpus_dir, *args)
    assert r.returncode == 2 and words in r.stderr and r.stdout == ""
    assert not (corpus_dir / "annotations.json").exists()


def test_memo_writes_prints_and_deletes(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("memo", corpus_dir, "alpha.txt", "--text", "Two frames\nhere", coder="ann")
    assert r.returncode == 0 and r.stdout == ""
    cli("memo", corpus_dir, "--text", "Project memo", coder="ann")
    assert cli("memo", corpus_dir, "alpha.txt", coder="ann").stdout == "Two frames\nhere\n"
    assert cli("memo", corpus_dir, coder="ann").stdout == "Project memo\n"
    assert cli("memo", corpus_dir, "alpha.txt", coder="bob").stdout == ""  # bob has none
    cli("memo", corpus_dir, "alpha.txt", "--text", "", coder="ann")
    assert cli("memo", corpus_dir, "alpha.txt", coder="ann").stdout == ""
    r = cli("memo", corpus_dir, "nope.txt", "--text", "x")
    assert r.returncode == 2 and "nope.txt" in r.stderr


def test_commands_show_the_current_coders_work(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", corpus_dir, "alpha.txt", "flood", coder="ann")
    r = cli("tag", corpus_dir, "alpha.txt", "budget", coder="bob")
    assert r.stdout == "alpha.txt\tbudget\n"  # bob's tags only
    out = json.loads(cli("annotations", corpus_dir, "--json", coder="ann").stdout)
    assert [(a["coder"], a["tags"]) for a in out["articles"]] == [("ann", ["flood"])]
    out = json.loads(cli("annotations", corpus_dir, "--json", "--coder", "bob").stdout)
    assert [(a["coder"], a["tags"]) for a in out["articles"]] == [("bob", ["budget"])]


def two_coders(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    end = str(Q0 + len(QUOTE))
    for coder, label in (("ann", "claim"), ("bob", "evidence")):
        cli(
            "highlight",
            corpus_dir,
            "alpha.txt",
            "--start",
            Q0,
            "--end",
            end,
            "--label",
            label,
            coder=coder,
        )
        cli("tag", corpus_dir, "alpha.txt", f"{coder}-tag", coder=coder)
        cli("memo", corpus_dir, "alpha.txt", "--text", f"{coder} thinks", coder=coder)
    cli("memo", corpus_dir, "--text", "the project", coder="ann")


def test_every_export_format_names_each_items_coder(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    two_coders(corpus_dir, cli)
    doc = json.loads(cli("export", corpus_dir, "-f", "json").stdout)
    assert doc["coders"] == ["ann", "bob"]
    entries = {a["coder"]: a for a in doc["articles"]}
    assert entries["ann"]["tags"] == ["ann-tag"] and entries["bob"]["tags"] == ["bob-tag"]
    assert entries["bob"]["highlights"][0]["coder"] == "bob"
    assert entries["ann"]["memo"]["text"] == "ann thinks"
    assert [m["text"] for m in doc["memos"]] == ["the project"]

    only = json.loads(cli("export", corpus_dir, "-f", "json", "--coder", "bob").stdout)
    assert [a["coder"] for a in only["articles"]] == ["bob"] and only["memos"] == []

    rows = list(csv.DictReader(io.StringIO(cli("export", corpus_dir, "-f", "csv").stdout)))
    highlights = [r for r in rows if r["kind"] == "highlight"]
    assert {(r["coder"], r["label"]) for r in highlights} == {("ann", "claim"), ("bob", "evidence")}
    memos = {(r["coder"], r["article"], r["memo"]) for r in rows if r["kind"] == "memo"}
    assert ("bob", "alpha.txt", "bob thinks") in memos and ("ann", "", "the project") in memos

    ld = json.loads(cli("export", corpus_dir, "-f", "jsonld").stdout)
    items = ld["first"]["items"]
    creators = {(i["motivation"], i["creator"]["name"]) for i in items}
    assert ("highlighting", "bob") in creators and ("tagging", "ann") in creators
    assert ("commenting", "ann") in creators  # the memos

    md = cli("export", corpus_dir, "-f", "md", "--coder", "ann").stdout
    assert "ann thinks" in md and "the project" in md and "**Coder:** ann" in md
    assert "bob" not in md


def test_importing_a_colleagues_copy_keeps_both_coders_apart(  # type: ignore[no-untyped-def]
    corpus_dir: Path, tmp_path: Path, cli
) -> None:
    """Two copies of the corpus on two machines, brought together with `reader import`."""
    import shutil

    theirs = tmp_path / "bobs-copy"
    shutil.copytree(corpus_dir, theirs)
    end = str(Q0 + len(QUOTE))
    cli("tag", corpus_dir, "alpha.txt", "flood", coder="ann")
    cli("status", corpus_dir, "alpha.txt", "done", coder="ann")
    cli("highlight", theirs, "alpha.txt", "--start", Q0, "--end", end, coder="bob")
    cli("tag", theirs, "alpha.txt", "budget", coder="bob")
    cli("status", theirs, "alpha.txt", "skipped", coder="bob")
    cli("memo", theirs, "--text", "bob's project notes", coder="bob")
    export = tmp_path / "bob.json"
    assert cli("export", theirs, "-f", "json", "-o", export).returncode == 0
    r = cli("import", corpus_dir, export, coder="ann")
    assert r.returncode == 0 and "conflicts 0" in r.stdout, r.stderr
    with AnnotationStore.open(corpus_dir / "annotations.json", readonly=True, coder="ann") as s:
        assert s.coders() == ["ann", "bob"]
        assert s.tags("alpha.txt") == ["flood"] and s.highlights() == []
        assert s.article_state("alpha.txt").status == "done"
        assert s.tags("alpha.txt", coder="bob") == ["budget"]
        assert s.article_state("alpha.txt", coder="bob").status == "skipped"
        assert [h.coder for h in s.highlights(coder=ALL)] == ["bob"]
        assert s.memo("", coder="bob").text == "bob's project notes"  # type: ignore[union-attr]
    again = cli("import", corpus_dir, export, coder="ann")
    assert again.stdout.startswith("added 0,")


def test_the_app_refuses_a_bad_coder_name_before_starting(corpus_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("--coder", "", corpus_dir)
    assert r.returncode == 2 and "coder name cannot be empty" in r.stderr
    r = cli(corpus_dir, coder="tab\there")
    assert r.returncode == 2 and "READER_CODER" in r.stderr
