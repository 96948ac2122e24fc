"""`reader memo CORPUS [ARTICLE] [--text TEXT]`: write or print a memo."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import open_store
from reader.textlayout import inert

NAME = "memo"
HELP = "write or print the memo of an article or of the project"
DESCRIPTION = """\
Memos are a coder's free-text notes: one per article (the reasoning behind a coding, a
doubt to discuss) and one for the whole project (decisions, the codebook's history).

With ARTICLE the article's memo, without it the project memo. With --text TEXT the memo
is replaced by TEXT ("\\n" in a shell string is not a line break: use $'...' or a
here-document with --text "$(cat)"); --text "" deletes it. Without --text the memo is
printed on stdout as it is (nothing, and exit 0, when there is none; when other coders
wrote one, stderr names them).

Memos belong to the coder you work as (--coder NAME, else $READER_CODER, else [user]
coder in the config file, else your login name); each coder has their own.

Exit status: 0 on success, 2 on bad input (unknown article, unusable store), in which
case nothing is written."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "article", metavar="ARTICLE", nargs="?", help="article id (default: the project memo)"
    )
    parser.add_argument("--text", metavar="TEXT", help="the new memo ('' deletes it)")
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    article_id = corpus.article(args.article).id if args.article is not None else ""
    write = args.text is not None
    with open_store(args, corpus, write=write) as store:
        if write:
            store.set_memo(article_id, args.text)
            return 0
        memo = store.memo(article_id)
        others = [] if memo is not None else [
            m.coder for m in store.memos(article_id, coder=None) if m.text]
        me = store.coder
    if memo is None and others:  # "nothing" would read as "no memo was ever written"
        who = ", ".join(dict.fromkeys(others))
        print(f"reader: no memo by {me} here (memos by {who}: --coder NAME prints one)",
              file=sys.stderr)
    if memo is not None:
        text = memo.text
        text = inert(text)  # (escapes given with --text reach no terminal)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
