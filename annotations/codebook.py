"""The corpus codebook: `codebook.toml` beside the articles, else the built-in default.

It lives with the corpus, not in the annotation store, so a team can version it with the
articles and every coder (and the CLI) validates labels against the same list. The format:

    [[labels]]
    name = "claim"
    key = "1"
    colour = "yellow"
    description = "A factual claim worth checking"

    [[tags]]
    name = "relevant"
    key = "r"

Writing is by hand (the standard library reads TOML but does not write it) and atomic, like
every other file this package writes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from annotations.model import Codebook, Label, TagDef
from annotations.storage import atomic_write
from annotations.tags import label_too_long, tag_too_long
from reader.errors import UserError
from reader.textlayout import has_controls

CODEBOOK_FILE = "codebook.toml"


def codebook_path(corpus_root: Path) -> Path:
    root = Path(corpus_root)
    return (root.parent if root.is_file() else root) / CODEBOOK_FILE


def _entries(data: dict[str, Any], section: str, path: Path) -> list[dict[str, Any]]:
    items = data.get(section, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise UserError(f"{path}: [{section}] must be a list of tables ([[{section}]])")
    names: set[str] = set()
    for item in items:
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UserError(f"{path}: every [[{section}]] entry needs a name")
        if name in names:
            raise UserError(f"{path}: {section[:-1]} {name!r} is defined twice")
        names.add(name)
        # the limit the codebook screen and the tag box apply (annotations.tags)
        problem = (label_too_long if section == "labels" else tag_too_long)(name)
        if problem:
            raise UserError(f"{path}: {problem}")
        for field_name, value in item.items():
            if not isinstance(value, str):
                raise UserError(f"{path}: {section[:-1]} {name!r}: {field_name} must be text")
            # an escape in a label's name set the terminal's title when `C` listed it
            # (terminal escapes, other controls, bidi overrides, as the screen's own
            # `sanitize` sees them; a description may keep its tabs and line breaks)
            breaks = field_name != "description" and ("\t" in value or "\n" in value)
            if breaks or has_controls(value):
                raise UserError(f"{path}: {section[:-1]} {name!r}: {field_name} contains "
                                "control characters")
    return items


def load_codebook(corpus_root: Path) -> Codebook:
    """The corpus's codebook, or `Codebook.default()` when it has none.

    A broken file is a UserError naming it rather than a silent fallback: the coder would
    otherwise label against the wrong list.
    """
    path = codebook_path(corpus_root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Codebook.default()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: invalid TOML ({exc})") from exc
    labels = [Label.from_dict(d) for d in _entries(data, "labels", path)]
    tags = [TagDef.from_dict(d) for d in _entries(data, "tags", path)]
    return Codebook(labels=labels, tags=tags)


def _toml_str(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dumps_codebook(codebook: Codebook) -> str:
    parts = ["# reader codebook: labels for highlights, tags for articles\n"]
    for section, items in (("labels", codebook.labels), ("tags", codebook.tags)):
        for item in items:
            parts.append(f"\n[[{section}]]\n")
            for key, value in item.to_dict().items():
                parts.append(f"{key} = {_toml_str(str(value))}\n")
    return "".join(parts)


def save_codebook(corpus_root: Path, codebook: Codebook) -> Path:
    path = codebook_path(corpus_root)
    atomic_write(path, dumps_codebook(codebook).encode("utf-8"))
    return path
