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

# A tag is a code's name, not a sentence: it is a filter token (`tag:NAME`), a hashtag in
# exports, a CSV cell and a row in the tag box and the list header. 64 characters hold the
# longest names in use (several words joined by `-`) and still fit an 80-column terminal
# beside the title; a 400-character tag is a note pasted into the wrong box.
MAX_TAG_LENGTH = 64


def normalize_tag(tag: str) -> str:
    """The tag's one spelling: trimmed, inner whitespace runs as one `-`, no leading `#`."""
    tag = tag.strip().lstrip("#").strip()
    return _SPACE_RE.sub("-", tag)


def name_too_long(kind: str, name: str, elsewhere: str = "a note") -> str | None:
    """One line saying why the `kind` ("tag", "label") called `name` is refused for being
    long; None when it fits. Tags and codebook labels share the limit and the wording: a
    label is also a filter token (`label:NAME`), a CSV cell and a row in the codebook."""
    if len(name) <= MAX_TAG_LENGTH:
        return None
    return (f"{kind} {name[:24]!r}… is {len(name)} characters; a {kind} holds at most "
            f"{MAX_TAG_LENGTH} (a longer text belongs in {elsewhere})")


def tag_too_long(tag: str) -> str | None:
    """One line saying why `tag` (normalised) is refused for being long; None when it fits."""
    return name_too_long("tag", tag)


def label_too_long(label: str) -> str | None:
    """One line saying why a codebook label `label` is refused for being long (the tag
    rule); None when it fits."""
    return name_too_long("label", label, "its description")


def same_tag(a: str, b: str) -> bool:
    """Whether two spellings name one tag (normalised, ignoring case)."""
    return normalize_tag(a).lower() == normalize_tag(b).lower()
