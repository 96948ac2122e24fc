"""`reader highlight CORPUS ARTICLE --start N --end N`: highlight a span from a script."""

from __future__ import annotations

import argparse

from annotations.codebook import codebook_path, load_codebook
from annotations.store import check_span
from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    load,
)
from reader.commands.store_access import article_text, open_store
from reader.errors import UserError

NAME = "highlight"
HELP = "highlight a span of an article with a label and a note"
DESCRIPTION = """\
Highlight the characters START to END (END excluded) of ARTICLE. Offsets count Python
characters in the decoded text with \\n line ends: the offsets `reader analyze` prints and
`reader annotations --json` reports.

--label must be one of the corpus codebook's labels (codebook.toml beside the corpus, or
the default codebook: claim, evidence, opinion, actor, frame, question).

The highlight is recorded under the coder you work as (--coder, else $READER_CODER,
else the config file, else your login name).

Prints the new highlight's id (32 hex digits) on stdout.
Exit status: 0 on success, 2 on bad input (unknown article, offsets outside the text or
START >= END, unknown label, unusable store), in which case nothing is written."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("article", metavar="ARTICLE", help="article id (see `reader list`)")
    parser.add_argument("--start", metavar="N", type=int, required=True, help="first character")
    parser.add_argument("--end", metavar="N", type=int, required=True, help="character after")
    parser.add_argument("--label", metavar="L", default="", help="a codebook label")
    parser.add_argument("--note", metavar="TEXT", default="", help="a free-text note")
    add_db_argument(parser)
    add_coder_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load(args, read=False)
    article = corpus.article(args.article)
    text = article_text(article)
    check_span(text, args.start, args.end)
    if args.label:
        codebook = load_codebook(corpus.root)
        if codebook.label(args.label) is None:
            names = ", ".join(lab.name for lab in codebook.labels) or "none"
            source = codebook_path(corpus.root)
            where = str(source) if source.exists() else "the default codebook"
            raise UserError(f"unknown label {args.label!r} (labels in {where}: {names})")
    with open_store(args, corpus, write=True) as store:
        highlight = store.add_highlight(
            article.id, text, args.start, args.end, args.label, args.note
        )
    print(highlight.id)
    return 0
