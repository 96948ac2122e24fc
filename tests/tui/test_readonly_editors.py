"""On a store that cannot save, no editor takes text that would be thrown away.

A coder on a read-only copy of a corpus pressed `m`, wrote a paragraph, pressed ctrl+s
and was told "cannot save annotations": the paragraph was gone. The memo, note and tag
editors now say at once that nothing can be saved; and text whose save fails anyway
(the store turned read-only while the editor was open) is kept in the log file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.memo import MemoScreen
from reader.tui.screens import NoteScreen
from reader.tui.tag_prompt import TagPromptScreen
from tests.tui.helpers import make_app, press, settle
from tests.tui.snapshot_apps import DEMO_CODER, demo_corpus


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    # a long path is shown broken into lines after its slashes (reader/tui/notice_text.py)
    return [str(n.message).replace("/\n", "/") for n in app._notifications]


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "log" / "reader.log"
    monkeypatch.setenv("READER_LOG", str(path))
    return path


async def test_no_editor_opens_on_a_read_only_store(tmp_path: Path, isolated_home: Path) -> None:
    corpus = demo_corpus(tmp_path, annotated=True)
    text = (corpus / "annotations.json").read_bytes()
    (corpus / "annotations.json").write_bytes(text[: len(text) // 2])  # damaged: read-only
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.store.readonly
        for keys, screen in ((("M",), MemoScreen), (("enter", "m"), MemoScreen),
                             (("t",), TagPromptScreen)):
            await press(pilot, *keys)
            assert not isinstance(app.screen, screen), keys
        said = notices(app)
        assert any(m.startswith("no editor opens: ") for m in said), said


async def test_a_memo_refused_after_the_editor_opened_is_kept_in_the_log(
    seeds_copy: Path, isolated_home: Path, log_file: Path
) -> None:
    app = make_app(seeds_copy, coder="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "M")
        assert isinstance(app.screen, MemoScreen)
        await pilot.press(*"the reasoning behind the codebook")
        app.store.readonly_reason = "annotations are read-only from now on: test"
        app.store.store = None  # the store is gone while the editor was open
        await press(pilot, "ctrl+s")
        said = notices(app)
        assert any("memo not saved" in m and str(log_file) in m for m in said), said
    assert "the reasoning behind the codebook" in log_file.read_text(encoding="utf-8")


async def test_a_note_whose_save_fails_is_kept_in_the_log(
    tmp_path: Path, isolated_home: Path, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from annotations import journal

    corpus = demo_corpus(tmp_path, annotated=True)
    app = make_app(corpus, coder=DEMO_CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "enter", "greater_than_sign", "a")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*" plus a second thought")

        def write_all(fd: int, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(journal, "write_all", write_all)  # the disk fills up
        await press(pilot, "ctrl+s")
        await settle(app, pilot)
        said = notices(app)
        assert any("note not saved" in m for m in said), said
    assert "plus a second thought" in log_file.read_text(encoding="utf-8")
