"""`E`: export from the app, asking the format, then where (with a default to accept).

The old key wrote `annotations-export.md` into the corpus folder without asking and
overwrote the previous one. Now: pick the format, edit or accept the path (the folder the
app was started from, the corpus name and today's date: `seeds-annotations-2026-03-01.md`),
confirm before replacing a file, and the export runs in a worker so a large corpus does
not freeze the keys. Files get the umask's permissions (`annotations.export.file_mode`).
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotations.export.destination import check_export_target
from annotations.export.notes_edited import edited_in
from reader.errors import UserError
from reader.output_errors import write_error
from reader.tui.screens import ChoiceScreen, PromptScreen
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

# (choice id, menu text, export format, file name suffix; "" = a folder)
CHOICES: tuple[tuple[str, str, str, str], ...] = (
    ("md", "Markdown: one file of notes", "md", ".md"),
    ("md-split", "Markdown: one note per article (a folder, for Obsidian)", "md", ""),
    ("json", "JSON: everything, for backup and `reader import`", "json", ".json"),
    ("jsonld", "W3C Web Annotation JSON-LD", "jsonld", ".jsonld"),
    ("csv", "CSV: one row per highlight (plain UTF-8)", "csv", ".csv"),
    ("csv-excel", "CSV for Excel (with a byte-order mark)", "csv", ".csv"),
    ("text", "Clean text: bodies without boilerplate (JSON Lines)", "text", ".jsonl"),
    ("qdpx", "REFI-QDA project (.qdpx: ATLAS.ti, MAXQDA, NVivo, QualCoder)", "qdpx", ".qdpx"),
)


def default_path(corpus_name: str, choice: str, folder: Path | None = None,
                 today: _dt.date | None = None) -> Path:
    """Where an export goes unless the user types another path."""
    folder = folder if folder is not None else Path.cwd()
    if not os.access(folder, os.W_OK):
        folder = Path.home()
    day = (today or _dt.date.today()).isoformat()
    spec = next(c for c in CHOICES if c[0] == choice)
    stem = f"{corpus_name}-{'notes' if choice == 'md-split' else 'annotations'}-{day}"
    if choice == "text":
        stem = f"{corpus_name}-clean-{day}"
    if choice == "csv-excel":
        stem += "-excel"
    return folder / f"{stem}{spec[3]}"


def shown(path: Path) -> str:
    """The path as typed in the box: `~/…` under the home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def ask_target(app: Any, value: str | None, then: Callable[..., None],
               folder: bool = False) -> None:
    """The path typed in an export box: `~` expanded, relative to the folder the app was
    started from; a file where a folder is meant (or the reverse) is refused, and an
    existing file is replaced only once the user says so. Both exports (`E` and the coded
    passages' `e`) go through here, so they behave alike."""
    if value is None or not value.strip():
        return
    target = Path(value.strip()).expanduser()
    if not target.is_absolute():
        target = Path.cwd() / target
    try:  # never over the corpus or the annotation file, even if the user says "replace"
        check_export_target(app.corpus, target, getattr(app.store, "path", None))
    except UserError as exc:
        app.notify(str(exc), severity="error", timeout=10)
        return
    if target.exists() and target.is_dir() != folder:
        kind = "a folder" if target.is_dir() else "a file"
        app.notify(f"{shown(target)} is {kind}: give another path", severity="error")
        return
    if target.exists() and not folder:
        ask = (f"{shown(target)} exists", "Replace it")
    elif folder and target.is_dir() and (edited := edited_in(target)):
        _ask_edited(app, target, edited, then)
        return
    elif folder and target.is_dir() and any(target.iterdir()):  # notes edited in a vault
        ask = (f"{shown(target)} holds files: notes of the same name are replaced",
               "Replace them")
    else:
        then(target)
        return
    question, replace = ask
    app.push_screen(
        ChoiceScreen(question, [("replace", replace), ("cancel", "Cancel")]),
        lambda answer: then(target) if answer == "replace" else None,
    )


def corpus_stem(path: Path) -> str:
    """The corpus's name for file names: `news` for `news.jsonl.gz` (the default export of
    a JSON Lines corpus was `news.jsonl-annotations-….md`, which looks like a corpus file)."""
    name = path.name
    for suffix in (".jsonl.gz", ".jsonl", ".txt"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def with_suffix(value: str | None, suffix: str) -> str | None:
    """A typed name without an extension gets the format's (`notes` → `notes.md`), as a
    save dialog does: the file was written without one, and for the clean text a name
    without `.jsonl` made a folder of .txt files instead of the JSON Lines the menu named."""
    if not value or not suffix or not value.strip():
        return value
    name = value.strip()
    if name.endswith(("/", os.sep)) or Path(name).suffix or Path(name).expanduser().is_dir():
        return value
    return name + suffix


def _ask_edited(app: Any, target: Path, edited: list[str],
                then: Callable[..., None]) -> None:
    """Notes the user edited since the last export are there: keep them (the default,
    as the command line does), replace them, or cancel."""
    names = ", ".join(edited[:2]) + (" …" if len(edited) > 2 else "")
    app.push_screen(
        ChoiceScreen(f"{shown(target)}: {plural(len(edited), 'note')} edited since the last export "
                     f"({names})",
                     [("keep", "Keep my edits, write the other notes"),
                      ("replace", "Replace them too"), ("cancel", "Cancel")]),
        lambda answer: None if answer in (None, "cancel")
        else then(target, keep_edited=answer == "keep"),
    )


def export(app: ReaderApp) -> None:
    corpus_name = corpus_stem(app.corpus.single_file or app.corpus.root)

    def chosen(choice: str | None) -> None:
        if choice is None:
            return
        suggestion = shown(_default_outside(app, corpus_name, choice))
        hint = ("a folder: one note per article plus index.md" if choice == "md-split"
                else "enter exports · esc cancels · a relative path is from "
                     f"{shown(Path.cwd())}")
        app.push_screen(PromptScreen("Export to", suggestion, hint),
                        lambda value: where(choice, value))

    def where(choice: str, value: str | None) -> None:
        value = with_suffix(value, next(c[3] for c in CHOICES if c[0] == choice))
        ask_target(app, value, lambda target, keep_edited=False: run(choice, target,
                                                                      keep_edited),
                   folder=choice == "md-split")

    def run(choice: str, target: Path, keep_edited: bool = False) -> None:
        app.notify(f"exporting to {shown(target)}…", timeout=2)
        app.run_worker(lambda: write(choice, target, keep_edited), thread=True,
                       group="export")

    def write(choice: str, target: Path, keep_edited: bool) -> None:
        fmt = next(c[2] for c in CHOICES if c[0] == choice)
        try:
            message = _write(app, choice, fmt, target, keep_edited)
        except (OSError, UserError, ImportError, ValueError) as exc:
            said = write_error(target, exc) if isinstance(exc, OSError) else None
            app.call_from_thread(app.notify, f"export failed: {said or exc}",
                                 severity="error", timeout=10)
            return
        app.call_from_thread(app.notify, message, title="Export", timeout=8)

    app.push_screen(ChoiceScreen("Export annotations", [(c[0], c[1]) for c in CHOICES]),
                    chosen)


def _default_outside(app: Any, corpus_name: str, choice: str) -> Path:
    """The default path, unless the app was started inside the corpus folder and the file
    would be read as part of it (the clean text's `.jsonl`): then beside the corpus."""
    path = default_path(corpus_name, choice)
    try:
        check_export_target(app.corpus, path, getattr(app.store, "path", None))
    except UserError:
        return default_path(corpus_name, choice, app.corpus.root.parent)
    return path


def _write(app: Any, choice: str, fmt: str, target: Path, keep_edited: bool = False) -> str:
    """Run one export (on a worker thread); the message to show when it is written."""
    store = app.store.store
    if choice == "qdpx":  # every coder's work (see annotations.refiqda)
        from annotations.refiqda import export_qdpx

        if store is None:
            raise UserError("nothing to export: no annotation store")
        result = export_qdpx(app.corpus, store, app.codebook, target)
        n = len(result.left_out)
        left = f"; {n} left out (reader export says which)" if n else ""
        return (f"exported {plural(result.selections, 'highlight')} of "
                f"{plural(result.sources, 'text')} "
                f"to {shown(target)}{left}")
    if choice == "md-split":
        from annotations.export.notes import export_notes

        kept: list[Path] | None = [] if keep_edited else None
        data, notes = export_notes(app.corpus, store, target, kept=kept)
        index = "" if kept and any(p.name == "index.md" for p in kept) else " and index.md"
        left = f"; kept {len(kept)} you edited" if kept else ""
        return f"{plural(len(notes), 'note')}{index} written to {shown(target)}{left}"
    from annotations.export import export_to_file

    counts: list[tuple[int, int]] = []
    written = export_to_file(app.corpus, store, fmt, target, excel=choice == "csv-excel",
                             jsonl=True if choice == "text" else None,  # as the menu says
                             counted=lambda n, h: counts.append((n, h)))
    if fmt != "text" and (store is None or not store.coders()):  # (the CLI says so too)
        return f"exported to {shown(written)}: nothing is annotated yet, so it lists no article"
    if counts and fmt == "text":
        return f"exported the cleaned text of {plural(counts[0][0], 'article')} to {shown(written)}"
    if counts:  # what `reader export` says: a coder checks that their work is in it
        n, h = counts[0]
        return f"exported {plural(n, 'article')}, {plural(h, 'highlight')} to {shown(written)}"
    return f"exported to {shown(written)}"
