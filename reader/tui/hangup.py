"""A closed terminal (or `kill`) ends the app through its normal exit, not outright.

SIGHUP (the terminal window closed, an ssh session dropped) killed the process at once:
every saved change was safe in the journal, but a memo or note still open in its editor
was lost and the view (open article, place in it) was not kept. Taken as a quit, the exit
path runs: the editor's text goes to the log (`unsaved_text.kept_at_exit`), the journal is
folded and the view saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def quit_on_hangup(app: ReaderApp) -> None:
    """Have SIGHUP and SIGTERM end the app as a quit does (where the platform has them
    and the loop can take signal handlers: not on Windows, not off the main thread)."""

    def hang_up() -> None:
        app.shutdown()  # first, while an open editor is still there to read
        app.exit()

    for name in ("SIGHUP", "SIGTERM"):  # a closed terminal; `kill`, a service stopping
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().add_signal_handler(sig, hang_up)
