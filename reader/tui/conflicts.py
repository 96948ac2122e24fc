"""Import conflicts in the app: a notice at start, and `I` to read them.

`reader import` keeps ours when both sides changed a record and appends the imported
version to `annotations.json.conflicts` beside the store (`annotations.import_conflicts`).
The app showed nothing of it: a coder who imported a colleague's work never learned, in
the app, that some of it was set aside. At start the app now says how many conflicts are
kept and where, while some have not been read here yet (`I` marks them read: the number
read is remembered with the view, so the notice does not come back for the same ones).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotations.import_conflicts import describe, read_kept, sidecar_of
from reader.tui.screens import MessageScreen
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def notice_at_start(app: ReaderApp) -> None:
    """Say how many conflicts are kept beside the store and where, if some are unread."""
    _notice(app, at_start=True)


def notice_if_new(app: ReaderApp) -> None:
    """After another process saved (a `reader import` while the app runs): say so if it
    kept conflicts the app has not announced yet."""
    _notice(app, at_start=False)


def _size(app: ReaderApp) -> int:
    path = app.store.path
    try:
        return sidecar_of(path).stat().st_size if path is not None else 0
    except OSError:
        return 0


def grew(app: ReaderApp) -> bool:
    """Whether the conflicts file changed since the app last read it: one stat, checked
    with the other writers (`reader import` appends to it after saving the store, so a
    check made only when the store changes could come just before it)."""
    return _size(app) != getattr(app, "_conflicts_size", 0)


def _notice(app: ReaderApp, *, at_start: bool) -> None:
    path = app.store.path
    if path is None:
        return
    size = _size(app)
    if not at_start and size == getattr(app, "_conflicts_size", 0):
        return
    app._conflicts_size = size  # type: ignore[attr-defined]
    kept, bad = read_kept(path)
    announced = getattr(app, "_conflicts_announced", 0)
    app._conflicts_announced = len(kept)  # type: ignore[attr-defined]
    unread = len(kept) - app.view_state.conflicts_seen
    if not at_start and len(kept) <= announced:
        return
    if unread <= 0:  # (unreadable lines are named with the rest, and in `I`)
        return
    what = plural(len(kept), "import conflict") if unread == len(kept) else (
        f"{plural(unread, 'new import conflict')} ({len(kept)} in all)")
    unreadable = f"; {plural(bad, 'line')} of it cannot be read" if bad else ""
    app.notify(f"{what}: your version was kept, the imported one is in {sidecar_of(path)}"
               f"{unreadable}. Press I to read them", severity="warning", timeout=12)


def show(app: ReaderApp) -> None:
    """`I`: every kept conflict, newest last, with the fields where the versions differ."""
    path = app.store.path
    if path is None:
        app.notify("no annotation file: no import conflicts", severity="warning")
        return
    kept, bad = read_kept(path)
    lines: list[str] = []
    for record in kept:
        lines.extend(describe(record))
    if bad:
        lines.append(f"({plural(bad, 'line')} of the file cannot be read; open it to see them)")
    if not kept and not bad:
        lines = ["No import conflicts: `reader import` keeps here the imported version of "
                 "a record both sides changed."]
    app.view_state.conflicts_seen = len(kept)
    app.push_screen(MessageScreen(
        f"Import conflicts: {len(kept)} in {sidecar_of(path)} (ours kept, theirs here)",
        lines))
