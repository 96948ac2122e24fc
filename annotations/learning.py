"""Learning from line corrections: one `z` teaches the corpus, not just one line.

A line correction (`line_body` / `line_boilerplate`) made on article A says more than
"line n of A is wrong". It is applied, in this order of strength:

1. **the line itself** (A, line n, its text): the strongest; `corrected.locate_line`.
2. **the same text elsewhere**: every line, in any article (A's other copies included),
   whose normalised text (`reader.marks.text.normalise_line`) equals the corrected line's
   gets the same verdict. A menu item or a byline template that recurs is one decision.
3. **the same shape on the same site**: when the corrected line holds digits (a dateline
   "Nov. 19, 2019, 8:41 AM UTC", "12 comments", "Page 2 of 5"), lines of the same site
   whose text is the same once every run of digits is read as one digit.
4. **the same template on the same site**: a line of another article *of the same site*
   whose nearest non-blank neighbours above and below have the same normalised texts as
   the corrected line's neighbours had. Pages of one site are printed from one template:
   the byline sits under the same section label and above the same "Share" button, the
   caption under the same "Advertisement" marker, although their own texts differ.
   "Same site" is `site_of(article id)`: the folder the file is in (a `.jsonl` file with
   its records counts as one folder). Both neighbours must match (a missing neighbour at
   the top or bottom of a page matches only a missing one), which keeps the rule off
   article paragraphs: a paragraph's neighbours are paragraphs no other page has.

Own corrections of an article always beat what was learned from other articles, and
among learned ones the later correction wins. The neighbours are recorded in the
correction's `value` (JSON, see `context_of`) when it is made, so the rule keeps working
after article A is edited or removed, is exported with the correction, and one correction
is one undo step. Nothing here imports Textual or the detectors' heavy modules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotations.model import Correction, CorrectionKind

LINE_KINDS = {CorrectionKind.LINE_BODY.value, CorrectionKind.LINE_BOILERPLATE.value}
CONTEXT_TAG = "template"  # marks a `value` written by `context_of`


def _normalise(s: str) -> str:
    try:
        from reader.marks.text import normalise_line
    except ImportError:  # the detectors are optional for the annotations package
        return " ".join(s.split()).casefold()
    return normalise_line(s)


def line_keys(text: str) -> list[str]:
    """Normalised key of every line of `text.split("\\n")` ("" for blank lines)."""
    try:
        from reader.marks.text import text_line_keys
    except ImportError:
        return [_normalise(line) for line in text.split("\n")]
    return text_line_keys(text)


_DIGITS = re.compile(r"\d+")


def shape(key: str) -> str | None:
    """A normalised line with every run of digits read as "0"; None without digits."""
    masked = _DIGITS.sub("0", key)
    return masked if masked != key else None


def site_of(article_id: str) -> str:
    """The site an article belongs to for template learning: its folder (or JSONL file)."""
    base = article_id.split("#", 1)[0] if "#" in article_id else article_id
    if "#" in article_id:
        return base
    return base.rsplit("/", 1)[0] if "/" in base else ""


def neighbours(keys: Sequence[str], i: int) -> tuple[str, str]:
    """Keys of the nearest non-blank lines above and below line `i` (0-based); "" if none."""
    above = next((keys[j] for j in range(i - 1, -1, -1) if keys[j]), "")
    below = next((keys[j] for j in range(i + 1, len(keys)) if keys[j]), "")
    return above, below


def context_of(text: str, line: int, article_id: str) -> str:
    """The `value` of a line correction made on `line` (1-based) of `text`: its template."""
    keys = line_keys(text)
    above, below = neighbours(keys, line - 1)
    return json.dumps(
        {"kind": CONTEXT_TAG, "site": site_of(article_id), "above": above, "below": below},
        ensure_ascii=False,
    )


@dataclass(frozen=True, slots=True)
class Template:
    site: str
    above: str
    below: str


def template_of(c: Correction) -> Template | None:
    """The template recorded on a line correction, or None (older or foreign values)."""
    if not c.value or not c.value.startswith("{"):
        return None
    try:
        data = json.loads(c.value)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("kind") != CONTEXT_TAG:
        return None
    site, above, below = data.get("site"), data.get("above"), data.get("below")
    if not all(isinstance(v, str) for v in (site, above, below)):
        return None
    if not (above or below):  # a one-line page: no template to recognise
        return None
    return Template(site, above, below)


def learned_verdicts(
    text: str, article_id: str | None, corrections: Iterable[Correction],
    keys: Sequence[str] | None = None,
) -> dict[int, bool]:
    """Line (1-based) → is-boilerplate, learned from the line corrections (all articles').

    Steps 2 to 4 of the module docstring; the caller lays the article's own exact-line
    corrections over the result.
    """
    line_corrections = sorted(
        (c for c in corrections if c.kind in LINE_KINDS and c.text), key=lambda c: c.created
    )
    if not line_corrections:
        return {}
    if keys is None:
        keys = line_keys(text)
    site = site_of(article_id) if article_id is not None else None
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k:
            where.setdefault(k, []).append(i)
    context: dict[tuple[str, str], list[int]] | None = None
    shapes: dict[str, list[int]] | None = None
    verdict: dict[int, bool] = {}
    for c in line_corrections:
        bad = c.kind == CorrectionKind.LINE_BOILERPLATE.value
        for i in where.get(_normalise(c.text or ""), ()):
            verdict[i + 1] = bad
        t = template_of(c)
        if t is None or site is None or t.site != site:
            continue
        masked = shape(_normalise(c.text or ""))
        if masked is not None:
            if shapes is None:
                shapes = {}
                for i, k in enumerate(keys):
                    m = shape(k) if k else None
                    if m is not None:
                        shapes.setdefault(m, []).append(i)
            for i in shapes.get(masked, ()):
                verdict[i + 1] = bad
        if context is None:
            context = {}
            for i, k in enumerate(keys):
                if k:
                    context.setdefault(neighbours(keys, i), []).append(i)
        for i in context.get((t.above, t.below), ()):
            verdict[i + 1] = bad
    return verdict
