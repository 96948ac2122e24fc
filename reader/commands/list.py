"""`reader list CORPUS`: one line per article on stdout, skipped files on stderr."""

from __future__ import annotations

import argparse
import os
import sys

from reader.commands.common import add_corpus_argument, add_db_argument, load, max_bytes
from reader.textlayout import sanitize

NAME = "list"
HELP = "list the articles of a corpus (id, title, words)"
DESCRIPTION = """\
List the articles of CORPUS, one per line on stdout, tab-separated:

    <article id>\\t<title>\\t<words>

The title is the detected headline (else the first non-blank line). Files that cannot be
read (binary, empty, too large, unreadable) are listed on stderr with the reason, and do
not change the exit status. Large corpora are read on all cores, with a progress bar on
stderr when it is a terminal; titles the app has already cached are not computed again
(beside the annotation file: give the app's --db PATH when it has one)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_db_argument(parser)  # the caches beside it are the app's: titles not computed again


def _clean(s: str) -> str:
    """Tabs and control characters would break the one-line, tab-separated format."""
    return "".join(ch if ch.isprintable() else " " for ch in s)


def run(args: argparse.Namespace) -> int:
    from annotations.paths import resolve_db_path
    from reader.cache import SummaryCache, analyse_summaries, cache_path_for
    from reader.corpus import locator
    from reader.pipeline import RepeatedCache, corpus_repeated, digest, repeated_cache_path_for
    from reader.progress import Progress

    corpus = load(args, read=False)
    # where the app keeps the annotations, so its caches (and `--db`'s) are found
    cache_path = cache_path_for(resolve_db_path(corpus, args.db, create=False))
    cache = SummaryCache(cache_path)
    # the headlines the app shows: found with the corpus's repeated lines (reader.pipeline)
    _, repeated = corpus_repeated(corpus.articles, max_bytes(args),
                                  RepeatedCache(repeated_cache_path_for(cache_path)))
    fresh = len(cache) > 0 and cache.context == digest(repeated)
    found: dict[str, tuple[str | None, int | None, str | None]] = {}
    jobs = []
    for a in corpus.articles:
        hit = cache.get(a.id, a.size, a.mtime_ns) if fresh else None
        if hit is not None and hit.share is not None:  # a share means the headline pass ran
            found[a.id] = (hit.title, hit.words, hit.error)
        else:
            jobs.append((a.id, locator(a)))
    bar = Progress(len(jobs), "reading")

    def got(article_id: str, title: str | None, words: int | None, share: float | None,
            error: str | None, quotes: object = None) -> None:
        found[article_id] = (title, words, error)
        bar.advance()

    done = analyse_summaries(jobs, got, lambda: False, max_bytes=max_bytes(args),
                             workers=os.cpu_count() or 1, repeated=repeated)
    if not done:  # no worker processes here: do it in this one
        from reader.cache import summary_batch

        for row in summary_batch([j for j in jobs if j[0] not in found], [], max_bytes(args),
                                 repeated):
            got(*row)
    out = sys.stdout
    listed = 0
    for article in corpus.articles:
        title, words, error = found.get(article.id, (None, None, "not read"))
        if error is not None:
            print(sanitize(f"skipped {article.id}: {error}"), file=sys.stderr)
            continue
        title = article.headline or title or article.id  # a JSON Lines record's own title
        out.write(f"{_clean(article.id)}\t{_clean(title)}\t{words}\n")
        listed += 1
    out.flush()
    for s in corpus.skipped:
        print(sanitize(f"skipped {s.id}: {s.reason}"), file=sys.stderr)
    if not listed:
        from reader.errors import UserError

        raise UserError(f"no readable articles in {args.corpus}")
    return 0
