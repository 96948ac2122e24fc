"""Text a coder types (memos, notes, tags) is never typed in vain.

On a read-only store (a read-only folder, a damaged annotation file) the editors opened as
usual, took a paragraph, and `ctrl+s` then said "cannot save annotations": the paragraph
was gone. Now an editor does not open while the store cannot save, and says why; and
text whose save is refused anyway (the store turned read-only while the editor was open)
is written to the log file, whose path the notice gives, so it can be pasted back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errorlog import log_path, log_problem

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def can_save(app: ReaderApp) -> bool:
    """False (and a notice saying why) when nothing typed now could be saved."""
    if not app.store.readonly:
        return True
    reason = app.store.readonly_reason or "annotations are read-only"
    app.notify(f"no editor opens: {reason}", severity="error", timeout=10)
    return False


def keep(app: ReaderApp, what: str, text: str) -> None:
    """`text` could not be saved: put it in the log and tell the coder where."""
    log_problem(f"{what} not saved; its text follows\n{text}")
    app.notify(f"{what} not saved: its text is kept in {log_path()}", severity="error",
               timeout=20)


def kept_at_exit(app: ReaderApp) -> list[str]:
    """Text still open in an editor when the app ends (the terminal closed, a second
    ctrl+q): into the log, with a line for the terminal saying where."""
    out = []
    try:
        screens = app.screen_stack
    except KeyError:  # no screen stack (the app never started): no editor was open
        return out
    for screen in screens:
        unsaved = getattr(screen, "unsaved", None)
        found = unsaved() if unsaved is not None else None
        if found:
            what, text = found
            log_problem(f"{what} not saved when the app ended; its text follows\n{text}")
            out.append(f"{what} not saved: its text is kept in {log_path()}")
    return out
