"""`export_to_file`, the entry point the app's palette calls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.export import collect_for, export_to_file, render
from annotations.export.data import EmptyStore
from annotations.model import ArticleState
from reader.corpus import scan
from reader.errors import UserError

from .helpers import A1, A2, MemoryStore, fake_analyze, fixed_store


def test_markdown_links_are_relative_to_the_note(seeds_copy: Path, tmp_path: Path) -> None:
    out = export_to_file(scan(seeds_copy), fixed_store(), "md", tmp_path / "vault" / "n.md")
    text = out.read_text(encoding="utf-8")
    assert f"[source](../seeds/{A1})" in text
    assert (out.parent / "../seeds" / A1).exists()


def test_filters(seeds_copy: Path, tmp_path: Path) -> None:
    corpus = scan(seeds_copy)
    out = export_to_file(corpus, fixed_store(), "json", tmp_path / "a.json", article=A2)
    assert [a["article"] for a in json.loads(out.read_text())["articles"]] == [A2]
    out = export_to_file(corpus, fixed_store(), "json", tmp_path / "t.json", tag="follow up")
    assert [a["article"] for a in json.loads(out.read_text())["articles"]] == [A1]
    out = export_to_file(corpus, fixed_store(), "json", tmp_path / "l.json", label="frame")
    doc = json.loads(out.read_text())
    assert [h["label"] for a in doc["articles"] for h in a["highlights"]] == ["frame"]
    assert doc["filters"] == {"label": "frame"}
    with pytest.raises(UserError, match="no article 'nope'"):
        export_to_file(corpus, fixed_store(), "md", tmp_path / "x.md", article="nope")


def test_empty_store_exports_an_empty_document(seeds_copy: Path, tmp_path: Path) -> None:
    out = export_to_file(scan(seeds_copy), None, "md", tmp_path / "e.md")
    assert "_Nothing to export._" in out.read_text(encoding="utf-8")


def test_text_export_refuses_to_write_into_the_corpus(seeds_copy: Path) -> None:
    corpus = scan(seeds_copy)
    for dest in (seeds_copy, seeds_copy / "clean"):
        with pytest.raises(UserError, match="inside the corpus"):
            export_to_file(corpus, EmptyStore(), "text", dest, analyze=fake_analyze)
    with pytest.raises(UserError, match="--label"):
        export_to_file(corpus, EmptyStore(), "text", seeds_copy.parent / "o", label="x")


def test_single_file_corpus_is_never_overwritten(seeds_copy: Path) -> None:
    corpus = scan(seeds_copy / A1)
    with pytest.raises(UserError, match="overwrite the corpus file"):
        export_to_file(corpus, EmptyStore(), "text", seeds_copy, analyze=fake_analyze)


def test_text_jsonl_by_suffix_and_progress(seeds_copy: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    out = export_to_file(
        scan(seeds_copy),
        MemoryStore(),
        "text",
        tmp_path / "clean.jsonl",
        analyze=fake_analyze,
        progress=lambda *a: seen.append(a),
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in records] == [A1, A2]
    assert set(records[0]) == {"article", "title", "text"}
    assert ("cleaning", 2, 2) in seen


def test_unreadable_article_is_skipped_with_a_warning(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "zz_binary.txt").write_bytes(b"\x00\x01binary")
    warnings: list[str] = []
    export_to_file(
        scan(seeds_copy),
        MemoryStore(),
        "text",
        tmp_path / "out",
        analyze=fake_analyze,
        warn=warnings.append,
    )
    assert warnings == ["skipped zz_binary.txt: binary file (contains NUL bytes)"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [A1, A2]


def test_failed_write_keeps_the_previous_file(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "n.md"
    out.write_text("previous export", encoding="utf-8")

    def boom(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("annotations.export.os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        export_to_file(scan(seeds_copy), fixed_store(), "md", out)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_render_rejects_text_and_unknown_formats() -> None:
    with pytest.raises(ValueError, match="export_to_file"):
        render("text", None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown export format"):
        render("pdf", None)  # type: ignore[arg-type]


def test_quotes_on_boilerplate_lines_are_left_out(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    text = (
        "A headline for this story\n\n"
        "She said \u201cyes we will\u201d to them all.\n"
        "\u201cTeaser\u201d link"  # under five words: boilerplate for the fake detector
    )
    (root / "a.txt").write_text(text, encoding="utf-8")
    store = MemoryStore(states=[ArticleState("a.txt", ["t"])])
    data = collect_for("md", scan(root), store, quotes=True, analyze=fake_analyze)
    assert [q.text for q in data.articles[0].quotes or []] == ["\u201cyes we will\u201d"]
