"""Finding a highlight again after its article changed (re-scraped, cleaned, edited).

Order of attempts, cheapest and surest first: the article is byte-identical (content hash);
the quote is still at its offsets; the quote occurs elsewhere, exactly (the surrounding
32 characters pick between repeats); the quote occurs approximately (rapidfuzz alignment,
score >= 85, and for short quotes the surrounding context must agree too, since "Johnson"
and "Johnston" score 93 on their own). Failing all that the highlight is *orphaned*: kept
with its quote and listed, never dropped and never attached to a look-alike passage.
"""

from __future__ import annotations

from annotations.model import Anchor, AnchorStatus, Highlight, content_hash

THRESHOLD = 85.0
SHORT_QUOTE = 40  # below this many characters the quote alone is too weak to trust
WHOLE_TEXT_LIMIT = 200_000  # longer articles are searched near the old position only
NEAR_WINDOW = 50_000
MAX_REPEATS = 1000

Result = tuple[AnchorStatus, int, int, float | None]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    i = text.find(quote)
    while i >= 0 and len(found) < MAX_REPEATS:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _best_occurrence(h: Highlight, text: str, found: list[int]) -> int:
    """Among repeats of the quote, the one whose surroundings match best, then the nearest."""

    def rank(i: int) -> tuple[int, int]:
        before = text[max(0, i - len(h.prefix)) : i]
        after = text[i + len(h.exact) : i + len(h.exact) + len(h.suffix)]
        context = _common_suffix(before, h.prefix) + _common_prefix(after, h.suffix)
        return (-context, abs(i - h.start))

    return min(found, key=rank)


def _fuzzy(h: Highlight, text: str, threshold: float) -> tuple[int, int, float]:
    """Best approximate location of the quote, as (start, end, score); score 0 if none."""
    from rapidfuzz import fuzz  # imported here: only edited articles pay for it

    quote = h.exact
    if len(text) < len(quote):  # partial_ratio would match the text inside the quote
        return 0, len(text), float(fuzz.ratio(quote, text))
    lo = 0
    window = text
    if len(text) > WHOLE_TEXT_LIMIT:
        lo = max(0, h.start - NEAR_WINDOW)
        window = text[lo : h.end + NEAR_WINDOW]
    found = fuzz.partial_ratio_alignment(quote, window)
    if found is None:
        return h.start, h.end, 0.0
    start, end, score = lo + found.dest_start, lo + found.dest_end, float(found.score)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if score >= threshold and len(quote) < SHORT_QUOTE and (h.prefix or h.suffix):
        # A short quote must also sit in recognisably the same surroundings.
        needle = h.prefix + quote + h.suffix
        around = text[max(0, start - len(h.prefix) - 8) : end + len(h.suffix) + 8]
        score = min(score, float(fuzz.partial_ratio(needle, around)))
    return start, end, score


def reanchor(
    highlight: Highlight,
    text: str,
    *,
    text_hash: str | None = None,
    threshold: float = THRESHOLD,
) -> Result:
    """Where `highlight` is in `text` now: (status, start, end, score).

    `score` is 100 for exact and moved, the similarity for fuzzy, and the best (too low)
    similarity found for orphaned, whose offsets are left as they were. Pass `text_hash`
    when re-anchoring many highlights of one article, to hash it once.
    """
    h = highlight
    in_range = 0 <= h.start < h.end <= len(text)
    if h.content_hash and in_range and (text_hash or content_hash(text)) == h.content_hash:
        return AnchorStatus.EXACT, h.start, h.end, 100.0
    if not h.exact:
        # Migrated from a version that kept no quote: the offsets are all there is.
        if in_range:
            return AnchorStatus.EXACT, h.start, h.end, 100.0
        return AnchorStatus.ORPHANED, h.start, h.end, 0.0
    if in_range and text[h.start : h.end] == h.exact:
        return AnchorStatus.EXACT, h.start, h.end, 100.0
    found = _occurrences(text, h.exact)
    if found:
        i = found[0] if len(found) == 1 else _best_occurrence(h, text, found)
        return AnchorStatus.MOVED, i, i + len(h.exact), 100.0
    start, end, score = _fuzzy(h, text, threshold)
    if score >= threshold and start < end:
        return AnchorStatus.FUZZY, start, end, round(score, 1)
    return AnchorStatus.ORPHANED, h.start, h.end, round(score, 1)


def reanchored(h: Highlight, text: str, text_hash: str | None = None) -> tuple[Highlight, bool]:
    """A copy of `h` placed in `text`, and whether anything about it changed.

    A highlight that moved keeps the status "moved" while it stays put. Exact and moved ones
    take their context (and the text's hash) afresh, so the next check is a hash compare; a
    fuzzy or orphaned one keeps the coder's original quote, so it is matched afresh (and
    stays flagged) until the coder re-attaches it.
    """
    text_hash = text_hash or content_hash(text)
    status, start, end, score = reanchor(h, text, text_hash=text_hash)
    if (
        status == AnchorStatus.EXACT
        and h.status == AnchorStatus.MOVED
        and ((start, end) == (h.start, h.end))
    ):
        status = AnchorStatus.MOVED
    new = Highlight.from_dict(h.to_dict())
    new.start, new.end, new.status, new.score = start, end, status.value, score
    if status in (AnchorStatus.EXACT, AnchorStatus.MOVED):
        anchor = Anchor.at(text, start, end)
        new.exact, new.prefix, new.suffix = anchor.exact, anchor.prefix, anchor.suffix
        new.content_hash = text_hash
    if status == AnchorStatus.EXACT and h.score is None:
        new.score = None  # exact highlights carry no score, as when created
    return new, new.to_dict() != h.to_dict()
