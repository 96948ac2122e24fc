"""The REFI-QDA halves of `reader export` (`--format qdpx|qdc`) and `reader import`
(a `.qdpx` project or a `.qdc` codebook), kept here so the JSON paths stay as they were."""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from reader.errors import UserError
from reader.wording import plural

REFI_FORMATS = ("qdpx", "qdc")


def is_refi_file(path: str) -> bool:
    """A `.qdpx`/`.qdc` by name, or a zip / QDA-XML file by content."""
    p = Path(path).expanduser()
    if p.suffix.lower() in (".qdpx", ".qdc"):
        return True
    try:
        with open(p, "rb") as f:
            head = f.read(512)
    except OSError:
        return False  # the JSON path reports a missing file as it always did
    return head.startswith(b"PK") and zipfile.is_zipfile(p) or b"urn:QDA-XML" in head


def selected_coders(args: argparse.Namespace) -> list[str] | None:
    """The coders `--coder` selects for an export (repeatable); None = every coder."""
    value = getattr(args, "coders", None) or getattr(args, "coder", None)
    if not value:
        return None
    from annotations.coders import check_coder

    return [check_coder(c) for c in ([value] if isinstance(value, str) else value)]


def export(args: argparse.Namespace, coders: list[str] | None) -> int:
    from annotations.codebook import load_codebook
    from annotations.refiqda import export_qdpx, render_qdc
    from reader.commands.common import load
    from reader.commands.export import _write_stdout, guard_output
    from reader.commands.store_access import open_store

    for option in ("article", "tag", "label"):
        if getattr(args, option, None):
            raise UserError(f"--{option} is not available with --format {args.format}")
    corpus = load(args, read=False)
    codebook = load_codebook(corpus.root)
    if args.format == "qdc":
        data = render_qdc(codebook)
        if not args.output:
            _write_stdout(data.decode("utf-8"))
            return 0
        out = _output(args.output)
        guard_output(args, corpus, out)
        from annotations.export import write_atomic

        write_atomic(out, data.decode("utf-8"))
        print(f"wrote the codebook ({plural(len(codebook.labels), 'label')}, "
              f"{plural(len(codebook.tags), 'tag')}) to {out}", file=sys.stderr)
        return 0
    if not args.output:
        raise UserError("--format qdpx writes a zip file: give -o FILE.qdpx")
    out = _output(args.output)
    guard_output(args, corpus, out)
    store = open_store(args, corpus, write=False)
    try:
        result = export_qdpx(corpus, store, codebook, out, coders=coders)
    finally:
        store.close()
    for line in result.left_out:
        print(f"reader: {line}", file=sys.stderr)
    print(
        f"wrote {plural(result.sources, 'text')}, {plural(result.selections, 'highlight')}, "
        f"{plural(result.tag_codings, 'tag coding')}, {plural(result.notes, 'memo')} by "
        f"{plural(len(result.users), 'coder')} to {out}",
        file=sys.stderr,
    )
    return 0


def _output(value: str) -> Path:
    out = Path(value).expanduser()
    if out.is_dir():
        raise UserError(f"{value} is a folder; give a file name")
    return out


def import_(args: argparse.Namespace) -> int:
    from annotations.refiqda_import import import_codebook, import_qdpx, read_qdc
    from reader.commands.common import load
    from reader.commands.store_access import open_store

    corpus = load(args, read=False)
    path = Path(args.file).expanduser()
    if path.suffix.lower() == ".qdc" or (path.suffix.lower() != ".qdpx"
                                         and not zipfile.is_zipfile(path)):
        codebook = read_qdc(path)
        for line in import_codebook(corpus.root, codebook):
            print(f"reader: {line}", file=sys.stderr)
        print(f"codebook read: {plural(len(codebook.labels), 'label')}, "
              f"{plural(len(codebook.tags), 'tag')}")
        return 0
    store = open_store(args, corpus, write=True)
    try:
        report, notes = import_qdpx(corpus, store, path)
    finally:
        store.close()
    for line in notes:
        print(f"reader: {line}", file=sys.stderr)
    for line in report.invalid:
        print(f"invalid: {line}", file=sys.stderr)
    for line in report.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    from annotations.import_conflicts import report_theirs

    if kept := report_theirs(store.path, report.theirs, path):  # (nothing of theirs lost)
        print(f"reader: {kept}", file=sys.stderr)
    from annotations.export.importer import summary_counts

    added, unchanged, conflicts = summary_counts(report)
    tail = f", invalid {len(report.invalid)}" if report.invalid else ""
    print(f"added {added}, unchanged {unchanged}, conflicts {conflicts}{tail}")
    return 0
