"""One spelling of a tag, used by the store, the filter, every export and `#hashtags`.

A tag typed as "north korea" and one typed as "north-korea" are the same tag: a hashtag
cannot hold a space, a filter token cannot either, and a coder who types both means one
thing. So whitespace runs (and the `#` a coder may type out of habit at the start) are
folded once, here, and everything that stores or compares tags goes through this
function. Case is kept as typed (comparisons ignore it), so "EU" stays "EU".
"""

from __future__ import annotations

import re

_SPACE_RE = re.compile(r"\s+")


def normalize_tag(tag: str) -> str:
    """The tag's one spelling: trimmed, inner whitespace runs as one `-`, no leading `#`."""
    tag = tag.strip().lstrip("#").strip()
    return _SPACE_RE.sub("-", tag)


def same_tag(a: str, b: str) -> bool:
    """Whether two spellings name one tag (normalised, ignoring case)."""
    return normalize_tag(a).lower() == normalize_tag(b).lower()
