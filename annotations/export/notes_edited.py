"""Notes the user edited after an export are not written over by the next one.

`reader export -f md --split VAULT` is made for Obsidian, where people write in the notes
they exported; the next export (a nightly script, or the same command a week later)
replaced every note of the same name and their writing was gone. The export now keeps,
in a hidden `.reader-notes.json` in the folder, a digest of each note as it wrote it: a
note that still matches is replaced freely, one that does not is kept as the user left it
and named on stderr. A note with no digest (written before this file existed, or by
someone else) is replaced only when it differs from the new note by nothing but the
`exported:` time; otherwise it is kept too. To have a kept note written again, delete it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

MANIFEST = ".reader-notes.json"
_EXPORTED = re.compile(r"^exported: .*$", re.M)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(folder: Path) -> dict[str, str]:
    """File name -> digest of the text the last export wrote there (empty if none)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, dict):
        return {}
    return {k: v for k, v in notes.items() if isinstance(k, str) and isinstance(v, str)}


def render_manifest(written: dict[str, str]) -> str:
    return json.dumps({"format": "reader-notes", "notes": dict(sorted(written.items()))},
                      indent=1) + "\n"


def edited(path: Path, new_text: str, manifest: dict[str, str]) -> bool:
    """Whether the file at `path` holds writing the next export must not replace."""
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError):
        return True  # not ours to judge: keep it
    known = manifest.get(path.name)
    if known is not None:
        return digest(current) != known
    return _EXPORTED.sub("", current) != _EXPORTED.sub("", new_text)


def edited_in(folder: Path) -> list[str]:
    """Notes in `folder` changed since the export recorded in its manifest wrote them
    (what the app's question names before replacing them)."""
    manifest = read_manifest(folder)
    out = []
    for name, known in manifest.items():
        try:
            current = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if digest(current) != known:
            out.append(name)
    return sorted(out)
