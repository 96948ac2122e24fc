"""A progress bar on stderr for long CLI work, drawn only when stderr is a terminal.

Scripts that pipe stderr get no carriage-return noise; people at a terminal see how far a
100,000-article run has got.
"""

from __future__ import annotations

import sys
import time

WIDTH = 24


class Progress:
    def __init__(self, total: int, what: str, *, show: bool | None = None) -> None:
        self.total = max(0, total)
        self.what = what
        self.show = sys.stderr.isatty() if show is None else show
        self.done = 0
        self._drawn = 0.0
        self._start = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.show and (self.done >= self.total or now - self._drawn > 0.1):
            self._drawn = now
            self.draw()

    def draw(self) -> None:
        frac = self.done / self.total if self.total else 1.0
        filled = int(frac * WIDTH)
        bar = "█" * filled + "░" * (WIDTH - filled)
        sys.stderr.write(f"\r{self.what} {bar} {frac:4.0%} {self.done:,}/{self.total:,}")
        if self.done >= self.total:
            sys.stderr.write(f" in {time.monotonic() - self._start:.1f} s\n")
        sys.stderr.flush()
