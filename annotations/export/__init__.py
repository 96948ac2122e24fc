"""Exports: Markdown notes, JSON backup, W3C JSON-LD, CSV and the cleaned corpus.

The app's palette and `reader export` share two entry points:

* `export_to_file(corpus, store, fmt, path, ...)` gathers, renders and writes atomically;
* `render(fmt, data)` turns gathered `ExportData` (from `collect`) into text, for callers
  that want the string (stdout, a preview, tests).

Formats: `md`, `json`, `jsonld`, `csv` render to one document; `text` writes the cleaned
corpus (a folder of .txt, or JSON Lines when the path ends in `.jsonl` or `jsonl=True`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotations.export.data import EmptyStore, ExportData, StoreLike, collect
from reader.corpus import Corpus

FORMATS = ("md", "json", "jsonld", "csv", "text")
DOCUMENT_FORMATS = ("md", "json", "jsonld", "csv")
EXTENSIONS = {"md": ".md", "json": ".json", "jsonld": ".jsonld", "csv": ".csv"}

__all__ = [
    "DOCUMENT_FORMATS",
    "EXTENSIONS",
    "FORMATS",
    "EmptyStore",
    "ExportData",
    "collect",
    "encoding_for",
    "export_to_file",
    "file_mode",
    "render",
    "write_atomic",
]


def encoding_for(fmt: str, excel: bool = False) -> str:
    """Plain UTF-8, except a CSV meant for Excel, which needs the byte-order mark."""
    return "utf-8-sig" if fmt == "csv" and excel else "utf-8"


def render(fmt: str, data: ExportData) -> str:
    """The document for `fmt` (one of DOCUMENT_FORMATS); CSV comes without BOM."""
    if fmt == "md":
        from annotations.export.markdown import render_markdown

        return render_markdown(data)
    if fmt == "json":
        from annotations.export.jsonfile import render_json

        return render_json(data)
    if fmt == "jsonld":
        from annotations.export.jsonld import render_jsonld

        return render_jsonld(data)
    if fmt == "csv":
        from annotations.export.csvfile import render_csv

        return render_csv(data)
    if fmt == "text":
        raise ValueError("the text export writes files: use export_to_file")
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def collect_for(
    fmt: str,
    corpus: Corpus,
    store: StoreLike,
    *,
    article: str | None = None,
    tag: str | None = None,
    label: str | None = None,
    quotes: bool = False,
    link_base: Path | None = None,
    now: str | None = None,
    analyze: Any = None,
    coders: Sequence[str] | None = None,
) -> ExportData:
    """`collect` with each format's selection: JSON is a backup, so it keeps every stored
    article (status or corrections only), while the others keep annotated articles.
    `coders` None exports every coder's work, each item naming its coder."""
    return collect(
        corpus,
        store,
        article=article,
        tag=tag,
        label=label,
        quotes=quotes,
        everything_stored=fmt == "json",
        link_base=link_base,
        now=now,
        analyze=analyze,
        coders=coders,
    )


def file_mode() -> int:
    """The permissions a new file gets under the user's umask (0644 under the usual 022).

    Exports are documents to share: `mkstemp` makes its file 0600, and renamed into place
    that left every export unreadable to the group and to a notes app run as another user.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it (and put it straight back)
    os.umask(mask)
    return 0o666 & ~mask


def not_a_file(path: Path) -> bool:
    """Whether `path` is a pipe or a device (`-o /dev/stdout`, `-o >(gzip > x.gz)`): it is
    written to, not replaced. The rename put a regular file in its place (as root, over
    /dev/stdout or /dev/null) and the pipe got nothing."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write via a temporary file and rename, so a failed export never leaves a half file
    in place of the previous good one (people re-export over the note they link to).
    The file gets the umask's permissions, as if written directly (see `file_mode`).
    A pipe or a device is written to directly (`not_a_file`)."""
    if not_a_file(path):
        with open(path, "w", encoding=encoding, newline="") as out:
            out.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
            os.fchmod(f.fileno(), file_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def export_to_file(
    corpus: Corpus,
    store: StoreLike | None,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    article: str | None = None,
    tag: str | None = None,
    label: str | None = None,
    quotes: bool = False,
    jsonl: bool | None = None,
    excel: bool = False,
    now: str | None = None,
    analyze: Any = None,
    progress: Callable[[str, int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
    coders: Sequence[str] | None = None,
    cluster: Any = None,
    counted: Callable[[int, int], None] | None = None,
) -> Path:
    """Export to `path` and return it. `store` None exports as if nothing were annotated.
    `counted` gets (articles, highlights) written, as `reader export` says them (no
    highlights in the text export).

    Markdown links are made relative to the file's folder, so they open from the note.
    `excel` writes a CSV with a byte-order mark (plain UTF-8 otherwise).
    For `text`, `jsonl` None means "JSON Lines when the path ends in .jsonl"; `progress`
    gets (phase, done, total) and `warn` one line per unreadable article; `cluster` (a
    dask.distributed Client, see `reader.distributed`) does its reading and cleaning. Raises
    UserError for a bad article id or destination, ValueError for an unknown format.
    """
    target = Path(path).expanduser()
    source: StoreLike = store if store is not None else EmptyStore()
    if fmt == "text":
        from annotations.export.cleantext import (
            check_destination,
            repeated_for,
            write_text_export,
        )

        if label is not None:
            from reader.errors import UserError

            raise UserError("--label selects highlights; the text export has none")
        as_jsonl = target.suffix.lower() == ".jsonl" if jsonl is None else jsonl
        check_destination(corpus, target, as_jsonl)
        scan = (lambda i, n: progress("scanning", i, n)) if progress else None
        clean = (lambda i, n: progress("cleaning", i, n)) if progress else None
        report = write_text_export(
            corpus,
            source,
            target,
            jsonl=as_jsonl,
            article=article,
            tag=tag,
            analyze=analyze,
            repeated=repeated_for(corpus, scan, cluster=cluster),
            progress=clean,
            cluster=cluster,
        )
        for line in report.skipped:
            if warn:
                warn(f"skipped {line}")
        if counted is not None:
            counted(report.written, 0)
        return target
    if fmt not in DOCUMENT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    data = collect_for(
        fmt,
        corpus,
        source,
        article=article,
        tag=tag,
        label=label,
        quotes=quotes,
        link_base=target.absolute().parent,
        now=now,
        analyze=analyze,
        coders=coders,
    )
    write_atomic(target, render(fmt, data), encoding=encoding_for(fmt, excel))
    if counted is not None:
        counted(data.article_count, data.highlight_count)
    return target
