"""`reader serve [CORPUS]`: the same app in a browser tab, through Textualize's textual-serve.

textual-serve runs one app process per browser tab (the command below, driven over a
websocket by Textual's web driver), so every key, screen and save path is the terminal
app's own, and two tabs are two writers on one store (the store's lock and journal keep
both). textual-serve has no authentication: whoever reaches the port can read and change
the annotations, hence loopback by default and a warning for anything else.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import sys
from pathlib import Path

from reader.commands.common import (
    add_db_argument,
    add_max_size_argument,
    add_text_field_argument,
    path_value,
)
from reader.corpus import bundled_corpus
from reader.errors import UserError

NAME = "serve"
HELP = "serve the app to a browser (one app per tab) with textual-serve"
SECURITY_NOTE = (
    "security: no login; anyone who can reach the port can read and change the "
    "annotations, so it listens on 127.0.0.1 only; share it through an SSH tunnel or a "
    "reverse proxy with a login (see the README)"
)
DESCRIPTION = f"""\
Serve the reader app to a web browser on http://HOST:PORT. Each browser tab runs its own
app process on the same corpus and annotation file: every key and screen is the terminal
app's, and changes from several tabs are all kept. Ctrl+C stops the server.

{SECURITY_NOTE}.

Exit status: 0 after Ctrl+C, 2 on bad input (missing corpus, port in use)."""

#: Set in each tab's app process so `reader CORPUS` accepts running without a terminal.
SERVED_ENV = "READER_SERVED"
LOOPBACK_NAMES = {"localhost"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus",
        nargs="?",
        type=path_value,
        metavar="CORPUS",
        help="a folder of .txt articles and/or .jsonl/.jsonl.gz files, or one such file "
        "(default: the bundled sample corpus)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "any other address prints a warning)",
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="TCP port to listen on (default: 8000)"
    )
    parser.add_argument(
        "--coder",
        metavar="NAME",
        help="the coder name recorded on every change made from the browser "
        "(default: READER_CODER, the config file, else the login name)",
    )
    add_db_argument(parser)
    add_max_size_argument(parser)
    add_text_field_argument(parser)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`: addresses no other machine can reach."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(corpus: Path, args: argparse.Namespace) -> str:
    """The shell command textual-serve starts for each tab: this interpreter's `reader`."""
    parts = [sys.executable, "-m", "reader", str(corpus)]
    if args.db:
        parts += ["--db", str(Path(args.db).resolve())]
    parts += ["--max-size", str(args.max_size)]
    if args.coder:
        parts += ["--coder", args.coder]
    if getattr(args, "text_field", None):
        parts += ["--text-field", args.text_field]
    return shlex.join(parts)


def child_environment() -> None:
    """What each tab's process inherits: the flag that lets the app run on pipes."""
    os.environ[SERVED_ENV] = "1"


def check_port(host: str, port: int) -> None:
    """Fail with one line, not an aiohttp traceback, when the port cannot be bound."""
    import socket

    if not 0 < port < 65536:
        raise UserError(f"--port must be between 1 and 65535, not {port}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UserError(f"cannot resolve --host {host}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise UserError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def run(args: argparse.Namespace) -> int:
    corpus = (Path(args.corpus) if args.corpus else bundled_corpus()).resolve()
    if not corpus.exists():
        raise UserError(f"no such file or folder: {args.corpus}")
    check_port(args.host, args.port)
    if not is_loopback(args.host):
        print(
            f"reader: warning: listening on {args.host}, not this machine only: anyone who "
            "can reach this port can read and change the annotations (there is no login). "
            "Put an SSH tunnel or a reverse proxy with a login in front of it.",
            file=sys.stderr,
        )
    if args.coder:
        from annotations.coders import check_coder

        args.coder = check_coder(args.coder)  # a bad name: one line, exit 2, before serving
    child_environment()
    from reader.tui.web_server import ReaderServer

    server = ReaderServer(app_command(corpus, args), host=args.host, port=args.port)
    server.serve()
    return 0
