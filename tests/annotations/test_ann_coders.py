"""Coders: who a change is recorded under, per-coder work in one store, and the migration
of files written before coders existed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations import coders
from annotations.coders import resolve_coder
from annotations.errors import AnnotationInputError
from annotations.model import SCHEMA_VERSION
from annotations.store import ALL, AnnotationStore

from .helpers import ALPHA

# --- resolution order --------------------------------------------------------------------


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.delenv("READER_CODER", raising=False)
    (folder / "reader").mkdir(parents=True)
    return folder / "reader" / "config.toml"


def test_coder_comes_from_flag_then_env_then_config_then_login(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coders.getpass, "getuser", lambda: "login-name")
    assert resolve_coder(None) == "login-name"
    config_home.write_text('[user]\ncoder = "from-config"\n', encoding="utf-8")
    assert resolve_coder(None) == "from-config"
    monkeypatch.setenv("READER_CODER", "from-env")
    assert resolve_coder(None) == "from-env"
    assert resolve_coder("  from-flag ") == "from-flag"


def test_a_broken_config_or_name_is_one_clear_error(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_home.write_text("[user\ncoder = 1", encoding="utf-8")
    with pytest.raises(AnnotationInputError, match="not valid TOML"):
        resolve_coder(None)
    with pytest.raises(AnnotationInputError, match="empty"):
        resolve_coder("  ")
    with pytest.raises(AnnotationInputError, match="control characters"):
        resolve_coder("a\x1fb")


# --- per-coder work ------------------------------------------------------------------------


def test_two_coders_keep_their_own_tags_status_and_highlights(db_path: Path) -> None:
    ann = AnnotationStore.open(db_path, coder="ann")
    bob = AnnotationStore.open(db_path, coder="bob")
    ann.add_tags("alpha.txt", ["flood"])
    ann.set_status("alpha.txt", "done")
    h = ann.add_highlight("alpha.txt", ALPHA, 31, 60, label="claim")
    bob.add_tags("alpha.txt", ["budget"])
    bob.add_highlight("alpha.txt", ALPHA, 0, 7)
    ann.reload_if_changed()
    assert ann.tags("alpha.txt") == ["flood"] and bob.tags("alpha.txt") == ["budget"]
    assert ann.article_state("alpha.txt").status == "done"
    assert bob.article_state("alpha.txt").status == "todo"
    assert [x.id for x in ann.highlights("alpha.txt")] == [h.id]
    assert {x.coder for x in ann.highlights(coder=ALL)} == {"ann", "bob"}
    assert ann.tags("alpha.txt", coder="bob") == ["budget"]
    assert sorted(ann.tags("alpha.txt", coder=ALL)) == ["budget", "flood"]
    assert ann.coders() == ["ann", "bob"]
    with pytest.raises(AnnotationInputError, match="ann's work"):
        bob.delete_highlight(h.id)
    ann.close()
    bob.close()


def test_memos_per_article_and_project_per_coder(db_path: Path) -> None:
    with AnnotationStore.open(db_path, coder="ann") as ann:
        ann.set_memo("alpha.txt", "Framing shifts\nin paragraph 2")
        ann.set_memo("", "Project: flood coverage")
        memo = ann.memo("alpha.txt")
        assert memo is not None and memo.coder == "ann" and "paragraph 2" in memo.text
        ann.undo()
        assert ann.memo("") is None
        ann.redo()
        ann.set_memo("alpha.txt", "  ")  # empty text deletes
        assert ann.memo("alpha.txt") is None
    with AnnotationStore.open(db_path, coder="bob") as bob:
        assert bob.memo("") is None and bob.memos() == []
        assert [m.text for m in bob.memos(coder=ALL)] == ["Project: flood coverage"]


def test_undo_of_a_tag_leaves_the_other_coders_state_alone(db_path: Path) -> None:
    ann = AnnotationStore.open(db_path, coder="ann")
    bob = AnnotationStore.open(db_path, coder="bob")
    ann.add_tags("alpha.txt", ["x"])
    bob.add_tags("alpha.txt", ["x"])
    ann.undo()
    bob.reload_if_changed()
    assert ann.tags("alpha.txt") == [] and bob.tags("alpha.txt") == ["x"]
    ann.close()
    bob.close()


def test_merge_keeps_each_records_coder(db_path: Path) -> None:
    with AnnotationStore.open(db_path, coder="ann") as ann:
        report = ann.merge(
            [
                {
                    "id": "h1",
                    "article": "alpha.txt",
                    "start": 0,
                    "end": 7,
                    "exact": "Council",
                    "prefix": "",
                    "suffix": "",
                    "content_hash": "",
                    "coder": "bob",
                }
            ],
            [{"article": "alpha.txt", "tags": ["t"], "status": "done", "coder": "bob"}],
            [],
            [{"id": "m1", "article": "", "text": "bob's memo", "coder": "bob"}],
        )
        assert report.highlights_added == 1 and report.memos_added == 1
        assert ann.highlights() == [] and ann.tags("alpha.txt") == []
        assert ann.tags("alpha.txt", coder="bob") == ["t"]
        assert ann.memo("", coder="bob").text == "bob's memo"  # type: ignore[union-attr]


# --- migration -----------------------------------------------------------------------------


def write_v1(path: Path) -> bytes:
    """A version 1 file as the previous release folded it, plus an unfolded journal line."""
    data = {
        "meta": {"1": {"app": "reader", "kind": "annotations", "schema": 1, "seq": 1}},
        "articles": {
            "1": {
                "article": "alpha.txt",
                "tags": ["flood"],
                "status": "done",
                "updated": "2024-01-01T00:00:00.000Z",
            }
        },
        "highlights": {
            "1": {
                "id": "h1",
                "article": "alpha.txt",
                "start": 31,
                "end": 60,
                "exact": ALPHA[31:60],
                "prefix": "",
                "suffix": "",
                "content_hash": "",
                "label": "claim",
                "note": "n",
            }
        },
        "corrections": {},
        "codebook": {},
        "sessions": {},
        "legacy": {},
    }
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    from annotations import journal

    entry = {
        "v": 1,
        "seq": 2,
        "at": "x",
        "what": "tag",
        "ops": [
            [
                "put",
                "articles",
                "beta.txt",
                {
                    "article": "beta.txt",
                    "tags": ["strike"],
                    "status": "todo",
                    "updated": "2024-01-02T00:00:00.000Z",
                },
            ]
        ],
    }
    path.with_name(path.name + ".journal").write_bytes(journal.encode(entry))
    return raw


def test_a_version_1_file_migrates_with_a_backup_to_the_login_name(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coders.getpass, "getuser", lambda: "olduser")
    original = write_v1(db_path)
    with AnnotationStore.open(db_path, coder="olduser") as s:
        assert s.migrated_from == 1
        assert s.backup_path is not None and s.backup_path.read_bytes() == original
        assert s.tags("alpha.txt") == ["flood"] and s.tags("beta.txt") == ["strike"]
        assert s.article_state("alpha.txt").status == "done"
        (h,) = s.highlights()
        assert (h.id, h.coder, h.note) == ("h1", "olduser", "n")
        assert s.coders() == ["olduser"]
    folded = json.loads(db_path.read_bytes())
    assert folded["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert {r["coder"] for r in folded["articles"].values()} == {"olduser"}
    assert db_path.with_name("annotations.json.journal.bak-v1").exists()
    with AnnotationStore.open(db_path, coder="someone-else") as s:
        assert s.migrated_from is None and s.tags("alpha.txt") == []
        assert s.tags("alpha.txt", coder="olduser") == ["flood"]


def test_a_read_only_open_of_a_version_1_file_writes_nothing(db_path: Path) -> None:
    original = write_v1(db_path)
    with AnnotationStore.open(db_path, readonly=True) as s:
        assert s.migrated_from == 1 and s.tags("alpha.txt", coder=ALL) == ["flood"]
    assert db_path.read_bytes() == original
    assert not list(db_path.parent.glob("*.bak-*"))


def test_an_export_from_before_coders_is_imported_as_the_importing_coders(
    db_path: Path,
) -> None:
    from annotations.export.importer import import_bundle, parse_export

    old = {
        "format": "reader-annotations",
        "version": 1,
        "articles": [
            {
                "article": "alpha.txt",
                "tags": ["flood"],
                "status": "done",
                "updated": "2024-01-01T00:00:00.000Z",
                "highlights": [
                    {"id": "h1", "start": 0, "end": 7, "exact": "Council", "label": "claim"}
                ],
            }
        ],
    }
    with AnnotationStore.open(db_path, coder="ann") as s:
        report, _ = import_bundle(s, parse_export(old))
        assert not report.conflicts and not report.invalid
        assert s.tags("alpha.txt") == ["flood"] and s.article_state("alpha.txt").status == "done"
        assert [h.coder for h in s.highlights()] == ["ann"]


def test_a_number_in_the_config_is_named_as_such(tmp_path: Path) -> None:
    """`coder = 5` (no quotes) was reported as "a coder name cannot be empty"."""
    config = tmp_path / "config.toml"
    config.write_text("[user]\ncoder = 5\n", encoding="utf-8")
    with pytest.raises(AnnotationInputError, match=r"text in quotes, not 5"):
        coders.configured_coder(config)
