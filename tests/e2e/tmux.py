"""Driving the installed `reader` console script in a real terminal through tmux."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

# the typed command shows `%s`, never a digit, so only the real exit status matches
EXIT = re.compile(r"READER-EXIT:(\d+):DONE")

def reader_script() -> str:
    script = Path(sys.executable).parent / "reader"
    if script.exists():
        return str(script)
    found = shutil.which("reader")
    if not found:
        pytest.skip("the `reader` console script is not installed")
    return found


class Tmux:
    def __init__(self, env: dict[str, str], width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed")
        self.name = f"reader-e2e-{uuid.uuid4().hex[:8]}"
        self.env = env
        self.width, self.height = width, height
        # a server of its own: with one shared server, a test killing its last session
        # stops the server while a parallel test (pytest -n) is starting one
        self.socket = Path(tempfile.gettempdir()) / f"{self.name}.sock"
        self.tmux = ["tmux", "-S", str(self.socket)]

    def start(self, command: str) -> None:
        env_args = [arg for k, v in self.env.items() for arg in ("-e", f"{k}={v}")]
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(self.width),
             "-y", str(self.height), *env_args, "bash", "--norc", "--noprofile"],
            check=True,
        )
        self.send(command, "Enter")

    def send(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def capture(self) -> str:
        out = subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout

    def wait_for(self, predicate, timeout: float = 40.0) -> str:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def title(self) -> str:
        out = subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_title}"],
            capture_output=True, text=True,
        )
        return out.stdout.strip()

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
        self.socket.unlink(missing_ok=True)
