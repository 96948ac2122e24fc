"""`reader search CORPUS QUERY`: the articles that match a query, best first."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from reader.commands.common import (
    add_coder_argument,
    add_corpus_argument,
    add_db_argument,
    max_bytes,
)
from reader.errors import UserError

NAME = "search"
HELP = "full-text search: the articles matching a query, best first"
DESCRIPTION = """\
Search the articles of CORPUS and print one line per matching article, best first
(title hits, then BM25):

    ID<TAB>TITLE<TAB>HITS

With --json, one JSON object per line and article:

    {"file": ID, "title": T, "hits": N,
     "snippets": [{"line": L, "start": S, "end": E, "text": "..."}]}

where start/end are character offsets of the match in the article text (as `reader
analyze` counts them) and line is 1-based.

The query language (the same as the app's /):
  budget vote          both words, in the article text without its boilerplate lines
  "exact phrase"       the words in this order, within one line
  strike OR walkout    either;   -word  without it;   elect*  a word starting so
  tag:NAME  -tag:NAME  tag:"foreign policy"   is:done|todo|skipped
  label:NAME           has a highlight with that label;  has:note  has:highlight
  speaker:"Name"       quotes that speaker
  in:all  in:title     search every line / titles only
Case and accents do not matter. A query that starts with "-" goes after "--":
  reader search CORPUS -- -tag:done

The index (a file beside the annotation file, or in the user cache folder for a
read-only corpus) is built on first use, with a progress bar on a terminal, and
updated for the articles added, changed or deleted since.

Exit status: 0 with matches, 1 with none, 2 on a bad query or corpus."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("query", metavar="QUERY", help="what to search for (see above)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per article, with snippets and offsets")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="print at most N articles (default: all)")
    parser.add_argument("--no-update", action="store_true",
                        help="answer from the index as it is, without checking the corpus "
                        "for added, changed or deleted files (for many queries in a row)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes when (re)building the index (default: all "
                             "cores)")
    add_db_argument(parser)
    add_coder_argument(parser, help="whose tags, status and highlights tag:, is:, label: and "
                       "has: look at (default: yours, as for every command)")


def _clean(s: str) -> str:
    """Tabs and control characters would break the one-line, tab-separated format."""
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() else " " for ch in s)


def _facts(args: argparse.Namespace, corpus: Any, query: Any, index_of: dict[str, int]) -> Any:
    """Annotation terms (tag:, is:, label:, has:) from the store, read-only."""
    from reader.filtering import Facts, Meta, Not, metadata_matcher
    from reader.metadata import filter_keys

    facts = Facts()
    keys = filter_keys(corpus.articles)  # site:, date: from the articles' metadata
    facts.metadata = metadata_matcher(keys.__getitem__, len(keys))
    kinds = set()
    for c in query.clauses:
        for t in getattr(c, "terms", (c,)):
            t = t.term if isinstance(t, Not) else t
            if isinstance(t, Meta):
                kinds.add(t.kind)
    if not kinds - {"speaker"}:
        return facts
    from annotations.paths import resolve_db_path
    from annotations.store import AnnotationStore

    path = resolve_db_path(corpus, args.db, create=False)
    if not path.exists():
        return facts
    store = AnnotationStore.open(path, readonly=True, coder=getattr(args, "coder", None))
    try:
        facts.add_annotations(store, index_of.get)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    return facts


def run(args: argparse.Namespace) -> int:
    from reader.corpus import ArticleError, locator, open_corpus, read_located, read_text
    from reader.filtering import parse
    from reader.search.index import SearchIndex, index_path_for, snippets_for

    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.jobs < 1:
        raise UserError("--jobs must be at least 1")
    query = parse(args.query)  # a QueryError is a UserError: one line, exit 2
    if query.empty:
        raise UserError("empty query: give words, a phrase or an operator (see --help)")
    from annotations.paths import resolve_db_path

    if args.no_update:
        corpus = _unlisted(args.corpus)
        index = SearchIndex(index_path_for(resolve_db_path(corpus, args.db, create=False)))
        if index.path is None or not index.path.exists():
            raise UserError(f"no search index for {args.corpus} yet: run without --no-update")
        index.open()
        ids = index.all_ids()
    else:
        corpus = open_corpus(args.corpus, max_bytes(args), read=False,
                             text_field=getattr(args, "text_field", None))
        index = SearchIndex(index_path_for(resolve_db_path(corpus, args.db, create=False)))
        index.open()
        _update(args, corpus, index)
        ids = [a.id for a in corpus.articles]
    index_of = {i: k for k, i in enumerate(ids)}
    found = index.search(query, _facts(args, corpus, query, index_of), ids)
    if args.limit is not None:
        found = found[: args.limit]
    out = sys.stdout
    counts = None if args.json else index.hit_counts(query, found)
    titles = index.titles(found)
    if args.json:
        import orjson
    for article_id in found:
        title = titles.get(article_id) or article_id
        if counts is not None:
            out.write(f"{_clean(article_id)}\t{_clean(title)}\t{counts.get(article_id, 0)}\n")
            continue
        article = corpus.get(article_id)
        path = article.path if article is not None else corpus.root / article_id
        snips = []
        if query.text_terms():
            try:
                text = (read_located(locator(article), max_bytes(args)).text
                        if article is not None else read_text(path, max_bytes(args)).text)
            except ArticleError as exc:
                print(f"skipped {article_id}: {exc}", file=sys.stderr)
                continue
            snips = snippets_for(text, query, index.doc(article_id))
        if args.json:
            out.write(orjson.dumps({
                "file": article_id, "title": title, "hits": len(snips),
                "snippets": [s.to_json() for s in snips],
            }).decode() + "\n")
        else:
            out.write(f"{_clean(article_id)}\t{_clean(title)}\t{len(snips)}\n")
    out.flush()
    index.close()
    return 0 if found else 1


def _unlisted(path: str) -> Any:
    """The corpus named on the command line, without listing its articles (--no-update)."""
    from pathlib import Path

    from reader.corpus import Corpus

    p = Path(path).expanduser()
    if not p.exists():
        raise UserError(f"no such file or folder: {path}")
    if p.is_file():
        return Corpus(p.resolve().parent, [], single_file=p.resolve())
    return Corpus(p.resolve(), [])


def _update(args: argparse.Namespace, corpus: Any, index: Any) -> None:
    """Bring the index up to date with the corpus (a progress bar on a terminal)."""
    from annotations.paths import resolve_db_path

    db_path = resolve_db_path(corpus, args.db, create=False)
    corrections = _corrections(db_path)
    from reader.cache import cache_path_for
    from reader.corpus import locator
    from reader.pipeline import RepeatedCache, corpus_repeated, repeated_cache_path_for

    # the corpus's repeated lines, from the app's cache when fresh: the body scope is the
    # split `reader analyze` and the app show (reader.pipeline)
    _, repeated = corpus_repeated(corpus.articles, max_bytes(args),
                                  RepeatedCache(repeated_cache_path_for(cache_path_for(db_path))))

    articles = [(a.id, locator(a), a.size, a.mtime_ns) for a in corpus.articles]
    from reader.progress import Progress

    bar: Progress | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if not total:
                return
            bar = Progress(total, "indexing")
        bar.advance(done - bar.done)

    index.update(articles, corrections, repeated=repeated, progress=progress, jobs=args.jobs,
                 max_bytes=max_bytes(args))


def _corrections(db_path: Any) -> list[Any]:
    """The user's boilerplate and quotation corrections, which shape the body scope."""
    if not db_path.exists():
        return []
    from annotations.store import AnnotationStore

    store = AnnotationStore.open(db_path, readonly=True)
    try:
        return list(store.corrections())
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
