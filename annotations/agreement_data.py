"""Gathering the agreement units from a corpus and its store (`annotations.agreement` is
the pure maths; this is the reading).

Sentences are the app's own (`reader.motion`), on body lines only: a line is left out when
the detector, with a coder's corrections, takes it for boilerplate for any compared coder,
since a line one coder struck as furniture is not one both could have coded. An article
whose file is missing or unreadable still counts for tags (tags do not need the text) but
has no sentences; `Gathered.warnings` says which.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotations.agreement import ArticleUnits, CoderWork, Span, Units, build_units
from reader.corpus import ArticleError, Corpus, read_article
from reader.motion import line_sentences
from reader.wording import plural


@dataclass(slots=True)
class Gathered:
    units: Units
    texts: dict[str, str] = field(default_factory=dict)  # article -> text, for display
    warnings: list[str] = field(default_factory=list)


def body_sentences(text: str, boilerplate_lines: set[int]) -> list[tuple[int, int]]:
    """The sentences of every non-blank line whose 1-based number is not boilerplate."""
    out: list[tuple[int, int]] = []
    pos = 0
    for number, line in enumerate(text.split("\n"), 1):
        end = pos + len(line)
        if line.strip() and number not in boilerplate_lines:
            out.extend(line_sentences(text, pos, end))
        pos = end + 1
    return out


def _boilerplate(text: str, corrections: list[Any], analyze: Any) -> set[int]:
    from annotations.export.corrected import corrected_marks

    marks = corrected_marks(text, corrections, analyze=analyze)
    return set(marks.boilerplate_lines)


def gather(
    corpus: Corpus,
    store: Any,
    coders: Sequence[str],
    *,
    labels: Sequence[str] = (),
    tags: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
    analyze: Any = None,
) -> Gathered:
    """The units of `coders` (at least two) over the corpus's annotations in `store`.

    `labels`/`tags` (the codebook's) come first in the report, in that order; `analyze`
    replaces the boilerplate detector (tests).
    """
    states = {c: {s.article: s for s in store.article_states(coder=c)} for c in coders}
    highlights: dict[str, dict[str, list[Span]]] = {c: {} for c in coders}
    for c in coders:
        for h in store.highlights(coder=c):
            highlights[c].setdefault(h.article, []).append(Span(h.start, h.end, h.label))
    done_somewhere = list({a for c in coders for a, s in states[c].items() if s.status == "done"})
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    done_somewhere.sort(key=lambda a: (order.get(a, len(order)), a))
    gathered = Gathered(build_units(coders, [], labels, tags))
    articles: list[ArticleUnits] = []
    outside = places = 0  # highlights no sentence takes, and the articles they are in
    total = len(done_somewhere)
    for n, aid in enumerate(done_somewhere, 1):
        work = {
            c: CoderWork(
                states[c][aid].status if aid in states[c] else "todo",
                frozenset(states[c][aid].tags) if aid in states[c] else frozenset(),
                highlights[c].get(aid, []),
            )
            for c in coders
        }
        sentences: list[tuple[int, int]] = []
        if all(w.status == "done" for w in work.values()):
            text = _text(corpus, aid, gathered.warnings)
            if text is not None:
                gathered.texts[aid] = text
                strike: set[int] = set()
                seen: set[tuple[str, ...]] = set()
                for c in coders:
                    mine = list(store.corrections(aid, coder=c))
                    key = tuple(sorted(x.id for x in mine))
                    if key not in seen:
                        seen.add(key)
                        strike |= _boilerplate(text, mine, analyze)
                sentences = body_sentences(text, strike)
                left = _not_compared(work.values(), sentences)
                outside, places = outside + left, places + bool(left)
        articles.append(ArticleUnits(aid, sentences, work))
        if progress is not None:
            progress(n, total)
    gathered.units = build_units(coders, articles, labels, tags)
    if outside:
        # two coders labelled one line differently, and the table said 100 %: the line was
        # boilerplate for one of them, so it was no unit. Say so, not just count nothing.
        gathered.warnings.append(
            f"{plural(outside, 'highlight')} in {plural(places, 'article')} "
            f"{'lies' if outside == 1 else 'lie'} only on lines "
            "that a compared coder's marks take for boilerplate, so they are not compared; "
            "to compare them, every coder corrects those lines to body (z)")
    return gathered


def _not_compared(works: Any, sentences: list[tuple[int, int]]) -> int:
    """Highlights that overlap no compared sentence (they lie on struck lines only)."""
    return sum(
        1 for w in works for h in w.highlights
        if not any(h.start < end and start < h.end for start, end in sentences)
    )


def _text(corpus: Corpus, aid: str, warnings: list[str]) -> str | None:
    article = corpus.get(aid)
    if article is None:
        warnings.append(f"{aid}: not in the corpus; its sentences are left out")
        return None
    try:
        return read_article(article, max(article.size, 1) + 1024 * 1024).text
    except ArticleError as exc:
        warnings.append(f"{aid}: {exc}; its sentences are left out")
        return None
