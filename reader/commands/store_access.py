"""What the annotation subcommands share: finding the store, article text, JSON rows.

Every command validates its whole request (article, offsets, label) before it opens the
store for writing, so bad input exits 2 without creating or touching any file.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from annotations.journal import JOURNAL_SUFFIX
from annotations.model import AnchorStatus, Highlight
from annotations.paths import resolve_db_path
from annotations.store import AnnotationStore
from reader.corpus import Article, ArticleError, Corpus, read_article
from reader.errors import UserError


def open_store(args: argparse.Namespace, corpus: Corpus, *, write: bool) -> AnnotationStore:
    """The corpus's store. Listing commands open it read-only: they take no lock, write
    nothing, and work in read-only folders; a corrupt store still fails (exit 2). The
    handle works as `--coder` (see `annotations.coders.resolve_coder`)."""
    path = resolve_db_path(corpus, getattr(args, "db", None), create=write)
    coder = getattr(args, "coder", None)
    journal = path.with_name(path.name + JOURNAL_SUFFIX)  # (a running app's work is there)
    if not write and getattr(args, "db", None) and not path.exists() and not journal.exists():
        # a mistyped --db read as "nothing annotated" with no word of why
        print(f"reader: note: no annotation file at {path} (nothing is annotated there)",
              file=sys.stderr)
    return AnnotationStore.open(path, readonly=not write, coder=coder)


def article_text(article: Article) -> str:
    """The decoded text that annotation offsets refer to."""
    try:
        return read_article(article).text
    except ArticleError as exc:
        raise UserError(f"article {article.id!r} cannot be read: {exc}") from exc


def highlight_row(h: Highlight) -> dict[str, Any]:
    return {
        "id": h.id,
        "start": h.start,
        "end": h.end,
        "label": h.label,
        "note": h.note,
        "text": h.exact,
        "status": h.status,
        "score": h.score,
        "created": h.created,
        "updated": h.updated,
        "coder": h.coder,
    }


def missing_article(h: Highlight) -> Highlight:
    """A highlight whose article is gone from the corpus is orphaned (and kept)."""
    h.status, h.score = AnchorStatus.ORPHANED.value, 0.0
    return h
