"""`reader list CORPUS`: one line per article on stdout, skipped files on stderr."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import add_corpus_argument, load

NAME = "list"
HELP = "list the articles of a corpus (id, title, words)"
DESCRIPTION = """\
List the articles of CORPUS, one per line on stdout, tab-separated:

    <article id>\\t<title>\\t<words>

Files that cannot be read (binary, empty, too large, unreadable) are listed on stderr
with the reason, and do not change the exit status."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)


def _clean(s: str) -> str:
    """Tabs and control characters would break the one-line, tab-separated format."""
    return "".join(ch if ch.isprintable() else " " for ch in s)


def run(args: argparse.Namespace) -> int:
    corpus = load(args)
    out = sys.stdout
    for article in corpus.articles:
        out.write(f"{_clean(article.id)}\t{_clean(article.display_title)}\t{article.words}\n")
    out.flush()
    for skipped in corpus.skipped:
        print(f"skipped {skipped.id}: {skipped.reason}", file=sys.stderr)
    return 0
