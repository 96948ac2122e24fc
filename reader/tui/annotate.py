"""The app's annotation actions: highlights, tags, statuses, corrections, undo, sessions.

Kept out of app.py so the layout code stays small; each function takes the app, talks to
the store through `StoreFacade`, and asks the app to redraw. The facade turns a read-only
or broken store into notifications instead of exceptions: a keypress never crashes the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from annotations.anchoring import reanchored
from annotations.errors import StoreError
from annotations.model import (
    Codebook,
    Correction,
    CorrectionKind,
    SessionRecord,
    content_hash,
    new_id,
    now_iso,
)
from annotations.tags import normalize_tag
from reader import tagging
from reader.corpus import Corpus
from reader.errorlog import log_problem
from reader.errors import UserError
from reader.tui import unsaved_text
from reader.tui.screens import ChoiceScreen, NoteScreen, PromptScreen
from reader.tui.tag_prompt import TagPromptScreen
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


# -- store -----------------------------------------------------------------------


class SaveDone(Message):
    """A queued store change finished on the writer thread; handled on the UI thread."""

    def __init__(self, fn: Callable[[Future[Any]], None], future: Future[Any]) -> None:
        self.fn = fn
        self.future = future
        super().__init__()


class StoreFacade:
    """The app's view of the store: never raises on a keypress, knows when it is read-only."""

    def __init__(
        self, store: Any, path: Path | None, readonly_reason: str | None, coder: str = ""
    ) -> None:
        self.store = store
        self.path = path
        self.readonly_reason = readonly_reason
        self.pending = 0
        # highlights re-anchored in memory whose new positions could not be saved
        self.unsaved_positions: dict[str, Any] = {}
        self.unsaved_positions_of: set[str] = set()
        self._coder = coder
        self.closed = False  # set at exit: the writer thread is gone

    @property
    def coder(self) -> str:
        """Whose work the app shows and records (see `annotations.coders`)."""
        return getattr(self.store, "coder", "") or self._coder

    @property
    def readonly(self) -> bool:
        return self.store is None or bool(getattr(self.store, "readonly", False))

    def tags(self, article: str) -> list[str]:
        return self.store.tags(article) if self.store is not None else []

    def status(self, article: str) -> str:
        if self.store is None:
            return "todo"
        return self.store.article_state(article).status

    def done_count(self) -> int:
        if self.store is None:
            return 0
        return sum(1 for s in self.store.article_states() if s.status == "done")

    def memo(self, article: str) -> Any:
        return self.store.memo(article) if self.store is not None else None

    def highlights(self, article: str | None = None) -> list[Any]:
        if self.store is None:
            return []
        found = self.store.highlights(article)
        if not self.unsaved_positions:
            return found
        # where re-anchoring found them when saving that failed: draw them there, not at
        # offsets that now point into other text
        # (only while the stored highlight is the one re-anchored: an edit saved since wins)
        out = []
        for h in found:
            moved = self.unsaved_positions.get(h.id)
            keep = moved is not None and h.article in self.unsaved_positions_of
            out.append(moved[1] if keep and moved[0] == h.updated else h)
        return out

    def reanchor(self, article: str, text: str) -> str | None:
        """Save where the article's highlights are now; a one-line problem, or None.

        The highlights stay drawn from memory either way; what failed is saving their new
        positions (a full disk, a lost lock), which the user must hear about: the caller
        shows the returned line, and the details go to the log file.
        """
        if self.store is None or not self.store.highlights(article):
            return None
        try:
            self.store.reanchor_article(article, text)
        except (StoreError, OSError) as exc:
            problem = f"could not save re-anchored highlights of {article}: {exc}"
            log_problem(problem, exc)
            text_hash = content_hash(text)
            for h in self.store.highlights(article):
                self.unsaved_positions[h.id] = (h.updated, reanchored(h, text, text_hash)[0])
            self.unsaved_positions_of.add(article)
            return problem
        self.unsaved_positions_of.discard(article)
        return None

    def change(
        self,
        app: ReaderApp,
        method: str | Callable[..., Any],
        *args: Any,
        then: Callable[[Any], None] | None = None,
        failed: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> bool:
        """Queue one store mutation on the store's writer thread; the UI never waits.

        `then(result)` runs on the UI thread once the change is durable (its journal line
        fsynced); problems become notifications, and `failed()` runs when the change was
        not saved (typed text to keep). Returns False when nothing was queued.
        """
        if self.closed:  # a key pressed after `q`, while the app exits: nothing to save to
            return False
        if self.store is None or self.readonly:
            app.notify(self.readonly_reason or "annotations are read-only", severity="error")
            if failed is not None:
                failed()
            return False
        self.pending += 1

        def finished(future: Future[Any]) -> None:
            self.pending -= 1
            try:
                result = future.result()
            except UserError as exc:
                app.notify(str(exc), severity="error")
                if failed is not None:
                    failed()
                return
            except OSError as exc:
                app.notify(f"could not save: {exc}", severity="error", timeout=10)
                if failed is not None:
                    failed()
                return
            app.session.changes += 1
            if then is not None:
                then(result)

        def on_ui_thread(future: Future[Any]) -> None:
            # post_message is thread-safe and never blocks: the writer thread must not wait
            # for the UI thread, which may itself be waiting in store.close() at exit.
            app.post_message(SaveDone(finished, future))

        # a method name of the store, or a domain function taking the store first
        fn = getattr(self.store, method) if isinstance(method, str) else method
        if not isinstance(method, str):
            args = (self.store, *args)
        self.store.submit(fn, *args, callback=on_ui_thread, **kwargs)
        return True

    def close(self) -> None:
        self.closed = True
        if self.store is not None:
            self.store.close()


def open_store(corpus: Corpus, db: str | None, coder: str | None = None) -> StoreFacade:
    try:
        from annotations.store import AnnotationStore, resolve_db_path
    except ImportError:  # pragma: no cover - only while the store is being built
        return StoreFacade(None, None, "annotation store unavailable")
    try:
        path = resolve_db_path(corpus, db)
    except UserError as exc:
        return StoreFacade(None, None, str(exc))
    try:
        store = AnnotationStore.open(path, readonly_ok=True, coder=coder)
    except UserError as exc:
        return StoreFacade(None, path, str(exc), coder or "")
    return StoreFacade(store, path, getattr(store, "readonly_reason", None))


def load_codebook(corpus: Corpus, store: Any) -> Codebook:
    """The corpus's codebook. A broken `codebook.toml` is a UserError (the app does not
    start, and says why): with the default labels in its place, a coder labelled against
    the wrong list, and the first edit in `C` wrote the defaults over the team's file."""
    try:
        from annotations.codebook import load_codebook as load
    except ImportError:  # pragma: no cover
        return Codebook.default()
    return load(corpus.root)


# -- detection with the user's corrections ------------------------------------------


def analyze_with_corrections(
    text: str, article_id: str, store: Any, repeated: frozenset[str] | None = None
) -> Any:
    """The one pipeline (`reader.pipeline.article_marks`) with every correction of the store."""
    from reader.pipeline import article_marks

    corrections = store.corrections() if store is not None else []
    return article_marks(text, article_id, repeated=repeated, corrections=corrections)


def boilerplate_share(text: str, marks: Any) -> float | None:
    lines = text.split("\n")
    total = sum(len(line) for line in lines)
    if not total:
        return None
    bp = sum(len(lines[n - 1]) for n in marks.boilerplate_lines if 0 < n <= len(lines))
    return bp / total


# -- session ---------------------------------------------------------------------


@dataclass
class Session:
    started: float
    started_iso: str
    done: int = 0
    changes: int = 0
    annotations: int = 0
    done_ids: set[str] = field(default_factory=set)

    @classmethod
    def start(cls) -> Session:
        return cls(time.monotonic(), now_iso())

    def rates(self) -> str:
        hours = max((time.monotonic() - self.started) / 3600, 1 / 60)
        return f"{self.done / hours:.0f} art/h · {self.annotations / hours:.0f} ann/h"


def finish_session(app: ReaderApp) -> str | None:
    """Record the session's counts; a one-line problem when that could not be saved."""
    s = app.session
    if app.store.store is None or app.store.readonly or not (s.done or s.annotations):
        return None
    record = SessionRecord(
        id=new_id(),
        started=s.started_iso,
        ended=now_iso(),
        articles_done=s.done,
        annotations=s.annotations,
        seconds=round(time.monotonic() - s.started, 1),
    )
    try:
        app.store.store.add_session(record)
    except (StoreError, OSError) as exc:  # never block quitting; say so after the app closes
        problem = f"the session record (counts and time) was not saved: {exc}"
        log_problem(problem, exc)
        return problem
    return None


# -- helpers ---------------------------------------------------------------------


def _current(app: ReaderApp) -> str | None:
    if app.current is None:
        app.notify("open an article first (enter)", severity="warning")
        return None
    return app.corpus.articles[app.current].id


def _target_article(app: ReaderApp) -> str | None:
    """The open article when the article pane has focus, else the list's current one."""
    from reader.tui.widgets.article_list import ArticleList

    article_list = app.query_one(ArticleList)
    if article_list.has_focus or app.current is None:
        index = article_list.current
        if index is None:
            return None
        return app.corpus.articles[index].id
    return app.corpus.articles[app.current].id


def _titled(app: ReaderApp, article: str, width: int = 48) -> str:
    """The article as a coder knows it: “its title”, shortened (the id if it has none)."""
    from reader.textlayout import sanitize

    found = next((a for a in app.corpus.articles if a.id == article), None)
    title = " ".join(sanitize(found.display_title).split()) if found is not None else ""
    if not title:
        return article
    return f"“{title if len(title) <= width else title[: width - 1] + '…'}”"


def _view(app: ReaderApp):  # type: ignore[no-untyped-def]
    from reader.tui.widgets.article_view import ArticleView

    return app.query_one(ArticleView)


# -- tags and status -------------------------------------------------------------


def tag_prompt(app: ReaderApp) -> None:
    article = _target_article(app)
    if article is None or not unsaved_text.can_save(app):
        return
    current = app.store.tags(article)
    # every coder's tags as suggestions: a team converges on one spelling of each tag
    used = set(app.store.store.tag_counts(None)) if app.store.store is not None else set()
    known = sorted({normalize_tag(t.name) for t in app.codebook.tags}
                   | {normalize_tag(t) for t in used}, key=str.lower)
    quick = [t.name for t in app.codebook.tags][:9]

    def done(value: str | None) -> None:
        if value is None:
            return
        def redraw(_: Any = None) -> None:
            app.refresh_annotations()
            if app.query_one("#filter").value:  # type: ignore[attr-defined]
                app.apply_filter()

        if value.startswith("\x00quick:"):
            name = value.split(":", 1)[1]
            method = "remove_tags" if name in current else "add_tags"
            app.store.change(app, method, article, [name], then=redraw)
        else:
            add, remove = parse_tags(value)
            if add:
                app.store.change(app, "add_tags", article, add, then=redraw)
            if remove:
                app.store.change(app, "remove_tags", article, remove, then=redraw)

    now = f"  (now: {', '.join(current)})" if current else ""  # one row, 80 columns too
    app.push_screen(
        TagPromptScreen(
            f"Tags for {_titled(app, article, max(16, 54 - len(now)))}{now}",
            known,
            current,
            quick=quick,
        ),
        done,
    )


parse_tags = tagging.parse_tags  # the box's grammar (kept here for older imports)


def mark_status(app: ReaderApp, status: str) -> None:
    article = _target_article(app)
    if article is None:
        return
    old = app.store.status(article)
    new = "todo" if old == status else status

    def saved(_: Any) -> None:
        if new == "done" and article not in app.session.done_ids:
            app.session.done += 1
            app.session.done_ids.add(article)
        app.refresh_annotations()
        # by title: `d` and `x` move on to the next article, so say which one was marked
        app.notify(f"{_titled(app, article, 44)}: {new}", timeout=1.5)

    if app.store.change(app, "set_status", article, new, then=saved) and new != "todo":
        goto_todo(app, 1, quiet=True, skip=article)


def goto_todo(
    app: ReaderApp, direction: int, quiet: bool = False, skip: str | None = None
) -> None:
    from reader.tui.widgets.article_list import ArticleList

    article_list = app.query_one(ArticleList)
    visible = article_list.indices
    if not visible:
        return
    pos = article_list.cursor
    n = len(visible)
    for step in range(1, n + 1):
        j = (pos + direction * step) % n
        if app._status_of(visible[j]) == "todo" and app.corpus.articles[visible[j]].id != skip:
            article_list.cursor = j
            app.open_article(visible[j])
            return
    if not quiet:
        app.notify("every article in the list is done", timeout=3)


def undo(app: ReaderApp, redo: bool) -> None:
    from annotations.describe import next_step, status_article
    from reader.tui.learn import corrections_now, report_undone

    store = app.store.store
    # named from the record changes (label, start of the text), not the store's ids
    readable = (next_step(store, redo, lambda a: _titled(app, a, 40))
                if store is not None else None)
    back_to = status_article(store, redo) if store is not None else None
    had = corrections_now(app)

    def done(what: str | None) -> None:
        if what:
            app.notify(("redone: " if redo else "undone: ") + str(readable or what), timeout=2)
            if back_to is not None and _reopen(app, back_to):
                pass  # `d`/`x` had moved on: back to the article whose status this was
            elif app.current is not None:
                app.open_article_keep_cursor()
            app.refresh_annotations()
            report_undone(app, had)
        else:
            # (after a restart a coder pressed u, read "nothing to undo" and thought the
            # last session's work was lost: say how far undo reaches)
            app.notify("nothing to redo" if redo else
                       "nothing to undo since the app was opened (earlier work is saved; "
                       "change it directly: R lists the article's corrections)", timeout=3)

    app.store.change(app, "redo" if redo else "undo", then=done)


def _reopen(app: ReaderApp, article: str) -> bool:
    """Open `article` (the list's cursor on it when it is listed) unless it is open."""
    from reader.tui.widgets.article_list import ArticleList

    index = app.corpus._index.get(article)
    if index is None or index == app.current or app.current is None:
        return False
    article_list = app.query_one(ArticleList)
    if index in article_list.indices:
        article_list.cursor = article_list.indices.index(index)
    app.open_article(index)
    return True


# -- highlights ------------------------------------------------------------------


def _highlight_at_cursor(app: ReaderApp) -> Any:
    view = _view(app)
    span = view.highlight_at_cursor()
    return span.ref if span is not None else None


def label_key(app: ReaderApp, key: str) -> None:
    article = _current(app)
    if article is None:
        return
    label = next((lab for lab in app.codebook.labels if lab.key == key), None)
    if label is None:
        app.notify(f"no label on key {key} (C shows the codebook, L picks any label)",
                   severity="warning")
        return
    apply_label(app, label)


def apply_label(app: ReaderApp, label: Any) -> None:
    """Highlight the selection (else the quotation or sentence at the cursor) with `label`;
    on a highlight, relabel it. The label keys and the label picker both end here."""
    article = _current(app)
    if article is None:
        return
    view = _view(app)
    selection = view.selection
    if selection is None:
        existing = _highlight_at_cursor(app)
        if existing is not None:
            app.store.change(app, "update_highlight", existing.id, label=label.name,
                             then=lambda _: _redraw(app, f"label → {label.name}"))
            return
        # the quotation the cursor is in (`]` lands there), else the sentence
        quote = view.quote_at_cursor()
        if quote is not None:
            selection = (quote.start, quote.end)
        else:
            from reader import motion

            selection = motion.sentence_bounds(app.article_text, view.cursor)
        if selection[0] >= selection[1]:
            app.notify("nothing to highlight here", severity="warning")
            return
    start, end = selection

    bp = view.boilerplate_lines_in(start, end)

    def created(_: Any) -> None:
        app.session.annotations += 1
        also = f", including {plural(bp, 'boilerplate line')}" if bp else ""
        _redraw(app, f"highlighted as {label.name}{also} (a: add a note)")

    if app.store.change(app, "add_highlight", article, app.article_text, start, end,
                        label.name, then=created):
        view.anchor = None
        view.move_cursor(start)  # on the new highlight: a, D and 1-9 act on it


def edit_note(app: ReaderApp) -> None:
    hl = _highlight_at_cursor(app)
    if hl is None:
        app.notify("put the cursor on a highlight first (> jumps to the next)",
                   severity="warning")
        return
    if not unsaved_text.can_save(app):
        return

    def done(value: str | None) -> None:
        if value is not None and value != hl.note:
            app.store.change(app, "update_highlight", hl.id, note=value,
                             then=lambda _: _redraw(app),
                             failed=lambda: unsaved_text.keep(app, "note", value))

    app.push_screen(NoteScreen(f"Note on {hl.quoted()}", hl.note), done)


def delete_highlight(app: ReaderApp) -> None:
    hl = _highlight_at_cursor(app)
    if hl is None:
        app.notify("no highlight at the cursor", severity="warning")
        return
    app.store.change(app, "delete_highlight", hl.id,
                     then=lambda _: _redraw(app, "highlight deleted (u undoes)"))


def orphans(app: ReaderApp) -> None:
    found = [h for h in app.store.highlights() if h.status == "orphaned"]
    if not found:
        app.notify("no orphaned highlights", timeout=2)
        return
    options = [(h.id, f"{_titled(app, h.article, 30)}: {h.quoted()} [{h.label}]")
               for h in found]  # the article by its title, as the list names it

    def chosen(hid: str | None) -> None:
        if hid is None:
            return
        hl = next(h for h in found if h.id == hid)

        def act(choice: str | None) -> None:
            if choice == "delete":
                app.store.change(app, "delete_highlight", hl.id, then=lambda _: _redraw(app))
            elif choice == "attach":
                view = _view(app)
                article = _current(app)
                if article is None or view.selection is None or article != hl.article:
                    app.notify("open its article and select where it belongs first",
                               severity="warning")
                    return
                s, e = view.selection
                app.store.change(app, "update_highlight", hl.id, text=app.article_text,
                                 start=s, end=e, then=lambda _: _redraw(app, "re-attached"))

        app.push_screen(
            ChoiceScreen(
                "Orphaned highlight",
                [("attach", "Re-attach to the current selection"), ("delete", "Delete it")],
            ),
            act,
        )

    app.push_screen(ChoiceScreen(f"Orphaned highlights ({len(found)})", options), chosen)


# -- corrections -----------------------------------------------------------------


def _line_at_cursor(app: ReaderApp) -> tuple[int, str]:
    view = _view(app)
    line = app.article_text.count("\n", 0, view.cursor) + 1
    return line, app.article_text.split("\n")[line - 1]


def _correct(app: ReaderApp, correction: Correction) -> None:
    app.store.change(app, "add_correction", correction,
                     then=lambda _: app.open_article_keep_cursor())


def _redraw(app: ReaderApp, message: str | None = None) -> None:
    app.refresh_annotations()
    if message:
        app.notify(message, timeout=1.5)


def toggle_line(app: ReaderApp) -> None:
    article = _current(app)
    if article is None or app.marks is None:
        return
    line, text = _line_at_cursor(app)
    if not text.strip():  # (said: z on the gap between paragraphs did nothing at all)
        app.notify("a blank line has no mark to correct", timeout=2)
        return
    kinds = app.marks.line_kinds
    kind = kinds[line - 1] if line - 1 < len(kinds) else "body"
    is_bp = getattr(kind, "value", kind) == "boilerplate"
    new = CorrectionKind.LINE_BODY if is_bp else CorrectionKind.LINE_BOILERPLATE
    from annotations.learning import context_of
    from reader.tui.learn import report_changes

    # the line's template goes with it: the same text and, on the same site, lines between
    # the same neighbours are re-marked too (`annotations.learning`); one undo step
    correction = Correction(id=new_id(), kind=new.value, article=article, line=line, text=text,
                            value=context_of(app.article_text, line, article))
    from reader.tui import corrections_ui

    if corrections_ui.take_back(app, article, line, is_bp):
        return  # (z again on a line corrected before: that correction is removed)
    was_title = app.marks.title_line

    def saved(_: Any) -> None:
        app.open_article_keep_cursor()
        report_changes(app, correction)
        now = getattr(app.marks, "title_line", None)
        if now != was_title:  # (the headline the list and the exports show changed too)
            lines = app.article_text.split("\n")
            said = (f"the headline is now line {now}: “{corrections_ui.short(lines[now - 1])}”"
                    if now is not None and 0 < now <= len(lines) else "no line is the headline now")
            app.notify(f"line {line} → {'body' if is_bp else 'boilerplate'}; {said} (u undoes)",
                       timeout=4)

    def mark() -> None:
        app.store.change(app, "add_correction", correction, then=saved)
        held = "" if is_bp else corrections_ui.highlights_on_line(app, article, line)
        app.notify(f"line {line} → {'body' if is_bp else 'boilerplate'}{held}",
                   timeout=4 if held else 1.5)

    if line == was_title and not is_bp and not app.store.readonly:  # (read-only: say so)
        # the cursor opens on the headline: ask, rather than let the next candidate (a
        # menu line, often) become the headline of the list and the exports unseen
        corrections_ui.ask_about_headline(app, article, line, text, mark)
        return
    mark()


def line_everywhere(app: ReaderApp) -> None:
    """`Z`: count what the correction would change in the whole corpus, then ask."""
    article = _current(app)
    if article is None:
        return
    _, text = _line_at_cursor(app)
    if not text.strip():
        return
    from reader.everywhere import count_everywhere

    articles = list(app.corpus.articles)
    if len(articles) > 200:
        app.notify(f"counting this line in {len(articles):,} articles…", timeout=3)

    def count() -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        reach = count_everywhere(articles, text, app.max_bytes, lambda: worker.is_cancelled)
        if reach is not None:
            app.call_from_thread(ask, reach)

    def ask(reach: Any) -> None:
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        question = (f"{plural(reach.lines, 'line')} in {plural(reach.articles, 'article')} "
                    "will become boilerplate (dimmed; hidden with b). u undoes.")

        def answered(choice: str | None) -> None:
            if choice != "yes":
                app.notify("nothing changed", timeout=1.5)
                return
            _correct(app, Correction(id=new_id(), kind=CorrectionKind.TEXT_BOILERPLATE.value,
                                     text=text.strip()))
            app.notify(f"boilerplate in every article: {plural(reach.lines, 'line')} in "
                       f"{plural(reach.articles, 'article')}", timeout=3)

        app.push_screen(
            ChoiceScreen(f'Boilerplate everywhere: "{shown}"',
                         [("yes", f"Yes: {plural(reach.lines, 'line')} in "
                                  f"{plural(reach.articles, 'article')}"),
                          ("no", "No, leave them")],
                         question),
            answered,
        )

    app.run_worker(count, thread=True, exclusive=True, group="everywhere")


def _quote_at_cursor(app: ReaderApp) -> Any:
    view = _view(app)
    span = view.quote_at_cursor()
    if span is None:
        app.notify("put the cursor in a quotation first (] jumps to the next)",
                   severity="warning")
        return None
    return span.ref


def quote_kind(app: ReaderApp) -> None:
    article = _current(app)
    q = _quote_at_cursor(app) if article else None
    if q is None:
        return
    new = "term" if q.kind == "speech" else "speech"
    _correct(app, Correction(id=new_id(), kind=CorrectionKind.QUOTE_KIND.value, article=article,
                             start=q.start, end=q.end, value=new))
    app.notify(f"quotation → {new}", timeout=1.5)


def quote_reject(app: ReaderApp) -> None:
    article = _current(app)
    q = _quote_at_cursor(app) if article else None
    if q is None:
        return
    _correct(app, Correction(id=new_id(), kind=CorrectionKind.QUOTE_REJECT.value,
                             article=article, start=q.start, end=q.end))
    app.notify("not a quotation (u undoes)", timeout=1.5)


def quote_speaker(app: ReaderApp) -> None:
    article = _current(app)
    q = _quote_at_cursor(app) if article else None
    if q is None:
        return

    def done(value: str | None) -> None:
        if value is None:
            return
        _correct(app, Correction(id=new_id(), kind=CorrectionKind.QUOTE_SPEAKER.value,
                                 article=article, start=q.start, end=q.end,
                                 value=value.strip() or None))

    # (the dialog covers the article: name the quotation, or a coder cannot tell which)
    said = " ".join(app.article_text[q.start:q.end].split()).strip("\"“”„«»‘’' ")
    said = said if len(said) <= 50 else said[:49] + "…"
    app.push_screen(PromptScreen(f"Speaker of “{said}”", q.speaker or "",
                                 "empty: no speaker"), done)


# -- export ------------------------------------------------------------------------


def export(app: ReaderApp) -> None:
    """`E`: asks the format and the path (see reader.tui.export_dialog)."""
    from reader.tui.export_dialog import export as export_dialog

    export_dialog(app)
