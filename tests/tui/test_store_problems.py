"""A failed save the user did not ask for (re-anchoring, the session record, following
another writer) is shown and logged, never swallowed."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from annotations import journal
from reader.tui.widgets.article_view import ArticleView
from tests.tui.helpers import make_app, press, settle
from tests.tui.test_annotating_more import FIRST, add_highlight


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "log" / "reader.log"
    monkeypatch.setenv("READER_LOG", str(path))
    return path


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every journal append fails as on a full disk (the engine's real error path)."""

    def write_all(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal, "write_all", write_all)


async def test_a_reanchoring_save_that_fails_shows_a_notice_and_is_logged(
    seeds_copy: Path, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = "It marked the first time a sitting U.S. president"
    add_highlight(seeds_copy, exact)
    article = seeds_copy / FIRST
    article.write_text("A new first paragraph.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")  # the highlight moved: opening re-anchors and saves
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        disk_full(monkeypatch)
        await press(pilot, "enter")
        shown = notices(app)
        assert any("could not save re-anchored highlights" in m and "disk is full" in m
                   for m in shown), shown
        view = app.query_one(ArticleView)
        assert [view.text[s.start:s.end] for s in view.highlight_spans] == [exact]  # still drawn
    logged = log_file.read_text(encoding="utf-8")
    assert "could not save re-anchored highlights" in logged and "Traceback" in logged


async def test_a_session_record_that_cannot_be_saved_is_reported_after_quitting(
    seeds_copy: Path, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(pilot, "d")  # one article done: a session worth recording
        assert app.store.status(FIRST) == "done"
        disk_full(monkeypatch)
        app.shutdown()
        assert len(app.exit_problems) == 1
        assert "session record" in app.exit_problems[0]
        assert "disk is full" in app.exit_problems[0]
    assert "session record" in log_file.read_text(encoding="utf-8")


async def test_a_store_broken_under_the_app_is_announced(
    seeds_copy: Path, log_file: Path
) -> None:
    add_highlight(seeds_copy, "It marked the first time")  # an annotations.json exists
    app = make_app(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        (seeds_copy / "annotations.json").write_bytes(b'{"highlights": {"1": ')  # torn by a tool
        app.follow_other_writers()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("read-only from now on" in m for m in notices(app)), notices(app)
    assert "read-only from now on" in log_file.read_text(encoding="utf-8")
