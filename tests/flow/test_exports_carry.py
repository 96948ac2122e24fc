"""Exports carry what the coder saw (issue 19, item 7): the quotation a highlight lies in
(speaker and kind after corrections), articles worked on without a highlight, CSV status
and line columns, one tag spelling, plain UTF-8 CSV unless --excel, umask permissions."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from annotations.export import collect_for, export_to_file, render
from annotations.export.csvfile import COLUMNS
from annotations.model import ArticleState, Correction, Highlight
from reader.corpus import read_text, scan
from tests.export.helpers import MemoryStore, fake_analyze

TEXT = (
    "A headline long enough to be the title line\n"
    "\n"
    "The minister spoke at length on Monday. \u201cWe will never give up our weapons "
    "whatever the cost,\u201d he told reporters in the capital.\n"
    "Another paragraph with enough words in it to be body text.\n"
)
SPEAKER = "Ri Son Gwon"


def _corpus(tmp_path: Path) -> tuple[Path, MemoryStore, str]:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.txt").write_text("Second article headline with words\n\nBody text of it here.\n",
                                encoding="utf-8")
    text = read_text(root / "a.txt").text
    q_start = text.index("\u201c")
    q_end = text.index("\u201d") + 1
    inner = text.index("never give up")
    store = MemoryStore(
        states=[ArticleState("a.txt", ["north korea"], "todo"),
                ArticleState("b.txt", [], "done")],
        hls=[Highlight.create("a.txt", text, inner, inner + len("never give up our weapons"),
                              "claim", "")],
        corr=[Correction("c1", "quote_speaker", article="a.txt", start=q_start, end=q_end,
                         value=SPEAKER),
              Correction("c2", "quote_kind", article="a.txt", start=q_start, end=q_end,
                         value="speech")],
    )
    return root, store, text


def _render(tmp_path: Path, fmt: str) -> str:
    root, store, _ = _corpus(tmp_path)
    return render(fmt, collect_for(fmt, scan(root), store, analyze=fake_analyze))


def test_json_carries_speaker_kind_and_status_only_articles(tmp_path: Path) -> None:
    doc = json.loads(_render(tmp_path, "json"))
    by_id = {a["article"]: a for a in doc["articles"]}
    hl = by_id["a.txt"]["highlights"][0]
    assert (hl["speaker"], hl["quote_kind"]) == (SPEAKER, "speech")
    assert by_id["a.txt"]["tags"] == ["north-korea"]
    assert by_id["b.txt"]["status"] == "done" and by_id["b.txt"]["highlights"] == []


def test_jsonld_describes_the_quotation_and_the_status(tmp_path: Path) -> None:
    doc = json.loads(_render(tmp_path, "jsonld"))
    items = doc["first"]["items"]
    hl = next(i for i in items if i["motivation"] == "highlighting")
    described = [b["value"] for b in hl["body"] if b["purpose"] == "describing"]
    assert described == [f"speech quotation, speaker: {SPEAKER}"]
    assessed = [i for i in items if i["motivation"] == "assessing"]
    assert [i["target"]["source"].endswith("b.txt") for i in assessed] == [True]


def test_csv_rows_status_line_speaker_and_an_article_without_highlight(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_render(tmp_path, "csv"))))
    assert list(rows[0]) == list(COLUMNS)
    a, b = rows
    assert (a["article"], a["status"], a["line"], a["speaker"], a["quote_kind"]) == (
        "a.txt", "todo", "3", SPEAKER, "speech")
    assert a["tags"] == "north-korea"
    assert (b["article"], b["status"]) == ("b.txt", "done")
    assert all(b[c] == "" for c in ("label", "start", "end", "text", "id", "line"))


def test_markdown_names_the_quotation(tmp_path: Path) -> None:
    md = _render(tmp_path, "md")
    assert f"- **Quotation:** speech \u2014 {SPEAKER}" in md
    assert "#north-korea" in md
    assert "Second article headline" in md  # the article marked done, no highlight


def test_csv_is_plain_utf8_and_files_get_the_umask_permissions(tmp_path: Path) -> None:
    root, store, _ = _corpus(tmp_path)
    old = os.umask(0o022)
    try:
        out = export_to_file(scan(root), store, "csv", tmp_path / "x.csv", analyze=fake_analyze)
        excel = export_to_file(scan(root), store, "csv", tmp_path / "y.csv", excel=True,
                               analyze=fake_analyze)
        md = export_to_file(scan(root), store, "md", tmp_path / "x.md", analyze=fake_analyze)
    finally:
        os.umask(old)
    assert out.read_bytes().startswith(b"article,")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfarticle,")
    assert (out.stat().st_mode & 0o777) == 0o644
    assert (md.stat().st_mode & 0o777) == 0o644


def test_split_writes_one_obsidian_note_per_article(tmp_path: Path) -> None:
    import subprocess
    import sys

    from annotations.store import AnnotationStore

    root, _, text = _corpus(tmp_path)
    with AnnotationStore.open(root / "annotations.json") as store:
        s = text.index("The minister")
        store.add_highlight("a.txt", text, s, s + 20, "claim", "a note")
        store.add_tags("a.txt", ["north korea"])
        store.set_status("b.txt", "done")
    notes = tmp_path / "vault" / "sources"
    out = subprocess.run([sys.executable, "-m", "reader", "export", str(root), "--format", "md",
                          "--split", str(notes)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    files = sorted(p.name for p in notes.iterdir() if not p.name.startswith("."))
    assert files == ["A headline long enough to be the title line.md",
                     "Second article headline with words.md", "index.md"]
    note = (notes / files[0]).read_text(encoding="utf-8")
    assert note.startswith("---\ntitle: \"A headline long enough to be the title line\"\n")
    assert 'article: "a.txt"' in note and "tags:\n  - \"north-korea\"" in note
    assert f"(<{(root / 'a.txt').absolute().as_uri()}>)" in note  # Obsidian opens file://
    assert "> The minister spoke a" in note and "^hl-" in note and "a note" in note
    index = (notes / "index.md").read_text(encoding="utf-8")
    assert "[[A headline long enough to be the title line]]" in index
    assert "[[Second article headline with words]] · done" in index
    assert (notes / files[0]).stat().st_mode & 0o044  # readable by others (umask 022)
    bad = subprocess.run([sys.executable, "-m", "reader", "export", str(root), "--format",
                          "csv", "--split", str(notes)], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_split_note_carries_the_memo_and_a_memo_only_article(tmp_path: Path) -> None:
    from annotations.export.notes import export_notes
    from annotations.store import AnnotationStore

    root, _, _ = _corpus(tmp_path)
    with AnnotationStore.open(root / "annotations.json", coder="ann") as store:
        store.set_memo("b.txt", "Why this article matters")
    with AnnotationStore.open(root / "annotations.json", coder="ann") as store:
        data, notes = export_notes(scan(root), store, tmp_path / "notes")
    (note,) = notes
    text = note.read_text(encoding="utf-8")
    assert note.name == "Second article headline with words.md"
    assert "## Memo\n\nWhy this article matters" in text and 'coder: "ann"' in text
