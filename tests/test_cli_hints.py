"""One-line messages that say what to change: a folder with no articles says what it
does hold; a listing command given a --db with no file there says so.

A researcher pointed `reader` at their scraper's folder of `.json` files (or saved pages,
`.html`, `.md`) and got "no articles (.txt files or JSON Lines records)": nothing said the
files were there but of a kind not read. The message now names the kinds found.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.e2e.tmux import reader_script


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([reader_script(), *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_a_folder_of_other_files_names_them(tmp_path: Path) -> None:
    corpus = tmp_path / "scraped"
    (corpus / "2019").mkdir(parents=True)
    for i in range(3):
        (corpus / "2019" / f"a{i}.json").write_text('{"text": "Hello"}', encoding="utf-8")
    (corpus / "page.html").write_text("<html></html>", encoding="utf-8")
    for args in (("list", str(corpus)), ("analyze", str(corpus))):
        out = reader(*args)
        assert out.returncode == 2, out
        line = out.stderr.strip()
        assert "\n" not in line and "Traceback" not in line, line
        assert "no articles" in line
        assert "3 .json files" in line and "1 .html file" in line, line
        assert ".jsonl" in line, line  # what to do with JSON: one object per line, .jsonl


def test_an_empty_folder_says_it_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = reader("list", str(tmp_path / "empty"))
    assert out.returncode == 2
    assert "no articles" in out.stderr and "the folder is empty" in out.stderr, out.stderr
    assert "it holds" not in out.stderr, out.stderr  # no list of kinds


def test_a_mistyped_db_for_a_listing_command_is_named(seeds_copy: Path, tmp_path: Path) -> None:
    """`reader annotations CORPUS --db typo.json` printed nothing, as if nothing were
    annotated; it now says there is no annotation file there (and writes none)."""
    missing = tmp_path / "anotations.json"
    out = reader("annotations", str(seeds_copy), "--db", str(missing))
    assert out.returncode == 0
    assert f"no annotation file at {missing}" in out.stderr, out.stderr
    assert not missing.exists()


def test_importing_a_markdown_export_says_what_import_reads(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """`reader import CORPUS notes.md` (the Markdown export) said only "not valid JSON
    (line 1, column 1)"; it now says which exports import reads."""
    md = tmp_path / "notes.md"
    md.write_text("---\ntitle: x\n---\n# Annotations\n", encoding="utf-8")
    out = reader("import", str(seeds_copy), str(md))
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert "not valid JSON" in out.stderr and "--format json" in out.stderr, out.stderr
