"""Drive a terminal program in a pseudo-terminal and time what it draws.

`PtyApp` forks the program on a pty of a fixed size (120x40, TERM=xterm-256color), keeps
every output byte with the time it arrived, and mirrors the screen in a `pyte` screen when
pyte is installed (the bench extra), so a benchmark can wait for text to *appear on screen*
rather than merely be written somewhere in the byte stream.

Timing conventions (used by every figure the benchmarks print):

- time to first frame: from just before `fork` until the screen first shows the text
  waited for (the bytes that complete it have been read);
- key-to-frame: from writing the key's bytes to the pty until the *last* byte of the
  app's first answering burst, where a burst ends at `quiet` seconds (5 ms) of silence;
  the silence itself is not counted. Textual draws at most 60 frames a second, so one
  frame's bytes arrive together. Also kept: time to the first byte, and "settled": to the
  last byte before 50 ms of silence, which includes any later frame the key caused.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time
from dataclasses import dataclass

try:
    import pyte
except ImportError:  # pragma: no cover - bench extra
    pyte = None


@dataclass
class Burst:
    first: float  # seconds from the key to the first byte of the answer (nan: no answer)
    last: float  # seconds from the key to the last byte of the first burst (one frame)
    nbytes: int
    settled: float = float("nan")  # seconds to the last byte of every frame the key caused


class PtyApp:
    def __init__(
        self,
        argv: list[str],
        env: dict[str, str] | None = None,
        cols: int = 120,
        rows: int = 40,
        cwd: str | None = None,
    ) -> None:
        self.argv = argv
        self.cols, self.rows = cols, rows
        full_env = dict(os.environ if env is None else env)
        full_env["TERM"] = "xterm-256color"
        full_env["COLUMNS"], full_env["LINES"] = str(cols), str(rows)
        full_env.pop("TEXTUAL", None)  # no devtools
        self.screen = pyte.Screen(cols, rows) if pyte else None
        self.stream = pyte.ByteStream(self.screen) if pyte else None
        self.raw = bytearray()
        self.t0 = time.perf_counter()
        pid, fd = os.forkpty()
        if pid == 0:  # child
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.exit_status: int | None = None

    # -- output ---------------------------------------------------------------

    def _read_some(self, timeout: float) -> bytes:
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return b""
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # child gone (EIO)
            raise EOFError from None
        if not data:
            raise EOFError
        return data

    def _feed(self, data: bytes) -> None:
        self.raw += data
        if self.stream is not None:
            self.stream.feed(data)

    def text(self) -> str:
        if self.screen is not None:
            return "\n".join(self.screen.display)
        return self.raw.decode("utf-8", "replace")

    def wait_for(self, *needles: str, timeout: float = 30.0) -> float | None:
        """Seconds since spawn when any of `needles` is first on screen; None on timeout."""
        deadline = time.perf_counter() + timeout

        def seen() -> bool:
            screen = self.text()
            return any(n in screen for n in needles)

        if seen():
            return time.perf_counter() - self.t0
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            try:
                data = self._read_some(min(left, 0.5))
            except EOFError:
                return None
            if data:
                t = time.perf_counter()
                self._feed(data)
                if seen():
                    return t - self.t0

    def wait_until(self, predicate, timeout: float = 30.0, poll: float = 0.2) -> bool:  # type: ignore[no-untyped-def]
        """Read output until `predicate(screen_text)` holds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if predicate(self.text()):
                return True
            try:
                data = self._read_some(poll)
            except EOFError:
                return predicate(self.text())
            if data:
                self._feed(data)
        return predicate(self.text())

    def drain(self, quiet: float = 0.05, limit: float = 5.0) -> None:
        """Read until `quiet` seconds pass with no output."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            try:
                data = self._read_some(quiet)
            except EOFError:
                return
            if not data:
                return
            self._feed(data)

    # -- input ----------------------------------------------------------------

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def _write_and_read(self, keys: bytes, settle: float,
                        timeout: float) -> list[tuple[float, bytes]]:
        """Send `keys`, then read until `settle` seconds of silence (or `timeout` with
        nothing): each read with its time since the keys were sent."""
        t0 = time.perf_counter()
        os.write(self.fd, keys)
        events: list[tuple[float, bytes]] = []
        deadline = t0 + timeout
        while True:
            wait = settle if events else deadline - time.perf_counter()
            if wait <= 0:
                break
            try:
                data = self._read_some(wait)
            except EOFError:
                break
            if not data:
                break
            events.append((time.perf_counter() - t0, data))
        return events

    def key(self, keys: bytes, quiet: float = 0.005, settle: float = 0.05,
            timeout: float = 2.0) -> Burst:
        """Send keys and time the answer (see the module docstring).

        `first`: to the first byte; `last`: to the end of the first burst (output followed
        by `quiet` of silence: one frame); `settled`: to the last byte before `settle` of
        silence (every frame the key caused, e.g. a status line drawn a frame later).
        """
        reads = self._write_and_read(keys, settle, timeout)
        events = [(t, len(data)) for t, data in reads]
        self._feed(b"".join(data for _, data in reads))  # after the burst: pyte is slow
        if not events:
            nan = float("nan")
            return Burst(nan, nan, 0, nan)
        last = events[0][0]
        for t, _ in events[1:]:
            if t - last > quiet:
                break
            last = t
        return Burst(events[0][0], last, sum(n for _, n in events), events[-1][0])

    def key_drawn(self, keys: bytes, ignore_rows: tuple[int, ...] = (0,),
                  quiet: float = 0.005, settle: float = 0.15,
                  timeout: float = 2.0) -> tuple[Burst, float, float]:
        """As `key`, and two stricter ends of what the key caused, in seconds, leaving
        out the frames that only write `ignore_rows` (the title bar by default: a
        background pass counting there draws frames the key did not cause):

        - drawn: the end of the last burst that changed what the screen shows (a cell's
          character or attributes): from then on the screen shows the key's result;
        - painted: the end of the last burst that wrote anything there, even what was
          already shown (an app that repaints an unchanged list pays for it).

        NaN when there is none. Without pyte both are `settled`."""
        events = self._write_and_read(keys, settle, timeout)
        nan = float("nan")
        if not events:
            return Burst(nan, nan, 0, nan), nan, nan
        bursts: list[tuple[float, list[bytes]]] = []  # (end, data) at `quiet` gaps
        for t, data in events:
            if bursts and t - bursts[-1][0] <= quiet:
                bursts[-1] = (t, bursts[-1][1] + [data])
            else:
                bursts.append((t, [data]))
        burst = Burst(events[0][0], bursts[0][0], sum(len(d) for _, d in events),
                      events[-1][0])
        if self.screen is None:
            self._feed(b"".join(d for _, d in events))
            return burst, burst.settled, burst.settled
        drawn = painted = nan
        buf = self.screen.buffer

        def shown() -> list[object]:  # every cell's character and attributes
            return [tuple(buf[y][x] for x in range(self.cols)) for y in range(self.rows)
                    if y not in ignore_rows]

        before = shown()
        for end, chunks in bursts:
            self.screen.dirty.clear()
            self._feed(b"".join(chunks))
            if set(self.screen.dirty) - set(ignore_rows):
                painted = end
            after = shown()
            if after != before:
                drawn = end
            before = after
        return burst, drawn, painted

    # -- process --------------------------------------------------------------

    def alive(self) -> bool:
        if self.exit_status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.exit_status = os.waitstatus_to_exitcode(status)
            return False
        return True

    def peak_rss_mb(self) -> float | None:
        """VmHWM (peak resident set) of the app process, from /proc."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def close(self, quit_keys: bytes | None = b"q", timeout: float = 10.0) -> int | None:
        """Quit politely (quit_keys), then SIGTERM, then SIGKILL; return the exit status."""
        if quit_keys:
            with contextlib.suppress(OSError):
                os.write(self.fd, quit_keys)
        end = time.perf_counter() + timeout
        sent_term = False
        while self.exit_status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = os.waitstatus_to_exitcode(status)
                break
            with contextlib.suppress(EOFError):
                self._read_some(0.05)  # keep the pty from filling up
            if time.perf_counter() > end:
                if sent_term:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    self.exit_status = -9
                    break
                os.kill(self.pid, signal.SIGTERM)
                sent_term = True
                end = time.perf_counter() + 3
        with contextlib.suppress(OSError):
            os.close(self.fd)
        return self.exit_status


def percentile(values: list[float], p: float) -> float:
    vals = sorted(v for v in values if v == v)
    if not vals:
        return float("nan")
    k = (len(vals) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (k - lo)


if __name__ == "__main__":  # tiny smoke test: python bench/ptyrun.py CMD ARGS...
    app = PtyApp(sys.argv[1:])
    app.drain(0.5, 5)
    print(app.text())
    app.close(None, 1)
