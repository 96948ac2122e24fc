"""What a folder with no articles holds instead, for the one-line error.

"no articles (.txt files or JSON Lines records) in FOLDER" left a researcher with a folder
of scraped `.json` or `.html` files wondering whether the path was wrong. Naming the kinds
of file found (and, for JSON, that JSON Lines files end in `.jsonl`) says what to change.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LOOK_AT = 20_000  # files: enough to name the kinds, quick on a big tree


def unread_note(path: str | os.PathLike[str]) -> str:
    """`: it holds 3 .json files and 1 .html file; …` for a folder, else ``."""
    root = Path(path)
    if not root.is_dir():
        return ""
    kinds: Counter[str] = Counter()
    seen = 0
    for _, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name.startswith("annotations."):
                continue  # hidden files, and the app's own files beside the corpus
            kinds[Path(name).suffix.lower() or "(no extension)"] += 1
            seen += 1
        if seen >= LOOK_AT:
            break
    if not kinds:
        return ": the folder is empty"
    named = [f"{n} {kind} file{'' if n == 1 else 's'}" for kind, n in kinds.most_common(3)]
    if len(kinds) > 3:
        named.append("others")
    listing = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    hint = "reader reads .txt and JSON Lines files (.jsonl, .jsonl.gz)"
    if ".json" in kinds:
        hint += "; JSON with one article per line is JSON Lines: name it .jsonl"
    return f": it holds {listing}; {hint}"


def skipped_note(skipped: Sequence[Any]) -> str:
    """` (empty file)` for a corpus whose one file was skipped, ` (2 skipped: a.txt: empty
    file; b.txt: binary file …)` for more: "(1 skipped)" left the user guessing why."""
    if not skipped:
        return ""
    if len(skipped) == 1:
        return f" ({skipped[0].reason})"
    shown = "; ".join(f"{s.id}: {s.reason}" for s in skipped[:2])
    return f" ({len(skipped)} skipped: {shown}{'; …' if len(skipped) > 2 else ''})"
