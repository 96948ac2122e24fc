"""Driving `reader serve` in a real headless Chromium through Selenium.

xterm.js draws the app on a canvas, so the page has no text to read. Instead a script
installed before the page's own wraps `WebSocket` and keeps, decoded, every byte the
server sends to that tab: exactly what the browser's terminal renders. Tests wait for
text in it (a title, "Tags for", "#tag") and send keys to xterm's input element, the
one a user types into.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.tmux import reader_script

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

# The bytes each tab receives, kept in window.__readerText (decoded as a stream).
RECORD_SCREEN = r"""
(() => {
  window.__readerText = "";
  const decoder = new TextDecoder();
  const Original = window.WebSocket;
  function Recording(url, protocols) {
    const ws = protocols === undefined ? new Original(url) : new Original(url, protocols);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__readerText += decoder.decode(new Uint8Array(event.data), {stream: true});
      }
    });
    return ws;
  }
  Recording.prototype = Original.prototype;
  Object.assign(Recording, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Recording;
})();
"""


def require_chromium() -> None:
    """Skip (visibly, with the reason) when the browser is absent; CI installs it."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (apt install chromium chromium-driver)")
    pytest.importorskip("selenium", reason="selenium is in the [test] extra")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def isolated_env(home: Path) -> dict[str, str]:
    """No user config or data leaks in, and no user's coder name."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("READER_", "XDG_", "TEXTUAL"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


class Served:
    """A running `reader serve` on a free loopback port, in its own process group.

    Its own group lets `interrupt()` do what Ctrl+C in a terminal does: SIGINT to the
    server and every tab's app process at once.
    """

    def __init__(self, corpus: Path, env: dict[str, str], *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [reader_script(), "serve", str(corpus), "--port", str(self.port), *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.ready_line = self._wait_for_url()

    def _wait_for_url(self, timeout: float = 30.0) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if "serving on" in line:
                return line
            if not line and self.process.poll() is not None:
                break
        self.stop()
        raise AssertionError(f"reader serve did not start: {self.process.stderr.read()}")

    def interrupt(self, timeout: float = 20.0) -> tuple[int, str, str]:
        """Ctrl+C: SIGINT to the whole group; returns (exit status, stdout, stderr)."""
        os.killpg(self.process.pid, signal.SIGINT)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, err

    def group_alive(self) -> bool:
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def make_browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1200,800", "--disable-gpu"):
        options.add_argument(arg)
    # do not wait for the page's web font (it may not load offline); the app is in the socket
    options.page_load_strategy = "eager"
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


class Tab:
    """One browser tab on the served app: its recorded screen and its keyboard."""

    def __init__(self, driver, handle: str) -> None:  # type: ignore[no-untyped-def]
        self.driver = driver
        self.handle = handle

    @classmethod
    def open(cls, driver, url: str, new: bool) -> Tab:  # type: ignore[no-untyped-def]
        if new:
            driver.switch_to.new_window("tab")
        tab = cls(driver, driver.current_window_handle)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SCREEN})
        driver.get(url)
        return tab

    def focus(self) -> None:
        self.driver.switch_to.window(self.handle)

    def text(self) -> str:
        self.focus()
        return str(self.driver.execute_script("return window.__readerText || ''"))

    def wait_for(
        self, predicate: Callable[[str], bool], timeout: float = 40.0, waiting_for: str = ""
    ) -> str:
        deadline = time.monotonic() + timeout
        seen = ""
        while time.monotonic() < deadline:
            seen = self.text()
            if predicate(seen):
                return seen
            time.sleep(0.05)
        raise AssertionError(
            f"timed out in the browser waiting for {waiting_for!r}; the app's last output:\n"
            f"{seen[-1500:]!r}"
        )

    def press(self, *keys: str, until: str, timeout: float = 40.0) -> str:
        """Send keys, then wait for `until` in what the tab receives after them (the
        mark is taken before sending, so a fast answer is not missed)."""
        mark = len(self.text())
        self.keys(*keys)
        return self.wait_for(lambda s: until in s[mark:], timeout, waiting_for=until)

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.by import By

        self.focus()
        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)
