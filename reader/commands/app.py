"""`reader [CORPUS]`: open the app (the only command that imports Textual)."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

from reader.corpus import ArticleError, Corpus, bundled_corpus, read_article
from reader.errorlog import log_path
from reader.errors import UserError


def load_keymap() -> dict[str, str]:
    """`keymap.toml` in the user config folder: `binding-id = "key"` lines under [keymap]."""
    from platformdirs import user_config_dir

    path = Path(user_config_dir("reader")) / "keymap.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # (a BOM, as for config)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    table = data.get("keymap", data)
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus) if args.corpus else bundled_corpus()
    if not corpus.exists():
        raise UserError(f"no such file or folder: {args.corpus}")
    from annotations.coders import resolve_coder

    coder = resolve_coder(getattr(args, "coder", None))  # a bad name: exit 2, before anything
    served = os.environ.get("READER_SERVED") == "1"  # a browser tab of `reader serve`
    if not served and (not sys.stdout.isatty() or not sys.stdin.isatty()):
        raise UserError("the app needs a terminal; use `reader list` or `reader export` in scripts")
    from reader.tui.app import ReaderApp

    app = ReaderApp(
        corpus,
        db=args.db,
        max_bytes=int(args.max_size * 1024 * 1024),
        keymap=load_keymap(),
        coder=coder,
        text_field=getattr(args, "text_field", None),
    )
    if not app.corpus.articles and not app.corpus.pending:
        from reader.unread_files import skipped_note, unread_note

        detail = (skipped_note(app.corpus.skipped) if app.corpus.skipped
                  else unread_note(corpus))
        raise UserError(f"no articles (.txt files or JSON Lines records) in {corpus}{detail}")
    _refuse_one_unreadable_file(app.corpus, app.max_bytes, corpus)
    try:
        app.run()
    finally:
        app.shutdown()
        for problem in app.exit_problems:
            print(f"reader: warning: {problem} (details in {log_path()})", file=sys.stderr)
    return 0


def _refuse_one_unreadable_file(corpus: Corpus, max_bytes: int, named: Path) -> None:
    """A one-article corpus that cannot be read is an error, as `reader list` says it is.

    `reader photo.txt` (a binary file) opened the app on a list of one row, "⚠ photo.txt",
    and an empty article: nothing to do but quit. Reading one file costs nothing; a folder
    is left to the background indexer, which lists what it cannot read under `S`.
    """
    if len(corpus.articles) != 1 or corpus.pending:
        return
    (article,) = corpus.articles
    try:
        read_article(article, max_bytes)
    except ArticleError as exc:
        raise UserError(f"no readable articles in {named} ({article.id}: {exc})") from None
