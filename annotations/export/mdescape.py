"""Escaping article text for Markdown, YAML front matter and Obsidian tags.

Scraped news text is hostile by accident: a line that starts with `#` or `1.`, a `---`
under a paragraph (a setext heading), `<script>` from a page template, `[[` or `%%` (which
Obsidian reads as a wiki link or a comment and hides the rest of the note), `$5 and $10`
(Obsidian math), terminal escape codes. Everything Markdown, GFM or Obsidian could read as
syntax is backslash-escaped (CommonMark renders `\\x` as `x` for any ASCII punctuation), so
the rendered note shows exactly the article's words and the note's structure cannot be
broken by them. Leading indentation is dropped because inside a blockquote it would turn
a line into a code block.
"""

from __future__ import annotations

import json
import re
import unicodedata

# CSI/OSC escape sequences first (so their parameters go too), then any other control char.
_ANSI_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_ALWAYS = set("\\`*[]<>#|$&~^")
_ORDERED_RE = re.compile(r"^(\d{1,9})([.)])")
_TAG_UNSAFE_RE = re.compile(r"[^\w\-]+")


def strip_controls(s: str) -> str:
    """Drop terminal escape sequences and control/format characters (tabs become spaces).

    Bidi overrides and zero-width characters are format characters (Cf) that could make a
    note display something other than what it says.
    """
    s = _ANSI_RE.sub("", s).replace("\t", " ")
    return "".join(
        ch for ch in s if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )


def escape_inline(line: str) -> str:
    """Escape one line of text so it renders literally in any Markdown block."""
    line = strip_controls(line).replace("\n", " ").strip()
    out: list[str] = []
    n = len(line)
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else ""
        nxt = line[i + 1] if i + 1 < n else ""
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "_":
            # intraword `_` never makes emphasis in CommonMark: keep snake_case readable
            out.append("_" if prev.isalnum() and nxt.isalnum() else "\\_")
        elif (ch == "%" and (nxt == "%" or prev == "%")) or (
            ch == "=" and (nxt == "=" or prev == "=")
        ):
            out.append("\\" + ch)  # Obsidian comments (%%) and highlights (==)
        else:
            out.append(ch)
    text = "".join(out)
    if text[:1] in ("-", "+", "="):
        text = "\\" + text  # list item, setext underline, thematic break
    elif m := _ORDERED_RE.match(text):
        text = f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return text


def escape_block(text: str) -> list[str]:
    """Escaped lines of a multi-line text; blank lines are kept as paragraph breaks."""
    lines = [escape_inline(ln) for ln in strip_controls(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    collapsed: list[str] = []
    for ln in lines:
        if ln or (collapsed and collapsed[-1]):
            collapsed.append(ln)
    return collapsed


def blockquote(text: str) -> str:
    """A blockquote of `text`; every line is escaped, blank lines stay inside the quote."""
    lines = escape_block(text) or ["\u2026"]
    return "\n".join(f"> {ln}" if ln else ">" for ln in lines)


def yaml_string(s: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax, which YAML 1.2 and 1.1 both read).

    Characters YAML forbids unescaped (C1 controls, DEL, non-characters, surrogates) and
    line separators are written as `\\u` escapes.
    """
    dumped = json.dumps(s, ensure_ascii=False)
    return "".join(f"\\u{ord(ch):04x}" if _yaml_unprintable(ch) else ch for ch in dumped)


def _yaml_unprintable(ch: str) -> bool:
    o = ord(ch)
    return (
        0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF, 0x2028, 0x2029, 0xFEFF)
    )


def hashtag(tag: str) -> str:
    """An Obsidian-safe `#tag`, or "" when nothing usable is left.

    Obsidian tags allow letters, digits, `_`, `-` (and `/` for nesting, which a free-text
    tag should not trigger); they may not be all digits. Runs of anything else become `-`.
    """
    safe = _TAG_UNSAFE_RE.sub("-", strip_controls(tag).strip()).strip("-")
    safe = re.sub(r"-{2,}", "-", safe)
    if not safe:
        return ""
    if safe.replace("_", "").replace("-", "").isdigit():
        safe = "tag-" + safe
    return "#" + safe


def link_target(path: str) -> str:
    """A Markdown link destination for a relative path: percent-encoded, `/`-separated.

    Spaces, parentheses and `#` in file names would end or split a bare destination;
    Obsidian and CommonMark both decode `%20`.
    """
    from urllib.parse import quote

    return quote(path, safe="/:._-~")
