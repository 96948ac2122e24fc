"""Coded passages: every highlight of the corpus, grouped by label, and their exports.

"Retrieve everything coded X" is the researcher's everyday question; this module answers
it from the store alone (the highlight keeps its exact text), so listing 10,000 passages
reads no article. The coded-passages screen (`reader.tui.passages_screen`) draws what
`list_passages` returns; `passages_markdown` / `passages_csv` are its exports.

Coders: once the store records a coder per highlight (`coder` field, `store.highlights(
coder=None)` for everyone's), passages carry it and can be filtered by it; on a store
without coders every passage has coder "".
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.export.mdescape import escape_inline

NO_LABEL = "(no label)"
CSV_FIELDS = ("label", "article", "title", "start", "end", "text", "note", "coder", "tags",
              "highlight")


@dataclass(frozen=True, slots=True)
class Passage:
    label: str
    article: str
    title: str
    text: str
    note: str
    start: int
    end: int
    highlight: str  # the highlight's id
    coder: str = ""
    tags: tuple[str, ...] = ()


def all_highlights(store: Any) -> list[Any]:
    """Every coder's highlights (`coder=None`), or all of them on a store without coders."""
    try:
        return list(store.highlights(None, coder=None))
    except TypeError:
        return list(store.highlights())


def all_states(store: Any) -> list[Any]:
    """Every coder's article states (`coder=None`), or all on a store without coders."""
    try:
        return list(store.article_states(coder=None))
    except TypeError:
        return list(store.article_states())


def list_passages(
    store: Any,
    title_of: Callable[[str], str | None],
    *,
    label: str | None = None,
    tag: str | None = None,
    coder: str | None = None,
    order: Sequence[str] = (),
    label_order: Sequence[str] = (),
) -> list[Passage]:
    """The highlights as passages, grouped by label, then corpus order, then position.

    `label`, `tag` (of the article) and `coder` filter; `order` gives the corpus order of
    article ids (others after, by id); `label_order` the codebook's label order (other
    labels after, by name; unlabelled last). Orphaned highlights are kept: their text is
    still the coder's passage.
    """
    tags_of: dict[str, tuple[str, ...]] = {}
    for s in all_states(store):  # every coder's tags of the article count
        have = tags_of.get(s.article, ())
        tags_of[s.article] = have + tuple(t for t in s.tags if t not in have)
    want_tag = tag.casefold() if tag else None
    position = {a: i for i, a in enumerate(order)}
    rank = {name: i for i, name in enumerate(label_order)}
    out: list[Passage] = []
    for h in all_highlights(store):
        name = h.label or NO_LABEL
        if label is not None and name != label and h.label != label:
            continue
        who = getattr(h, "coder", "") or ""
        if coder is not None and who != coder:
            continue
        tags = tags_of.get(h.article, ())
        if want_tag is not None and want_tag not in {t.casefold() for t in tags}:
            continue
        out.append(Passage(name, h.article, title_of(h.article) or h.article, h.exact,
                           h.note or "", h.start, h.end, h.id, who, tags))
    n = len(position)
    out.sort(key=lambda p: (
        p.label == NO_LABEL, rank.get(p.label, len(rank)), p.label.casefold(),
        position.get(p.article, n), p.article, p.start, p.end, p.highlight,
    ))
    return out


def group_by_label(passages: Iterable[Passage]) -> list[tuple[str, list[Passage]]]:
    """Consecutive passages of one label together (they come sorted by `list_passages`)."""
    groups: list[tuple[str, list[Passage]]] = []
    for p in passages:
        if not groups or groups[-1][0] != p.label:
            groups.append((p.label, []))
        groups[-1][1].append(p)
    return groups


def labels_in(passages: Iterable[Passage]) -> list[str]:
    return [name for name, _ in group_by_label(passages)]


def _quote_block(text: str) -> str:
    return "\n".join("> " + escape_inline(line) if line.strip() else ">"
                     for line in text.strip().split("\n"))


def passages_markdown(passages: Sequence[Passage], title: str = "Coded passages") -> str:
    """One section per label; each passage as a quote with its article and note."""
    out = [f"# {escape_inline(title)}", ""]
    if not passages:
        out += ["(no passages)", ""]
    for name, group in group_by_label(passages):
        out += [f"## {escape_inline(name)} ({len(group)})", ""]
        for p in group:
            src = f"*{escape_inline(p.title)}* (`{p.article}`, characters {p.start}–{p.end}"
            src += f", coder {escape_inline(p.coder)})" if p.coder else ")"
            out += [_quote_block(p.text), "", "— " + src, ""]
            if p.note:
                out += ["Note: " + escape_inline(" ".join(p.note.split())), ""]
    return "\n".join(out).rstrip() + "\n"


def _cell(value: str) -> str:
    """A spreadsheet must not run a passage as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def passages_csv(passages: Iterable[Passage]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for p in passages:
        w.writerow([_cell(p.label), p.article, _cell(p.title), p.start, p.end, _cell(p.text),
                    _cell(p.note), _cell(p.coder), _cell("; ".join(p.tags)), p.highlight])
    return buf.getvalue()


def default_export_path(base: Path, fmt: str) -> Path:
    return base / f"coded-passages.{'md' if fmt == 'md' else 'csv'}"


def write_passages(passages: Sequence[Passage], path: Path, fmt: str) -> Path:
    """Write the Markdown (`md`) or CSV (`csv`) export atomically; returns the path.

    A missing folder is made, as every other export makes it. Raises OSError (no
    permission) and ValueError (unknown format); the caller says so in one line.
    """
    if fmt == "md":
        data = passages_markdown(passages)
    elif fmt == "csv":
        data = passages_csv(passages)
    else:
        raise ValueError(f"unknown format {fmt!r} (md or csv)")
    path = path.expanduser()
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    from annotations.export import not_a_file

    if not_a_file(path):  # a pipe or a device: written to, not replaced
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(data)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)  # as every other export does
    fd, tmp = tempfile.mkstemp(prefix=".passages-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
            from annotations.export import file_mode

            os.fchmod(f.fileno(), file_mode())  # a document to share: not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
