"""`reader serve` without a browser: safe defaults, the warning, the help, bad input."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from reader.commands.serve import is_loopback
from tests.e2e.browser import Served, free_port, isolated_env
from tests.e2e.tmux import reader_script


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return isolated_env(home)


def test_help_gives_the_security_note_in_one_line() -> None:
    out = subprocess.run([reader_script(), "serve", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    lines = [line for line in out.stdout.splitlines() if line.startswith("security:")]
    assert len(lines) == 1
    assert "127.0.0.1" in lines[0] and "SSH tunnel" in lines[0] and "login" in lines[0]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_default_listens_on_loopback_without_warning(seeds_copy: Path, env) -> None:  # type: ignore[no-untyped-def]
    served = Served(seeds_copy, env)
    try:
        assert "http://127.0.0.1:" in served.ready_line
        status, _, err = served.interrupt()
        assert status == 0
        assert "warning" not in err
    finally:
        served.stop()


def test_any_other_host_warns_that_anyone_can_change_annotations(seeds_copy: Path, env) -> None:  # type: ignore[no-untyped-def]
    served = Served(seeds_copy, env, "--host", "0.0.0.0")
    try:
        assert f"http://{socket.gethostname()}:{served.port}/" in served.ready_line
        status, _, err = served.interrupt()
        assert status == 0
        assert "warning" in err and "anyone who can reach this port" in err
        assert "SSH tunnel" in err
    finally:
        served.stop()


def test_port_in_use_is_one_line_exit_2(seeds_copy: Path, env) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run(
            [reader_script(), "serve", str(seeds_copy), "--port", str(port)],
            capture_output=True, text=True, env=env, timeout=30,
        )
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in out.stderr


def test_missing_corpus_is_one_line_exit_2(tmp_path: Path, env) -> None:  # type: ignore[no-untyped-def]
    out = subprocess.run(
        [reader_script(), "serve", str(tmp_path / "nope"), "--port", str(free_port())],
        capture_output=True, text=True, env=env, timeout=30,
    )
    assert out.returncode == 2
    assert out.stderr.startswith("reader: error: no such file") and out.stderr.count("\n") == 1
