"""A line on the terminal when quitting takes more than a moment.

The app's event loop waits for its worker threads before the process ends, and a thread
cannot be interrupted. A large article's analysis no longer holds the exit (it runs in a
process that quitting terminates: `reader.apart`), but a thread may still be in the
middle of one step: reading a file from a slow or network drive, or analysing an article
under the large-article threshold (`BIG_ARTICLE`, prefetched as the list cursor moves).
Everything was saved before the exit began; a daemon timer says so and what the process
still waits for. A prompt exit ends the process, and the timer with it, unseen.
"""

from __future__ import annotations

import sys
import threading

AFTER = 1.5  # seconds
MESSAGE = ("reader: your work is saved; waiting for a background read of an article to "
           "end before exiting…")


def arm(after: float = AFTER) -> threading.Timer:
    """Print MESSAGE on stderr `after` seconds from now, unless the process is gone."""

    def say() -> None:
        stream = sys.__stderr__ or sys.stderr  # the terminal, once the app has given it back
        print(MESSAGE, file=stream, flush=True)

    timer = threading.Timer(after, say)
    timer.daemon = True
    timer.start()
    return timer
