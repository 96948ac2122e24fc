"""Arguments and helpers shared by several subcommands."""

from __future__ import annotations

import argparse

from reader.corpus import DEFAULT_MAX_BYTES, Corpus, open_corpus


def path_value(text: str) -> str:
    """A path argument that says something: `reader list "$CORPUS"` with the variable
    unset listed the current folder, `--db ""` kept the annotations beside the corpus and
    `-o ""` wrote to stdout, each without a word. An empty path is an error instead."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path (an unset shell variable?)")
    return text


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus",
        type=path_value,
        metavar="CORPUS",
        help="a folder of .txt articles and/or .jsonl/.jsonl.gz files, or one such file",
    )
    add_max_size_argument(parser)
    add_text_field_argument(parser)


def add_text_field_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--text-field",
        metavar="NAME",
        help="JSON Lines: the field holding an article's text (default: the first of "
        "text, maintext, content, body that a record has)",
    )


def megabytes(text: str) -> float:
    """`--max-size`: a positive, finite number (`inf` and `nan` ended in a traceback,
    `-1` in "larger than the -1.04858e+06 bytes size cap" for every file)."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of megabytes above 0, not {text!r}")
    return value


def add_max_size_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=megabytes,
        default=DEFAULT_MAX_BYTES / 1024 / 1024,
        help="skip articles larger than this many megabytes (default: 20)",
    )


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=path_value,
        metavar="PATH",
        help="annotation file (default: annotations.json next to the corpus)",
    )


CODER_HELP = (
    "the coder you work as: changes are recorded under this name and its work is shown "
    "(default: $READER_CODER, else [user] coder in config.toml, else your login name)"
)


def add_coder_argument(parser: argparse.ArgumentParser, help: str = CODER_HELP) -> None:
    parser.add_argument("--coder", metavar="NAME", help=help)


def max_bytes(args: argparse.Namespace) -> int:
    return int(float(getattr(args, "max_size", 20)) * 1024 * 1024)


def load(args: argparse.Namespace, read: bool = True) -> Corpus:
    return open_corpus(args.corpus, max_bytes(args), read=read,
                       text_field=getattr(args, "text_field", None))
