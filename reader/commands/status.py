"""`reader status CORPUS ARTICLE [done|todo|skipped]`: set (or print) an article's status."""

from __future__ import annotations

import argparse

from annotations.model import ArticleStatus
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import open_store

NAME = "status"
HELP = "mark an article done, todo or skipped (or print its status)"
STATUSES = tuple(s.value for s in ArticleStatus)
DESCRIPTION = """\
Set the status of ARTICLE (an id as printed by `reader list`) to done, todo or skipped,
for the coder you work as (--coder NAME, else $READER_CODER, else [user] coder in the
config file, else your login name). Each coder has their own status per article: an
article counts for agreement once every compared coder has marked it done.

Prints the article id and its status for that coder, tab-separated:

    <article id>\\t<status>\\t<coder>

Without a status, prints that line and changes nothing (as `reader memo` without --text).
The change is saved durably before the command exits and can be undone in the app.
Exit status: 0 on success, 2 on bad input (unknown article or status, unusable store),
in which case nothing is written."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("article", metavar="ARTICLE", help="article id (see `reader list`)")
    parser.add_argument("status", choices=STATUSES, nargs="?",
                        help="the new status (none: print the current one)")
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    article = corpus.article(args.article)
    with open_store(args, corpus, write=args.status is not None) as store:
        if args.status is not None:
            store.set_status(article.id, args.status)
        state = store.article_state(article.id)
        coder = store.coder
    print(f"{article.id}\t{state.status}\t{coder}")
    return 0
