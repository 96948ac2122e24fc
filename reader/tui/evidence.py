"""The app's share of the one pipeline: the corpus evidence and the quotation cache.

Run from the indexing thread (`ReaderApp.index_corpus`): the repeated-line set is found
(or read from its cache) after the first pass, before the headline and share pass, so
that the list, the open article and `reader analyze` agree. Until it is ready an opened
article is marked without it; when it arrives the open article is re-marked in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.overview import QuoteCache, quote_cache_path_for
from reader.pipeline import RepeatedCache, corpus_repeated, digest, repeated_cache_path_for
from reader.quote_table import QuoteTable

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def find_repeated(app: ReaderApp, worker: Any) -> None:
    """Find the corpus's repeated lines (cached); then re-mark what was marked without."""
    path = app.cache.path
    cache = RepeatedCache(repeated_cache_path_for(path) if path is not None else None)
    done, repeated = corpus_repeated(app.corpus.articles, app.max_bytes, cache,
                                     lambda: worker.is_cancelled)
    if not done:
        return
    app.repeated = repeated
    app.repeated_ready = True
    if app.cache.set_context(digest(repeated)):
        # the cached shares and headlines were found with other evidence: redo them
        app.shares[:] = [None] * len(app.shares)
    with app._prepared_lock:
        app._prepared.clear()
    if not worker.is_cancelled:
        app.call_from_thread(_ready, app)


def _ready(app: ReaderApp) -> None:
    app.search.evidence_changed()  # (found again, and different: the index follows)
    if app.current is not None and app.marks is not None:
        app.open_article_keep_cursor()


def _quote_cache(app: ReaderApp) -> QuoteCache:
    path = app.cache.path
    return QuoteCache(quote_cache_path_for(path) if path is not None else None)


def load_quotes(app: ReaderApp) -> QuoteTable:
    """The cached named quotations of the articles that did not change, into `app.quotes`."""
    found = _quote_cache(app).load(digest(app.repeated), app.corpus.articles)
    app.quotes = found
    return found


def save_quotes(app: ReaderApp, quotes: QuoteTable) -> None:
    app.quotes = quotes
    _quote_cache(app).save(digest(app.repeated), app.corpus.articles, quotes)
