"""`reader export CORPUS`: annotations as Markdown, JSON, JSON-LD or CSV; the cleaned corpus."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from typing import Any

from annotations.export import (
    DOCUMENT_FORMATS,
    FORMATS,
    collect_for,
    encoding_for,
    render,
    write_atomic,
)
from annotations.export.data import StoreLike
from reader.commands.common import add_corpus_argument, add_db_argument, load, path_value
from reader.commands.refi_io import REFI_FORMATS
from reader.commands.store_access import open_store
from reader.corpus import Corpus
from reader.errors import UserError
from reader.wording import plural

NAME = "export"
HELP = "export annotations to Markdown, JSON, JSON-LD, CSV, clean text or REFI-QDA"
DESCRIPTION = """\
Export the annotations of CORPUS.

formats:
  md      Markdown notes for Obsidian/Readwise/Zotero (default): front matter, one
          section per annotated article, each highlight quoted with label, note,
          block id (^hl-...) and a link back to the article (line and characters)
  json    everything in the store plus titles (versioned; `reader import` reads it)
  jsonld  W3C Web Annotation collection
  csv     one row per highlight, and one per article with tags, a status or a
          memo but no highlight (plain UTF-8; --excel adds a byte-order mark)
  text    the cleaned corpus: bodies without boilerplate, one .txt per article in
          the folder -o, or JSON Lines with --jsonl (-o FILE)
  qdpx    a REFI-QDA project (-o FILE.qdpx) for ATLAS.ti, MAXQDA, NVivo, QualCoder:
          coders as users, the codebook, each annotated article as a text source,
          highlights as coded selections, tags as codings of the whole text, memos
          as notes (`reader import` reads it back)
  qdc     the codebook as a REFI-QDA codebook (labels, and tags under "reader tags")

Every coder's work is exported unless --coder NAME (repeatable) picks coders; each
article appears once per coder, and every item (tags, status, highlight, memo) names
its coder. Memos (per article and the project's) are exported in md, json, jsonld
and csv.

md --split DIR writes one note per article into DIR instead (see --split).
md, json, jsonld and csv go to stdout without -o. Markdown links are relative to
the output file's folder (to the current folder on stdout)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=(*FORMATS, *REFI_FORMATS),
        default="md",
        help="output format (default: md)",
    )
    parser.add_argument("-o", "--output", metavar="PATH", type=path_value,
                        help="file (or folder for text); an earlier export there is "
                        "replaced, the corpus and the annotation file never are")
    parser.add_argument(
        "--split",
        type=path_value,
        metavar="DIR",
        help="md: one note per article in DIR (front matter, memo, highlights) plus "
        "index.md linking them, for Obsidian and other one-note-per-source tools; a "
        "note you edited since the last export is kept, not written over (exit 1 says "
        "so)",
    )
    parser.add_argument("--article", metavar="ID", help="only this article")
    parser.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    parser.add_argument("--label", metavar="L", help="only highlights with this label")
    parser.add_argument(
        "--coder",
        metavar="NAME",
        action="append",
        dest="coders",
        help="only this coder's work (repeatable; default: every coder)",
    )
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="md, json: add each article's quotations, grouped by speaker",
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="text: write one JSON Lines file instead of a folder"
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="csv: start the file with a UTF-8 byte-order mark, which Excel needs to read "
        "UTF-8 (other programs read the plain file)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="text: clean the articles on a Dask cluster (tcp://HOST:8786, or `local` for "
        "2 worker processes here); needs the dask extra, see `reader analyze --help`",
    )
    add_db_argument(parser)


class _Progress:
    """`phase 12/340` rewritten in place on a terminal, at most ten times a second."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        self.shown = True
        sys.stderr.write(f"\r{phase} {done}/{total}\x1b[K")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _check(args: argparse.Namespace) -> None:
    fmt = args.format
    if args.jsonl and fmt != "text":
        raise UserError("--jsonl is for --format text")
    if args.split and fmt != "md":
        raise UserError("--split is for --format md")
    if args.split and args.output:
        raise UserError("--split DIR writes a folder of notes: leave out -o")
    if args.excel and fmt != "csv":
        raise UserError("--excel is for --format csv")
    if args.quotes and fmt not in ("md", "json"):
        raise UserError("--quotes is for --format md or json")
    if fmt == "text":
        if not args.output:
            raise UserError("--format text writes files: give -o FOLDER (or -o FILE --jsonl)")
        if args.label:
            raise UserError("--label selects highlights; the text export has none")
    elif getattr(args, "scheduler", None):
        raise UserError("--scheduler is for --format text")


def run(args: argparse.Namespace) -> int:
    from reader.output_errors import writing

    # an unwritable -o or --split: one line naming it, not a traceback about a temp file
    with writing(args.split or args.output):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.format in REFI_FORMATS:
        from reader.commands import refi_io

        return refi_io.export(args, refi_io.selected_coders(args))
    _check(args)
    corpus = load(args, read=False)
    store = open_store(args, corpus, write=False)  # no lock, never creates a file
    try:
        if args.format == "text":
            return _run_text(args, corpus, store)
        if args.split:
            return _run_split(args, corpus, store)
        return _run_document(args, corpus, store)
    finally:
        store.close()


def _run_document(args: argparse.Namespace, corpus: Corpus, store: StoreLike) -> int:
    fmt = args.format
    assert fmt in DOCUMENT_FORMATS
    out = Path(args.output).expanduser() if args.output else None
    if out is not None and out.is_dir():
        raise UserError(f"{args.output} is a folder; give a file name")
    if out is not None:
        guard_output(args, corpus, out)
    data = collect_for(
        fmt,
        corpus,
        store,
        article=args.article,
        tag=args.tag,
        label=args.label,
        quotes=args.quotes,
        link_base=(out.absolute().parent if out else Path.cwd()),
        coders=_coders(args),
    )
    text = render(fmt, data)
    known = getattr(store, "coders", lambda: [])()
    for coder in data.coders if args.coders else []:
        if coder not in known:
            print(
                f"reader: no work by coder {coder!r} (coders: {', '.join(known) or 'none'})",
                file=sys.stderr,
            )
    if not data.articles:
        _say_unknown_filters(store, args)
        print("reader: nothing to export: no annotated article matches", file=sys.stderr)
    if out is None:  # `> out.csv` with --excel: the mark too, or Excel misreads accents
        _write_stdout(("\ufeff" if encoding_for(fmt, args.excel) == "utf-8-sig" else "") + text)
        return 0
    write_atomic(out, text, encoding=encoding_for(fmt, args.excel))
    n, h = data.article_count, data.highlight_count
    print(f"wrote {plural(n, 'article')}, {plural(h, 'highlight')} to {out}", file=sys.stderr)
    return 0


def guard_output(args: argparse.Namespace, corpus: Corpus, out: Path) -> None:
    """Refuse an -o that is the corpus or the annotations themselves (see
    `annotations.export.destination`): one line, exit 2, nothing written."""
    from annotations.export.destination import check_export_target
    from annotations.paths import resolve_db_path

    check_export_target(corpus, out, resolve_db_path(corpus, getattr(args, "db", None),
                                                     create=False))


def _say_unknown_filters(store: StoreLike, args: argparse.Namespace) -> None:
    """A --tag or --label that nothing has: name those there are (a typo is the usual
    cause of an empty export), as an unknown --coder does."""
    from annotations.tags import same_tag

    tag = getattr(args, "tag", None)
    if tag:
        tags = sorted(getattr(store, "tag_counts", lambda _c: {})(None), key=str.lower)
        if not any(same_tag(tag, t) for t in tags):
            print(f"reader: no article has the tag {tag!r} (tags: {', '.join(tags) or 'none'})",
                  file=sys.stderr)
    label = getattr(args, "label", None)
    if label:
        labels = sorted({h.label for h in getattr(store, "highlights", lambda **_k: [])(
            coder=None) if h.label})
        if label not in labels:
            print(f"reader: no highlight has the label {label!r} "
                  f"(labels: {', '.join(labels) or 'none'})", file=sys.stderr)


def _run_split(args: argparse.Namespace, corpus: Corpus, store: StoreLike) -> int:
    from annotations.export.notes import export_notes

    kept: list[Path] = []  # notes edited since the last export: never written over
    data, notes = export_notes(corpus, store, args.split, article=args.article, tag=args.tag,
                               label=args.label, quotes=args.quotes, coders=_coders(args),
                               kept=kept)
    if not notes and not kept:
        _say_unknown_filters(store, args)
        print("reader: nothing to export: no annotated article matches", file=sys.stderr)
    index = "" if any(p.name == "index.md" for p in kept) else " and index.md"
    print(f"wrote {plural(len(notes), 'note')}{index} to {args.split}", file=sys.stderr)
    if kept:
        names = ", ".join(p.name for p in kept[:3]) + (" …" if len(kept) > 3 else "")
        print(f"reader: kept {plural(len(kept), 'note')} edited since the last export, not "
              f"written over: {names} (delete one to have it written again)", file=sys.stderr)
        return 1
    return 0


def _coders(args: argparse.Namespace) -> list[str] | None:
    from annotations.coders import check_coder

    return [check_coder(c) for c in args.coders] if args.coders else None


def _write_stdout(text: str) -> None:
    """UTF-8 whatever the locale: stdout is usually redirected into a notes file, and a
    cp1252 console encoding would fail on the first non-Latin character of an article."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a StringIO (tests, embedding)
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _run_text(args: argparse.Namespace, corpus: Corpus, store: StoreLike) -> int:

    progress = _Progress() if sys.stderr.isatty() else None
    skipped: list[str] = []
    with contextlib.ExitStack() as stack:
        cluster = None
        if getattr(args, "scheduler", None):
            from reader.distributed import open_client

            cluster = stack.enter_context(open_client(args.scheduler))
        return _write_text(args, corpus, store, progress, skipped, cluster)


def _write_text(args: argparse.Namespace, corpus: Corpus, store: StoreLike, progress: Any,
                skipped: list[str], cluster: Any) -> int:
    from annotations.export import export_to_file

    written: list[int] = []
    if args.jsonl:
        guard_output(args, corpus, Path(args.output))
    try:
        path = export_to_file(
            corpus,
            store,
            "text",
            args.output,
            article=args.article,
            tag=args.tag,
            jsonl=True if args.jsonl else None,
            progress=progress,
            warn=skipped.append,
            cluster=cluster,
            counted=lambda n, _h: written.append(n),
        )
    finally:
        if progress:
            progress.finish()
    for line in skipped:
        print(f"reader: {line}", file=sys.stderr)
    of = f" of {plural(written[0], 'article')}" if written else ""  # (a coder checks it is all)
    print(f"wrote the cleaned text{of} to {path}", file=sys.stderr)
    return 0
