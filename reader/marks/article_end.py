"""Where the article ends: body verdicts under a section header that closes it.

Below an article, pages put sections of their own under a short header: "Related
stories", "More from ...", "Recommended", "Comments", "Share", "Tags", "About the author",
"Popular", "Sponsored", "Newsletter", "Subscribe". The model marks the header itself (a
short line with a furniture word) but often keeps what follows it as body: a teaser's
summary, a company's "About" paragraph, an appeal, a fact-check's "Sources". Islands
(`islands.py`) catch such text only when a long stretch of furniture separates it from the
article. Here the header is the boundary: under the article's last strong paragraph, the
first furniture line that opens like such a header ends the article, and the body verdicts
below it become furniture, as long as they are a small part (`TAIL_SHARE`) of the page's
body, so an article that resumes under a header in its middle ("Recommended Reading"
between two paragraphs, footnotes under a "Subscribe" button) keeps its text. Out of
sample (eighth boilerplate round, bench/README_marks.md) it removed furniture on every
set and almost no body.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

# a short furniture line that opens like one of these is a section of the page's own
END_HEADER = re.compile(
    r"^(related|more|recommended|comments?|share|tags?|topics|about the author|"
    r"you may also|read more|popular|trending|most (read|popular)|sponsored|advertisement|"
    r"newsletter|sign up|subscribe)\b", re.I)
HEADER_MAX = 60  # characters: a header, not a sentence that starts with "More"
JOIN = 2  # non-body lines that still join two body lines into one block
STRONG_P = 0.2  # a line of the main block under this p(boilerplate) and ...
STRONG_CHARS = 80  # ... this long is the article's prose
TAIL_SHARE = 0.1  # the body under the header must hold at most this share of the page's body


def tail_below_header(is_body: Sequence[bool], texts: Sequence[str], p_bp: Sequence[float],
                      protected: Collection[int] = ()) -> list[int]:
    """Positions (into the page's non-blank lines: `is_body` their verdicts, `texts` them
    stripped, `p_bp` the model's probabilities) of the body lines under the header that
    ends the article. The article is the block of body lines (joined across `JOIN` other
    lines) with the most characters; its end is its last prose line (p < `STRONG_P`,
    `STRONG_CHARS`+ characters), or its last line. Nothing when there is no such header,
    when the lines under it hold more than `TAIL_SHARE` of the body's characters, or when
    one of them is in `protected` (a line the user marked as body)."""
    body = [k for k, b in enumerate(is_body) if b]
    if not body:
        return []
    blocks: list[list[int]] = []
    last = -JOIN - 2
    for k in body:
        if k - last - 1 <= JOIN and blocks:
            blocks[-1].append(k)
        else:
            blocks.append([k])
        last = k
    sizes = [sum(len(texts[k]) for k in block) for block in blocks]
    main = blocks[max(range(len(blocks)), key=sizes.__getitem__)]
    strong = [k for k in main if p_bp[k] < STRONG_P and len(texts[k]) >= STRONG_CHARS]
    anchor = strong[-1] if strong else main[-1]
    wall = next((k for k in range(anchor + 1, len(texts))
                 if not is_body[k] and len(texts[k]) < HEADER_MAX
                 and END_HEADER.match(texts[k])), None)
    if wall is None:
        return []
    tail = [k for k in body if k > wall]
    if not tail or any(k in protected for k in tail):
        return []
    total = sum(len(texts[k]) for k in body)
    if sum(len(texts[k]) for k in tail) > TAIL_SHARE * total:
        return []
    return tail
