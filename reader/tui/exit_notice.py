"""A line on the terminal when quitting takes more than a moment.

Detection runs in worker threads that cannot be interrupted, and the app's event loop
waits for them before the process ends: quitting while a very large article (6 MB, 60,000
lines) was analysed restored the terminal and then showed nothing for over a minute, as
if hung. Everything was saved before the exit began; a daemon timer says so and why the
process is still there. A prompt exit ends the process, and the timer with it, unseen.
"""

from __future__ import annotations

import sys
import threading

AFTER = 1.5  # seconds
MESSAGE = ("reader: your work is saved; finishing the analysis of a large article before "
           "exiting…")


def arm(after: float = AFTER) -> threading.Timer:
    """Print MESSAGE on stderr `after` seconds from now, unless the process is gone."""

    def say() -> None:
        stream = sys.__stderr__ or sys.stderr  # the terminal, once the app has given it back
        print(MESSAGE, file=stream, flush=True)

    timer = threading.Timer(after, say)
    timer.daemon = True
    timer.start()
    return timer
