"""The app's coder actions: memos and switching coder.

Kept beside `annotate` (highlights, tags, corrections) so app.py stays a thin layer; each
function takes the app and goes through its `StoreFacade`, so a read-only store becomes
a notification, never an exception.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from annotations.coders import check_coder
from annotations.errors import AnnotationInputError
from reader.tui import corpus_views, unsaved_text
from reader.tui.annotate import SaveDone, _target_article
from reader.tui.memo import MemoScreen
from reader.tui.screens import ChoiceScreen, PromptScreen

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def edit_memo(app: ReaderApp, project: bool) -> None:
    """Open the memo editor on the open article's memo (or the project memo)."""
    store = app.store.store
    if project:
        article, title = "", "Project memo"
    else:
        found = _target_article(app)
        if found is None:
            app.notify("select an article first", severity="warning")
            return
        article = found
        src = app.corpus.get(article)
        title = f"Memo: {src.display_title if src is not None else article}"
    if not unsaved_text.can_save(app):
        return
    memo = store.memo(article) if store is not None else None
    old = memo.text if memo is not None else ""
    when = f" · last changed {memo.updated[:16].replace('T', ' ')}" if memo else ""

    def done(value: str | None) -> None:
        if value is None or value == old:
            return
        gone = not value.strip()

        def saved(_: Any) -> None:
            app.refresh_annotations()
            app.notify("memo deleted (u undoes)" if gone else "memo saved", timeout=2)

        app.store.change(app, "set_memo", article, value, then=saved,
                         failed=lambda: unsaved_text.keep(app, "memo", value))

    app.push_screen(MemoScreen(title, old, f"coder {app.store.coder}{when}"), done)


def switch_coder(app: ReaderApp) -> None:
    """Ask for a coder name and work as that coder: their work is shown, changes are theirs."""
    store = app.store.store
    if store is None:
        app.notify(app.store.readonly_reason or "no annotation store", severity="error")
        return
    known = [c for c in store.coders() if c != store.coder]

    def done(value: str | None) -> None:
        if value is None or not value.strip():
            return
        try:
            name = check_coder(value)
        except AnnotationInputError as exc:
            app.notify(str(exc), severity="error")
            return
        if name == store.coder:
            return
        if known and name not in known:  # a typo would split a coder's work in two
            app.push_screen(
                ChoiceScreen(f"{name} is a new coder (coders here: {', '.join(known)})",
                             [("new", f"Work as {name}, a new coder"), ("cancel", "Cancel")]),
                lambda answer: switch(name) if answer == "new" else None,
            )
            return
        switch(name)

    def switch(name: str) -> None:
        if app.store.closed:  # answered while the app exits
            return

        def switched(future: Future[None]) -> None:
            if (exc := future.exception()) is not None:
                app.notify(str(exc), severity="error")
                return
            corpus_views.others_saved(app)  # the reader, and a view open over it
            app._update_title_bar()
            if app.query_one("#filter").value:  # type: ignore[attr-defined]
                app.apply_filter()
            app.notify(f"now coding as {name}", timeout=2)

        # on the writer thread, after any change still queued under the old name; the
        # result comes back as a message (the writer thread never waits for the UI)
        store.submit(
            store.switch_coder, name, callback=lambda f: app.post_message(SaveDone(switched, f))
        )

    hint = ("tab completes · coders in this store: " + ", ".join(known) if known
            else "a new name starts empty")
    app.push_screen(
        PromptScreen(f"Work as coder (now: {store.coder})", "", hint, suggestions=known), done
    )
