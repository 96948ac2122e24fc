"""Where the other side of an import conflict is kept, so nothing a colleague wrote is lost.

`reader import` keeps the store's version of a record that both sides changed and says so
(`conflict: … kept ours`). The imported version used to live on only in the file that was
imported, which is often a colleague's copy passed around and then deleted. It is now
appended to a JSON Lines file beside the store (`annotations.json.conflicts`), one
line per conflict: when, from which file, the conflict line, the record's table and key,
ours and theirs. Appending keeps every import's conflicts; the store is never touched.

Nothing here imports Textual.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotations.model import now_iso
from reader.wording import plural

SUFFIX = ".conflicts"  # JSON Lines, but not named .jsonl: that would be read as articles


def sidecar_of(store_path: Path) -> Path:
    """The conflicts file of the store at `store_path`."""
    return store_path.with_name(store_path.name + SUFFIX)


def keep_theirs(store_path: Path, theirs: list[dict[str, Any]], source: Path) -> Path:
    """Append each conflict's versions to the store's conflicts file; its path. Raises
    OSError when it cannot be written (the caller says so: the file imported still has them)."""
    path = sidecar_of(store_path)
    at = now_iso()
    lines = "".join(
        json.dumps({"at": at, "imported_from": str(source), **c}, ensure_ascii=False) + "\n"
        for c in theirs
    )
    with open(path, "a", encoding="utf-8") as f:
        f.write(lines)
        f.flush()
        os.fsync(f.fileno())
    return path


def report_theirs(store_path: Path, theirs: list[dict[str, Any]], source: Path) -> str | None:
    """Keep the versions not taken; the one line to print, or None when there were none."""
    if not theirs:
        return None
    try:
        path = keep_theirs(store_path, theirs, source)
    except OSError as exc:
        return (f"could not keep the imported version of {len(theirs)} conflicting "
                f"record(s) in {sidecar_of(store_path)} ({exc.strerror or exc}); "
                f"they are still in {source}")
    return (f"the imported version of {plural(len(theirs), 'conflicting record')} is kept "
            f"in {path}")


# -- reading them back (the app's `I` and its notice at start) ------------------------------

_SAME_ANYWAY = {"created", "updated"}  # (a later save differs in these alone)


def read_kept(store_path: Path) -> tuple[list[dict[str, Any]], int]:
    """The conflicts kept beside the store at `store_path`, oldest first, and how many of
    its lines could not be read (a file cut short, edited by hand): those are counted,
    never dropped without a word. No file: no conflicts."""
    try:
        raw = sidecar_of(store_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return [], 0
    except OSError:
        return [], 1
    kept, bad = [], 0
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if isinstance(record, dict):
            kept.append(record)
        else:
            bad += 1
    return kept, bad


def _short(value: Any, width: int = 50) -> str:
    """A field's value on one line, text in quotes, cut to `width` characters."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = " ".join(text.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f'"{text}"' if isinstance(value, str) else text


def describe(record: dict[str, Any]) -> list[str]:
    """A kept conflict as lines to read: when, from which file, the conflict line, then
    each field where the two versions differ, ours (kept in the store) above theirs."""
    when = str(record.get("at", ""))[:16].replace("T", " ")
    source = Path(str(record.get("imported_from", "?"))).name
    lines = [f"{when} from {source}: {record.get('conflict', '?')}"]
    ours = record.get("ours") if isinstance(record.get("ours"), dict) else {}
    theirs = record.get("theirs") if isinstance(record.get("theirs"), dict) else {}
    # a highlight's id says nothing to a coder: name its article and passage
    article = ours.get("article") or theirs.get("article")
    exact = ours.get("exact") or theirs.get("exact")
    if article:
        lines.append(f"    in {article}" + (f": {_short(exact)}" if exact else ""))
    for key in sorted(set(ours) | set(theirs)):
        if key in _SAME_ANYWAY or ours.get(key) == theirs.get(key):
            continue
        lines.append(f"    {key}: ours {_short(ours.get(key))}, "
                     f"theirs {_short(theirs.get(key))}")
    return lines
