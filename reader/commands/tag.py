"""`reader tag CORPUS ARTICLE TAG...`: tag (or with --remove untag) one article."""

from __future__ import annotations

import argparse

from annotations.store import clean_tags
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import open_store

NAME = "tag"
HELP = "add or remove tags on an article"
DESCRIPTION = """\
Add TAGs to ARTICLE (an id as printed by `reader list`), or remove them with --remove.
Tags are free text; the codebook's tags are the app's shortcuts, not a limit. Adding a tag
that is already there, or removing one that is not, changes nothing.

Prints the article's tags afterwards, tab-separated after the id:

    <article id>\\t<tag>, <tag>, ...

Tags are recorded under the coder you work as (--coder, else $READER_CODER, else the
config file, else your login name); the printed tags are that coder's.
The change is saved durably before the command exits and can be undone in the app.
Exit status: 0 on success, 2 on bad input (unknown article, empty tag, unusable store),
in which case nothing is written."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("article", metavar="ARTICLE", help="article id (see `reader list`)")
    parser.add_argument("tags", metavar="TAG", nargs="+",
                        help="tags to add (or remove); a tag that starts with - goes after "
                        "-- and the options before it: `reader tag C A --coder ann -- -5`")
    parser.add_argument("--remove", action="store_true", help="remove the tags instead")
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    article = corpus.article(args.article)
    tags = clean_tags(args.tags)
    with open_store(args, corpus, write=True) as store:
        if args.remove:
            store.remove_tags(article.id, tags)
        else:
            store.add_tags(article.id, tags)
        now = store.tags(article.id)
    print(f"{article.id}\t{', '.join(now)}")
    return 0
