"""Two things a coder does to corrections besides `z`: fix the headline, and revert one.

`z` on the headline (the cursor opens there) used to mark it boilerplate at once, its
copies with it; the detector then took the next candidate, often a menu line ("NEWS
Toggle navigation"), and the list and the exports showed that. Now `z` there asks: mark it
boilerplate (saying which line becomes the headline), choose the headline among the lines
around it (a `line_title` correction), or keep it. Either change is one `u` step.

`u` reaches only the changes of this session. `R` lists the corrections that act on the
open article (its own, the corpus-wide ones, and those made on other articles that
reach it through the same line text), newest first, with when and by whom; `enter`
removes one, so yesterday's mistake can be taken back. Removing is itself undoable.
`z` again on a line an earlier `z` of the article marked does the same for that line
(`take_back`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotations.model import Correction, CorrectionKind, new_id
from reader.textlayout import sanitize
from reader.tui.screens import ChoiceScreen

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

AROUND = 12  # non-blank lines offered on each side of the headline when choosing another
PREVIEW_MAX = 200_000  # characters: a larger article is not re-analysed for the preview


def short(text: str, width: int = 50) -> str:
    """`text` on one line, inert (an article's line may hold escapes), cut to `width`."""
    flat = " ".join(sanitize(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _title_text(text: str, marks: Any) -> str | None:
    n = getattr(marks, "title_line", None)
    lines = text.split("\n")
    return lines[n - 1] if n is not None and 0 < n <= len(lines) else None


def take_back(app: ReaderApp, article: str, line: int, is_bp: bool) -> bool:
    """`z` on a line whose mark is this article's own earlier line correction: remove that
    correction (one `u` step) rather than add a second, opposite one. True when done.

    The opposite correction left both on record, forced the line's kind for good (the
    detector no longer judged it) and taught the line's template to other articles, so
    taking back yesterday's `z` changed lines it had never changed. Only when removing
    really flips the line; otherwise `z` corrects as usual.
    """
    store = app.store.store
    if store is None or app.store.readonly or len(app.article_text) > PREVIEW_MAX:
        return False
    from annotations.export.corrected import LINE_KINDS, locate_line
    from reader.pipeline import article_marks

    lines = app.article_text.split("\n")
    every = store.corrections()
    own = [c for c in every if c.article == article and c.kind in LINE_KINDS
           and locate_line(lines, c) == line]
    if not own:
        return False
    latest = max(own, key=lambda c: c.created)
    if (latest.kind == CorrectionKind.LINE_BOILERPLATE.value) != is_bp:
        return False
    rest = [c for c in every if c.id != latest.id]
    kinds = article_marks(app.article_text, article, repeated=app.repeated,
                          corrections=rest).line_kinds
    kind = kinds[line - 1] if line - 1 < len(kinds) else "body"
    if (getattr(kind, "value", kind) == "boilerplate") == is_bp:
        return False  # the detector says the same without it: correct as usual
    from reader.tui.learn import corrections_now, report_undone

    had = corrections_now(app)

    def removed(_: Any) -> None:
        app.open_article_keep_cursor()
        app.refresh_annotations()
        by = f" by {latest.coder}" if latest.coder else ""
        app.notify(f"line {line} → {'body' if is_bp else 'boilerplate'}: the correction "
                   f"of {_when(latest.created)}{by} is taken back (u undoes)", timeout=4)
        report_undone(app, had)

    app.store.change(app, "remove_correction", latest.id, then=removed)
    return True


def highlights_on_line(app: ReaderApp, article: str, line: int) -> str:
    """`; its 1 highlight is kept…` when the line now marked boilerplate holds some: with
    boilerplate hidden (b) they vanish from the screen, and a coder took them for lost."""
    from reader.wording import plural

    text = app.article_text
    start = sum(len(x) + 1 for x in text.split("\n")[: line - 1])
    end = start + len(text.split("\n")[line - 1])
    held = [h for h in app.store.highlights(article)
            if h.status != "orphaned" and h.start < end and h.end > start]
    if not held:
        return ""
    return (f"; its {plural(len(held), 'highlight')} kept and exported "
            "(hidden with the line when b hides boilerplate)")


def headline_after(app: ReaderApp, article: str, extra: Correction) -> str | None | bool:
    """The headline line's text once `extra` is added; False when it was not worked out."""
    text = app.article_text
    store = app.store.store
    if len(text) > PREVIEW_MAX or store is None:
        return False
    from reader.pipeline import article_marks

    marks = article_marks(text, article, repeated=app.repeated,
                          corrections=[*store.corrections(), extra])
    return _title_text(text, marks)


def ask_about_headline(app: ReaderApp, article: str, line: int, text: str,
                       mark_boilerplate: Callable[[], None]) -> None:
    """`z` on the headline: boilerplate (saying what becomes the headline), another, or keep."""
    from annotations.learning import context_of

    trial = Correction(id=new_id(), kind=CorrectionKind.LINE_BOILERPLATE.value,
                       article=article, line=line, text=text,
                       value=context_of(app.article_text, line, article))
    after = headline_after(app, article, trial)
    if after is False:
        then = "the detector picks another line as the headline"
    elif after is None:
        then = "the article has no headline then"
    else:
        then = f"the headline becomes “{short(after, 40)}”"
    options = [
        ("boilerplate", f"Not the headline, furniture: boilerplate ({then})"),
        ("choose", "Another line is the headline: choose it…"),
        ("keep", "Keep it: it is the headline"),
    ]

    def answered(choice: str | None) -> None:
        if choice == "boilerplate":
            mark_boilerplate()
        elif choice == "choose":
            choose_headline(app, article, line)
        else:
            app.notify("nothing changed: still the headline", timeout=1.5)

    app.push_screen(ChoiceScreen(f"Line {line} is the headline: “{short(text)}”", options,
                                 "u undoes either change · esc keeps it"), answered)


def choose_headline(app: ReaderApp, article: str, current: int) -> None:
    """Offer the non-blank lines around the headline; the one chosen becomes it."""
    lines = app.article_text.split("\n")
    kinds = list(getattr(app.marks, "line_kinds", ()))
    filled = [n for n, ln in enumerate(lines, 1) if ln.strip() and n != current]
    before = [n for n in filled if n < current][-AROUND:]
    after = [n for n in filled if n > current][:AROUND]

    def label(n: int) -> str:
        kind = kinds[n - 1] if n - 1 < len(kinds) else "body"
        dim = " (boilerplate)" if getattr(kind, "value", kind) == "boilerplate" else ""
        head = f"line {n}: "
        # one row per line, also at 80 columns (two-row options halved what was offered)
        room = max(16, min(60, app.size.width - 20) - len(head) - len(dim))
        return f"{head}{short(lines[n - 1], room)}{dim}"

    options = [(str(n), label(n)) for n in [*before, *after]]
    if not options:
        app.notify("no other line to choose", severity="warning")
        return

    def chosen(value: str | None) -> None:
        if value is None:
            app.notify("nothing changed", timeout=1.5)
            return
        n = int(value)
        correction = Correction(id=new_id(), kind=CorrectionKind.LINE_TITLE.value,
                                article=article, line=n, text=lines[n - 1])

        def saved(_: Any) -> None:
            app.open_article_keep_cursor()
            app.notify(f"the headline is now line {n}: “{short(lines[n - 1])}” "
                       f"(line {current} → boilerplate; u undoes)", timeout=4)
            app.refresh_annotations()

        app.store.change(app, "add_correction", correction, then=saved)

    # (highlighted first: the line under the headline, where the real one mostly is)
    app.push_screen(ChoiceScreen(f"Which line is the headline? (now line {current})",
                                 options, "enter makes it the headline · esc: nothing changes",
                                 start=len(before) if after else 0),
                    chosen)


# -- reverting a correction of an earlier session ---------------------------------------


def _when(created: str) -> str:
    """`12-07 14:02` this year (it fits a row at 80 columns), `2025-12-07` before."""
    if not created:
        return "?"
    from annotations.model import now_iso

    if created[:4] != now_iso()[:4]:
        return created[:10]
    return created[5:16].replace("T", " ")


def describe(c: Correction, text: str, article: str, width: int = 0) -> str:
    """One line a coder recognises: what the correction says, where, when and by whom;
    with `width`, the quoted text is cut so that the line fits in that many cells."""
    if width:
        whole = describe(c, text, article)
        over = len(whole) - width
        if over > 0:
            quoted_len = len(short(c.text or "", 40)) if c.text else 30
            return describe_cut(c, text, article, max(8, quoted_len - over))
        return whole
    return describe_cut(c, text, article, 40)


def describe_cut(c: Correction, text: str, article: str, room: int) -> str:
    """`describe` with the quoted line or quotation cut to `room` cells."""
    kind = c.kind
    quoted = short(c.text or "", room)
    if kind == CorrectionKind.LINE_BOILERPLATE.value:
        what = f"line {c.line} → boilerplate: “{quoted}”"
    elif kind == CorrectionKind.LINE_BODY.value:
        what = f"line {c.line} → body: “{quoted}”"
    elif kind == CorrectionKind.LINE_TITLE.value:
        what = f"line {c.line} is the headline: “{quoted}”"
    elif kind == CorrectionKind.TEXT_BOILERPLATE.value:
        what = f"boilerplate in every article: “{quoted}”"
    else:
        said = (short(text[c.start:c.end], min(room, 30))
                if c.start is not None and c.end is not None else "")
        what = {
            CorrectionKind.QUOTE_REJECT.value: f"not a quotation: {said}",
            CorrectionKind.QUOTE_KIND.value: f"quotation → {c.value}: {said}",
            CorrectionKind.QUOTE_SPEAKER.value: f"speaker → {c.value or 'none'}: {said}",
        }.get(kind, f"{kind}: {said}")
    where = "" if c.article in (None, article) else " (another article)"
    who = f", {c.coder}" if c.coder else ""
    return f"{what}{where} · {_when(c.created)}{who}"


def acting_on(app: ReaderApp, article: str) -> list[Correction]:
    """The corrections that act on `article`, newest first: its own, the corpus-wide ones,
    and line corrections of other articles whose line text is in this one."""
    store = app.store.store
    if store is None:
        return []
    from annotations.export.corrected import LINE_KINDS, _normalise

    keys = {_normalise(ln) for ln in app.article_text.split("\n") if ln.strip()}
    found = [c for c in store.corrections()
             if c.article in (None, article)
             or (c.kind in LINE_KINDS and c.text and _normalise(c.text) in keys)]
    return sorted(found, key=lambda c: c.created, reverse=True)


def list_corrections(app: ReaderApp) -> None:
    """`R`: the corrections acting on the open article; `enter` removes one (u undoes)."""
    if app.current is None:
        app.notify("open an article first (enter)", severity="warning")
        return
    article = app.corpus.articles[app.current].id
    found = acting_on(app, article)
    if not found:
        app.notify("no correction acts on this article (z, Z, K, A, X make them)", timeout=3)
        return
    text = app.article_text
    width = max(40, min(68, app.size.width - 18))  # one row each (the dialog's width)
    options = [(c.id, describe(c, text, article, width)) for c in found]

    def chosen(cid: str | None) -> None:
        if cid is None:
            return
        c = next(x for x in found if x.id == cid)
        from reader.tui.learn import corrections_now, report_undone

        had = corrections_now(app)

        def removed(_: Any) -> None:
            app.open_article_keep_cursor()
            app.refresh_annotations()
            app.notify(f"correction removed: {describe(c, text, article)} (u undoes)",
                       timeout=4)
            report_undone(app, had)  # a line correction's template: what changed back

        app.store.change(app, "remove_correction", cid, then=removed)

    app.push_screen(ChoiceScreen(f"Corrections acting on this article ({len(found)})", options,
                                 "enter removes the correction: the detector's verdict comes "
                                 "back (u undoes) · esc closes"), chosen)
