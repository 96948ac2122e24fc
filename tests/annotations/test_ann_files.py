"""The annotation file: migration, corrupt and foreign files, read-only folders, its path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from annotations.errors import (
    StoreCorruptError,
    StoreForeignError,
    StoreNewerError,
    StoreReadOnlyError,
)
from annotations.model import SCHEMA_VERSION, AnchorStatus
from annotations.paths import resolve_db_path
from annotations.store import AnnotationStore
from reader.corpus import bundled_corpus, scan


def write_v0(path: Path) -> bytes:
    db = TinyDB(path)
    db.insert({"article": "alpha.txt", "tags": ["flood", "budget"], "status": "done"})
    db.insert(
        {
            "article": "alpha.txt",
            "start": 31,
            "end": 60,
            "text": "The council approved",
            "label": "claim",
        }
    )
    db.insert({"kind": "text_boilerplate", "text": "Subscribe now"})
    db.insert({"something": "else"})
    db.close()
    return path.read_bytes()


def test_a_version_0_file_is_migrated_with_a_backup(db_path: Path) -> None:
    original = write_v0(db_path)
    s = AnnotationStore.open(db_path)
    backup = db_path.with_name("annotations.json.bak-v0")
    assert backup.read_bytes() == original
    assert s.migrated_from == 0 and s.backup_path == backup
    assert s.article_state("alpha.txt").tags == ["flood", "budget"]
    assert s.article_state("alpha.txt").status == "done"
    (h,) = s.highlights("alpha.txt")
    assert (h.start, h.end, h.exact, h.label) == (31, 60, "The council approved", "claim")
    assert s.corrections()[0].text == "Subscribe now"
    s.close()
    data = json.loads(db_path.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert data["legacy"]["1"]["doc"] == {"something": "else"}  # nothing dropped


def test_a_second_migration_never_overwrites_an_old_backup(db_path: Path) -> None:
    write_v0(db_path)
    AnnotationStore.open(db_path).close()
    first = db_path.with_name("annotations.json.bak-v0").read_bytes()
    write_v0(db_path.with_name("other.json"))
    os.replace(db_path.with_name("other.json"), db_path)
    AnnotationStore.open(db_path).close()
    assert db_path.with_name("annotations.json.bak-v0").read_bytes() == first
    assert db_path.with_name("annotations.json.bak-v0.1").exists()


def test_an_empty_tinydb_file_is_an_empty_store(db_path: Path) -> None:
    TinyDB(db_path).close()  # writes {"_default": {}}
    s = AnnotationStore.open(db_path)
    assert s.highlights() == [] and s.migrated_from is None
    s.close()


def test_a_migrated_highlight_without_quote_adopts_its_offsets(store: AnnotationStore) -> None:
    store.merge(
        [
            {
                "id": "h0",
                "article": "a",
                "start": 4,
                "end": 9,
                "exact": "",
                "prefix": "",
                "suffix": "",
                "content_hash": "",
            }
        ],
        [],
        [],
    )
    (h,) = store.reanchor_article("a", "The quick brown fox")
    assert (h.exact, h.status) == ("quick", AnchorStatus.EXACT)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b'{"meta": {"1": {"app": "reader"', StoreCorruptError),
        (b"\x00\x00garbage", StoreCorruptError),
        (b'{"name": "my-package", "version": "1.0"}', StoreForeignError),
        (b"[1, 2, 3]", StoreForeignError),
        (b'{"_default": {"1": {"user": "ann", "score": 3}}}', StoreForeignError),
        (b'{"meta": {"1": {"app": "other", "schema": 1}}}', StoreForeignError),
    ],
)
def test_a_bad_file_is_never_overwritten(db_path: Path, content: bytes, error: type) -> None:
    db_path.write_bytes(content)
    with pytest.raises(error) as err:
        AnnotationStore.open(db_path)
    message = str(err.value)
    assert str(db_path) in message and "\n" not in message
    s = AnnotationStore.open(db_path, readonly_ok=True)
    assert s.readonly and s.readonly_reason == message
    assert isinstance(s.open_error, error)
    with pytest.raises(StoreReadOnlyError):
        s.add_tags("alpha.txt", ["x"])
    assert s.reanchor_article("alpha.txt", "text") == []
    s.close()
    assert db_path.read_bytes() == content
    assert not db_path.with_name("annotations.json.journal").exists()


def test_a_newer_schema_opens_read_only_with_its_data(db_path: Path) -> None:
    db_path.write_text(
        json.dumps(
            {
                "meta": {"1": {"app": "reader", "kind": "annotations", "schema": 99, "seq": 0}},
                "articles": {
                    "1": {"article": "alpha.txt", "tags": ["x"], "status": "todo", "coder": "ann"}
                },
                "future_table": {"1": {"a": 1}},
            }
        )
    )
    with pytest.raises(StoreNewerError):
        AnnotationStore.open(db_path)
    s = AnnotationStore.open(db_path, readonly_ok=True)
    assert s.readonly and s.tags("alpha.txt", coder="ann") == ["x"]
    s.close()


def test_a_read_only_folder_says_to_use_db(db_path: Path, monkeypatch) -> None:
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(StoreReadOnlyError) as err:
        AnnotationStore.open(db_path)
    assert "--db" in str(err.value) and str(db_path.parent) in str(err.value)
    s = AnnotationStore.open(db_path, readonly_ok=True)
    assert s.readonly and "--db" in (s.readonly_reason or "")
    s.close()
    assert list(db_path.parent.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
def test_a_really_read_only_folder(db_path: Path) -> None:
    db_path.parent.chmod(0o555)
    try:
        with pytest.raises(StoreReadOnlyError, match="--db"):
            AnnotationStore.open(db_path)
    finally:
        db_path.parent.chmod(0o755)


def test_db_path_defaults_next_to_the_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    corpus = scan(corpus_dir)
    assert resolve_db_path(corpus, None) == corpus_dir / "annotations.json"
    single = scan(corpus_dir / "alpha.txt")
    assert resolve_db_path(single, None) == corpus_dir / "alpha.txt.annotations.json"
    assert resolve_db_path(corpus, str(tmp_path / "x.json")) == tmp_path / "x.json"
    assert resolve_db_path(corpus, str(tmp_path)) == tmp_path / "annotations.json"


def test_the_bundled_corpus_keeps_annotations_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))  # macOS ignores XDG; keep it out of the real home
    path = resolve_db_path(scan(bundled_corpus()), None)
    package = bundled_corpus().parent
    assert not path.is_relative_to(package)
    assert path.is_relative_to(tmp_path) and path.parent.is_dir()
    single = resolve_db_path(scan(next(bundled_corpus().glob("*.txt"))), None)
    assert not single.is_relative_to(package) and single != path


def test_the_chunked_layout_is_the_tinydb_layout() -> None:
    import orjson

    from annotations.schema import LAYOUT_CHUNK, empty_tables, layout_bytes, new_meta, to_layout

    tables = empty_tables()
    tables["highlights"] = {f"h{i}": {"id": f"h{i}", "n": i} for i in range(2 * LAYOUT_CHUNK + 7)}
    tables["articles"] = {"a": {"article": "a", "tags": ["x"]}}
    extra = {"future": {"1": {"z": 1}}}
    meta = new_meta()
    assert orjson.loads(layout_bytes(tables, meta, extra)) == to_layout(tables, meta, extra)
    assert orjson.loads(layout_bytes(empty_tables(), meta)) == to_layout(empty_tables(), meta)
