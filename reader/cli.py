"""The `reader` console script: `reader [CORPUS]` opens the app, subcommands script it.

Each subcommand lives in `reader/commands/<name>.py` with `NAME`, `HELP`,
`add_arguments(parser)` and `run(args) -> int`. Modules are imported only when their
command runs, so `reader list` never pays for Textual, and a UserError anywhere becomes one
line on stderr with exit status 2 instead of a traceback.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import keyword
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.arg_errors import OneLineParser
from reader.commands.common import add_max_size_argument, add_text_field_argument, path_value
from reader.errors import UserError

SUBCOMMANDS: dict[str, str] = {
    "list": "list the articles of a corpus (id, title, words)",
    "analyze": "detect boilerplate, headline and quotations; print JSON Lines",
    "tag": "add or remove tags on an article",
    "status": "mark an article done, todo or skipped",
    "memo": "write or print the memo of an article or of the project",
    "highlight": "highlight a span of an article with a label and a note",
    "annotations": "list tags and highlights with their anchoring status",
    "check": "verify the annotation store, re-anchor highlights, report orphans",
    "export": "export annotations to Markdown, JSON, JSON-LD, CSV, clean text or REFI-QDA",
    "import": "merge a JSON export or a REFI-QDA project/codebook into the annotations",
    "agree": "intercoder agreement: percent, Krippendorff's alpha, Cohen's kappa",
    "search": "full-text search: the articles matching a query, best first",
    "serve": "serve the app to a browser (one app per tab) with textual-serve",
    "dupes": "group syndicated copies: articles whose body text is nearly the same",
}

EPILOG = """\
With no subcommand, opens the reader app on CORPUS (default: the bundled sample corpus).
Run `reader COMMAND --help` for a command's options. Exit status: 0 on success,
2 on bad input (a one-line message on stderr).
"""


def _app_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="reader",
        description="A keyboard-driven terminal reader and annotator for corpora of news "
        "articles saved as plain .txt or JSON Lines.",
        epilog=EPILOG + "\ncommands:\n"
        + "\n".join(f"  {name:<12} {text}" for name, text in SUBCOMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "corpus",
        nargs="?",
        type=path_value,  # "" (an unset variable) is not "the sample corpus"
        metavar="CORPUS",
        help="a folder of .txt articles and/or .jsonl files, or one such file "
        "(default: the bundled sample corpus)",
    )
    parser.add_argument(
        "--db", metavar="PATH", type=path_value,
        help="annotation file (default: next to the corpus)"
    )
    parser.add_argument(
        "--coder",
        metavar="NAME",
        help="the coder you work as (default: $READER_CODER, else [user] coder in "
        "config.toml, else your login name)",
    )
    add_max_size_argument(parser)
    add_text_field_argument(parser)
    return parser


def _module_name(name: str) -> str:
    """`import` is a Python keyword, so its module is `import_`."""
    return name.replace("-", "_") + ("_" if keyword.iskeyword(name) else "")


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = importlib.import_module(f"reader.commands.{_module_name(name)}")
    parser = OneLineParser(
        prog=f"reader {name}",
        description=getattr(module, "DESCRIPTION", None) or module.HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    module.add_arguments(parser)
    return parser, module


_FULL = (errno.ENOSPC, errno.EDQUOT)  # no room to write: a full disk, a quota


def _mistyped_command(args: Sequence[str]) -> None:
    """`reader analyse CORPUS` said "unrecognized arguments: CORPUS" (and `reader analyse`
    "no such file or folder: analyse"): a first word that is no path but nearly a command
    name is named as such."""
    import difflib

    if not args or args[0].startswith("-") or os.path.exists(args[0]):
        return
    close = difflib.get_close_matches(args[0], list(SUBCOMMANDS), n=1, cutoff=0.6)
    if close:
        raise UserError(f"no command or file {args[0]!r} (did you mean `reader {close[0]}`? "
                        "`reader --help` lists the commands)")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            parser, module = _command_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            return int(module.run(args) or 0)
        _mistyped_command(args_list)
        args = _app_parser().parse_args(args_list)
        from reader.commands import app

        return app.run(args)
    except UserError as exc:
        print(f"reader: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `reader list | head`: the reader went away; that is not an error. Point stdout
        # at devnull so the interpreter's final flush does not complain either.
        _stdout_to_devnull()
        return 0
    except OSError as exc:
        if exc.errno not in _FULL:
            raise
        # a full disk (`reader analyze C > out.jsonl`): one line, not a traceback
        where = os.fsdecode(exc.filename) if exc.filename else "the output"
        print(f"reader: error: cannot write {where}: {exc.strerror}", file=sys.stderr)
        if not exc.filename:
            _stdout_to_devnull()  # (the final flush would fail again)
        return 1


def _stdout_to_devnull() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
