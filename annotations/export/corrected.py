"""Detection with the user's corrections applied: what the clean-text and quote exports use.

Corrections override detection everywhere (see `annotations.model.Correction`). Line
corrections become `analyze`'s forced_* arguments; quotation corrections are applied to its
result by span. A line correction remembers the line's text, so when the article was edited
and the line moved, it follows the text rather than the number; if the text is gone, the
correction no longer applies (it is not guessed onto another line).

`reader.marks` is imported lazily: exporting Markdown or JSON must work without the
detectors, and tests pass a fake `analyze`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from annotations.model import Correction, CorrectionKind
from reader.errors import UserError

Analyze = Callable[..., Any]

LINE_KINDS = {CorrectionKind.LINE_BODY.value, CorrectionKind.LINE_BOILERPLATE.value}
QUOTE_KINDS = {
    CorrectionKind.QUOTE_REJECT.value,
    CorrectionKind.QUOTE_KIND.value,
    CorrectionKind.QUOTE_SPEAKER.value,
}


def default_analyze() -> Analyze:
    try:
        from reader.marks import analyze
    except ImportError as exc:  # a broken install, not the user's doing: still say it plainly
        raise UserError(f"boilerplate and quotation detection is not available ({exc})") from exc
    return analyze


def _normalise(s: str) -> str:
    try:
        from reader.marks.text import normalise_line
    except ImportError:  # the detectors are optional for this module
        return " ".join(s.split()).casefold()
    return normalise_line(s)


def locate_line(lines: Sequence[str], c: Correction) -> int | None:
    """1-based line a line correction applies to now, or None when its text is gone.

    The recorded number wins when its text still matches; otherwise the nearest line with
    the recorded text (ties go to the earlier line).
    """
    if c.line is None and c.text is None:
        return None
    if c.text is None:
        return c.line if c.line is not None and 1 <= c.line <= len(lines) else None
    key = _normalise(c.text)
    if c.line is not None and 1 <= c.line <= len(lines) and _normalise(lines[c.line - 1]) == key:
        return c.line
    hits = [i + 1 for i, ln in enumerate(lines) if _normalise(ln) == key]
    if not hits:
        return None
    origin = c.line or 1
    return min(hits, key=lambda n: (abs(n - origin), n))


def forced_arguments(
    text: str, corrections: Iterable[Correction], article: str | None = None
) -> tuple[frozenset[int], frozenset[int], frozenset[str]]:
    """(forced_body, forced_boilerplate, boilerplate_texts) for `analyze`.

    Later corrections of the same line win, so ordering is by `created`. Line numbers are
    1-based like `Marks.boilerplate_lines`; texts are `normalise_line` keys.

    With `article` given, `corrections` may be the whole corpus's: line corrections of
    other articles then teach this one (same text, same site template; see
    `annotations.learning`), and this article's own line corrections are laid on top.
    Without it every line correction is taken as this article's own (the old contract).
    """
    from annotations.learning import learned_verdicts

    corrections = list(corrections)
    lines = text.split("\n")
    verdict: dict[int, bool] = {}
    if article is not None:
        verdict.update(learned_verdicts(text, article, corrections))
    texts: set[str] = set()
    for c in sorted(corrections, key=lambda c: c.created):
        if c.kind == CorrectionKind.TEXT_BOILERPLATE.value and c.text:
            texts.add(_normalise(c.text))
        elif c.kind in LINE_KINDS and (article is None or c.article == article):
            n = locate_line(lines, c)
            if n is not None:
                verdict[n] = c.kind == CorrectionKind.LINE_BOILERPLATE.value
    body = frozenset(n for n, bp in verdict.items() if not bp)
    boilerplate = frozenset(n for n, bp in verdict.items() if bp)
    return body, boilerplate, frozenset(texts)


def _replace(obj: Any, **changes: Any) -> Any:
    """Copy a Quote whether it is a dataclass or a NamedTuple."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **changes)
    return obj._replace(**changes)


def _coerce_kind(current: Any, value: str) -> Any:
    """Keep the detector's kind type (an enum) when the corrected value is one of its members."""
    enum_type = type(current)
    if enum_type is not str and hasattr(enum_type, "__members__"):
        try:
            return enum_type(value)
        except ValueError:
            return value
    return value


def apply_quote_corrections(quotes: Sequence[Any], corrections: Iterable[Correction]) -> tuple:
    """Quotes after rejections, kind and speaker changes, matched by exact (start, end)."""
    by_span: dict[tuple[int, int], list[Correction]] = {}
    for c in sorted(corrections, key=lambda c: c.created):
        if c.kind in QUOTE_KINDS and c.start is not None and c.end is not None:
            by_span.setdefault((c.start, c.end), []).append(c)
    out = []
    for q in quotes:
        rejected = False
        for c in by_span.get((q.start, q.end), []):
            if c.kind == CorrectionKind.QUOTE_REJECT.value:
                rejected = True
            elif c.kind == CorrectionKind.QUOTE_KIND.value and c.value:
                q = _replace(q, kind=_coerce_kind(q.kind, c.value))
            elif c.kind == CorrectionKind.QUOTE_SPEAKER.value:
                q = _replace(q, speaker=c.value or None)
        if str(getattr(q, "kind", "")) == "term" and getattr(q, "speaker", None) is not None:
            q = _replace(q, speaker=None)  # a term has no speaker (back to speech: it has)
        if not rejected:
            out.append(q)
    return tuple(out)


def apply_title_correction(
    text: str, marks: Any, corrections: Iterable[Correction], forced_body: frozenset[int]
) -> Any:
    """`marks` with the headline the user chose (`line_title`, the latest wins).

    The line the detector took for the headline becomes boilerplate (a kicker, a section
    label, a masthead: what it is mistaken for), unless the user said it is body. Without
    this, a `z` on a wrong headline let the detector pick the next candidate, which could
    be a menu line, and the list and the exports showed that.
    """
    chosen = [c for c in corrections if c.kind == CorrectionKind.LINE_TITLE.value]
    if not chosen:
        return marks
    latest = max(chosen, key=lambda c: c.created)
    lines = text.split("\n")
    n = locate_line(lines, latest)
    if n is None or n == marks.title_line or not lines[n - 1].strip():
        return marks
    if any(c.kind == CorrectionKind.LINE_BOILERPLATE.value and c.created > latest.created
           and locate_line(lines, c) == n for c in corrections):
        return marks  # marked furniture since it was chosen: the choice is withdrawn
    kinds = list(marks.line_kinds)
    title_kind, boiler_kind = _line_kind("title"), _line_kind("boilerplate")
    old = marks.title_line
    if old is not None and 0 < old <= len(kinds) and old not in forced_body:
        kinds[old - 1] = boiler_kind
    elif old is not None and 0 < old <= len(kinds):
        kinds[old - 1] = _line_kind("body")
    kinds[n - 1] = title_kind
    return _replace(marks, title_line=n, line_kinds=tuple(kinds))


def _line_kind(name: str) -> Any:
    """The detector's LineKind member called `name`, or the plain string without it."""
    try:
        from reader.marks import LineKind
    except ImportError:
        return name
    return LineKind(name)


def corrected_marks(
    text: str,
    corrections: Iterable[Correction],
    *,
    repeated: frozenset[str] | None = None,
    analyze: Analyze | None = None,
    article: str | None = None,
) -> Any:
    """`analyze(text)` as the user corrected it: the marks every export should believe.

    `corrections` may mix this article's corrections with corpus-wide ones; only the
    kinds that apply are used. With `article` given they may be every article's: line
    corrections elsewhere then teach this article (`annotations.learning`), and quotation
    corrections apply only to the article they were made on.
    """
    corrections = list(corrections)
    body, boilerplate, texts = forced_arguments(text, corrections, article)
    run = analyze if analyze is not None else default_analyze()
    marks = run(
        text,
        repeated=repeated,
        forced_body=body,
        forced_boilerplate=boilerplate,
        boilerplate_texts=texts,
    )
    if article is not None:
        corrections = [c for c in corrections if c.article in (None, article)]
    marks = apply_title_correction(text, marks, corrections, body)
    quotes = apply_quote_corrections(marks.quotes, corrections)
    if quotes == tuple(marks.quotes):
        return marks
    return _replace(marks, quotes=quotes)
