"""Full-text search in the app: the index built in the background, `/` over the full query
language, keyword-in-context lines, matches lit in the open article, find-in-article.

The domain work is `reader.search` and `reader.filtering`; this module only schedules it
(threads, so typing never waits on SQLite), and puts results on the screen. Until the
index is ready the `/` box filters by titles (and tags, status) as it always did, and
says so.

A keystroke in `/` (at 100,000 articles): the box tells `typed` its new value before the
frame that echoes the key is drawn; the query goes to its own thread
(`reader.search.live`: its own read connection, abandoned by SQLite as soon as a newer
keystroke makes it stale) and the handler waits up to `SAME_FRAME_S` for the answer, so
that a usual query's ranked list is drawn in the echo's frame; a longer one is drawn as
soon as it comes. The answer brings the keyword in context of the hit under the cursor
(and of the first rows, when rows show it); rows scrolled to later ask for theirs as they
are drawn. Nothing is redrawn when the answer is what the screen shows.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Input, Static

from reader.filtering import (
    Facts,
    Query,
    QueryError,
    filter_indices,
    help_line,
    parse,
    tag_key,
)
from reader.textlayout import sanitize
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView, Span

if TYPE_CHECKING:
    from reader.search.index import SearchIndex
    from reader.search.live import LiveSearch
    from reader.tui.app import ReaderApp

_UNSET = object()
KWIC_WIDTH = 36  # characters either side of the match in a keyword-in-context line
# how long a keystroke's handler waits for its answer, so that the frame echoing the key
# shows the results too (when they take longer they are drawn as soon as they come)
SAME_FRAME_S = 0.025
SNIPPETS_WITH_ANSWER_S = 0.008  # CPU for the keyword in context of the first rows


class _Job:
    """One keystroke's query and, once `done`, its answer."""

    def __init__(self, query: Query, facts: Facts, generation: int, rows: int) -> None:
        self.query, self.facts, self.generation, self.rows = query, facts, generation, rows
        self.indices: list[int] | None = None
        self.error: str | None = None
        self.done = threading.Event()


class AppSearch:
    """The app's search state: the index, the query in force, its results."""

    def __init__(self, app: ReaderApp, use_index: bool = True) -> None:
        self.app = app
        self.index: SearchIndex | None = None
        self.ready = False
        self.failed: str | None = None
        self.done = self.total = 0
        self.query: Query | None = None  # the last query that parsed
        self.error: str | None = None
        self.shown = 0  # how many articles the list shows
        self.ranked = False  # the list is in relevance order (full-text results)
        self.use_index = use_index
        self._snippets: dict[tuple[str, int], str] = {}
        self._wanted: list[int] = []
        self._wanted_lock = threading.Lock()
        self._generation = 0
        self._live_search: LiveSearch | None = None  # `/`'s own read connection
        self._info_shown: Text | None = None  # what the info line shows now
        self._typed: str | None = None  # the box's value `typed` applied at once
        self._rows_kwic = False  # the list's rows had room for keyword in context lately
        self.opened_with: Query | None = None  # the query the open article was found by
        # the repeated-line set the index was last built with (`_UNSET`: no build yet)
        self._evidence: object = _UNSET

    # -- the index, in a worker thread ---------------------------------------------

    def start(self) -> None:
        if not self.use_index or self.app.store.path is None:
            return
        self.app.run_worker(self._build, thread=True, exclusive=True, group="search-index",
                            name="search index")

    def _build(self) -> None:
        from textual.worker import get_current_worker

        from reader.search.index import SearchIndex, index_path_for

        worker = get_current_worker()
        app = self.app
        first = getattr(app, "_first_frame", None)
        if first is not None:
            first.wait(timeout=2.0)
        try:
            index = SearchIndex(index_path_for(app.store.path))
            index.open()
        except (OSError, Exception) as exc:  # noqa: BLE001 - derived data: say it, go on
            self.failed = f"search index unavailable: {exc}"
            app.call_from_thread(self._changed)
            return
        self.index = index
        # the body scope is the split of the one pipeline: wait for the corpus's repeated
        # lines (`reader.tui.evidence`), counted or read from their cache once
        while not app.repeated_ready and not worker.is_cancelled:
            time.sleep(0.05)
        if worker.is_cancelled:
            return
        repeated = app.repeated
        self._evidence = repeated
        store = app.store.store
        corrections = app.call_from_thread(lambda: list(store.corrections())) if store else []
        from reader.corpus import locator

        articles = [(a.id, locator(a), a.size, a.mtime_ns) for a in app.corpus.articles]
        last = [0.0]

        def progress(done: int, total: int) -> None:
            self.done, self.total = done, total
            now = time.monotonic()
            if now - last[0] > 0.5:
                last[0] = now
                app.call_from_thread(self._changed)

        try:
            ok = index.update(articles, corrections, repeated=repeated, progress=progress,
                              cancelled=lambda: worker.is_cancelled,
                              jobs=max(1, (os.cpu_count() or 2) - 1), max_bytes=app.max_bytes,
                              processes=True)
        except Exception as exc:  # noqa: BLE001 - a broken index must not stop the reader
            self.failed = f"search index failed: {exc}"
            app.call_from_thread(self._changed)
            return
        if ok and not worker.is_cancelled:
            self.ready = True
            app.call_from_thread(self._became_ready)

    def evidence_changed(self) -> None:
        """The corpus's repeated lines were found again and differ from those the index was
        built with: bring it up to date (only the articles they concern are re-extracted;
        the index in place keeps answering meanwhile)."""
        if self._evidence is not _UNSET and self._evidence != self.app.repeated:
            self.start()

    def corrected(self, article_ids: Iterable[str]) -> None:
        """A correction changed these articles' marks (its own and those it taught):
        re-index them, so that the body scope follows at once."""
        if not self.ready or self.index is None or self.app.store.store is None:
            return
        ids = set(article_ids)
        targets = [(a.id, a.path, -1, -1) for a in self.app.corpus.articles
                   if a.id in ids and getattr(a, "record", None) is None]
        if targets:
            corrections = list(self.app.store.store.corrections())
            repeated = self.app.repeated
            self.app.run_worker(lambda: self._refresh(targets, corrections, repeated),
                                thread=True, group="search-refresh", name="search refresh")

    def _became_ready(self) -> None:
        self._changed()
        self._warm()
        if self.app.query_one("#filter", Input).value:
            self.apply()

    def _changed(self) -> None:
        """Redraw what shows the index's state (title bar, the info line)."""
        self.app._update_title_bar()
        self.show_info()

    def status(self) -> str | None:
        """The title bar's words about the index, or None once it is ready."""
        if self.failed:
            return "search: titles only"
        if self.ready or not self.use_index or self.app.store.path is None:
            return None
        if self.total:
            return f"search index {self.done:,}/{self.total:,}"
        return "search index…"

    def close(self) -> None:
        if self._live_search is not None:
            self._live_search.close()
        if self.index is not None:
            self.index.close()

    # -- filtering -------------------------------------------------------------------

    def facts(self) -> Facts:
        """Annotation terms from the store: tags, status, labels, notes (annotated only)."""
        app = self.app
        facts = Facts()
        facts.metadata = getattr(app, "metadata_sets", None)  # site:, date: (JSON Lines, sidecars)
        store = app.store.store
        if store is None:
            return facts
        facts.add_annotations(store, app.corpus._index.get)
        return facts

    def typed(self, value: str) -> None:
        """The box's value changed: filter now, so that the frame that echoes the key
        can show the results too (`FilterInput`)."""
        self._typed = value
        self.apply()

    def changed(self) -> None:
        """The box's `Changed` message: filter, unless `typed` did for this value."""
        box = self.app.query_one("#filter", Input)
        if self._typed is not None and self._typed == box.value:
            self._typed = None
            return
        self.apply()

    def titles_changed(self) -> None:
        """The background passes found titles: the title filter (before the index is
        ready) is asked again; full-text results do not depend on them (the list
        repaints its rows), and asking again would put the cursor back on the first."""
        if not (self.ready and self.index is not None):
            self.apply()

    def apply(self) -> None:
        """Filter the list by the box's query (called on every keystroke)."""
        app = self.app
        value = app.query_one("#filter", Input).value
        try:
            query = parse(value)
        except QueryError as exc:
            self.error = str(exc)
            self.show_info()
            return  # the list keeps the last query's results
        self.error = None
        self.query = query
        self._generation += 1
        if query.empty:
            self._show(list(range(len(app.corpus.articles))), ranked=False)
            return
        if not (self.ready and self.index is not None):
            # (the store's facts: label: and has: work while the index is being built)
            indices = filter_indices(query, app.titles_lower, app._tags_of, app._status_of,
                                     annotated=app._annotated_rows, facts=self.facts())
            self._show(indices, ranked=False)
            return
        # (annotation terms only: a store of 50,000 highlights is not walked a keystroke)
        facts = self.facts() if _has_annotation_terms(query) else Facts()
        live = self._live()
        job = _Job(query, facts, self._generation,
                   max(1, app.query_one(ArticleList).size.height))
        threading.Thread(target=self._answer, args=(job, live), daemon=True,
                         name="search").start()
        if job.done.wait(SAME_FRAME_S):
            self._deliver(job)  # drawn in the frame that echoes the keystroke
        else:  # drawn when it comes (a Textual worker: tests can wait for it)
            app.run_worker(lambda: self._deliver_later(job), thread=True, exclusive=True,
                           group="search", name="search")

    def _live(self) -> LiveSearch:
        from reader.search.live import LiveSearch

        assert self.index is not None
        if self._live_search is None or self._live_search.index is not self.index:
            if self._live_search is not None:  # (the index was opened again)
                self._live_search.close()
            self._live_search = LiveSearch(self.index)
        return self._live_search

    def _answer(self, job: _Job, live: LiveSearch) -> None:
        """The ranked hits (and the keyword in context of those the list shows first)
        for one keystroke, in its own thread; abandoned when the user types on (each
        keystroke moves `_generation` on: SQLite stops at its next look)."""

        def stale() -> bool:
            return job.generation != self._generation

        try:
            job.indices = live.answer(job.query, self.app.corpus._index, job.facts, stale)
            if job.indices is not None and job.query.text_terms():
                # the hit under the cursor (the info line shows its context); those of
                # the first rows too when rows have room to show them
                rows = job.rows if self._rows_kwic else 1
                self._compute_snippets(job.query, job.indices[:rows], job.generation,
                                       budget=SNIPPETS_WITH_ANSWER_S)
        except Exception as exc:  # noqa: BLE001 - derived data: say so in the info line
            job.error = f"search failed: {exc}"
        finally:
            job.done.set()

    def _deliver(self, job: _Job) -> None:
        if job.generation != self._generation:
            return  # typed on meanwhile
        if job.error is not None:
            self.error = job.error
            self.show_info()
        elif job.indices is not None:
            self._show(job.indices, True, job.generation)

    def _deliver_later(self, job: _Job) -> None:
        job.done.wait()
        if job.generation == self._generation:
            self.app.call_from_thread(self._deliver, job)

    def _show(self, indices: list[int], ranked: bool, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        article_list = self.app.query_one(ArticleList)
        only = getattr(self.app, "only", None)  # an overview row's articles (tui.corpus_views)
        if only is not None:
            indices = [i for i in indices if i in only]
        from reader.tui.dupes_ui import state

        indices = state(self.app).collapse(indices)  # one row per group of syndicated copies
        self.shown = len(indices)
        self.ranked = ranked
        keep = article_list.current if not ranked else None
        # (the same rows with the cursor where it would go: nothing to redraw)
        if indices != article_list.indices or article_list.cursor != (
                0 if keep is None else article_list.cursor):
            article_list.set_visible(indices, keep)
        self.show_info()

    def clear(self) -> None:
        self.query = None
        self.error = None
        self._generation += 1
        self.show_info()

    @property
    def full_text(self) -> bool:
        """A query with words is in force and was answered by the index."""
        return bool(self.ranked and self.query is not None and self.query.text_terms())

    def show_info(self) -> None:
        """The line under the `/` box: the count, or the parse error, or the grammar."""
        app = self.app
        info = app.query_one("#search-info", Static)
        box = app.query_one("#filter", Input)
        # (from `/` on, not at the first letter: the one layout pass this costs is paid
        # before typing starts; reader.tcss)
        app.query_one(ArticleList).set_class(bool(box.value) or box.has_focus, "-searching")
        if not box.value and not box.has_focus:
            info.display = False
            self._info_shown = None
            return
        info.display = True
        total = len(app.corpus.articles)
        line = Text()
        if self.error:
            line.append(self.error, style="bold red")
        elif not box.value:
            line.append(help_line(), style="dim")
        else:
            line.append(f"{self.shown:,} of {total:,}", style="bold")
            if self.ready and self.shown == 0 and self.full_text and self.query is not None \
                    and self.query.scope == "body":
                # (a word found only in menus or teasers: the default scope leaves
                # boilerplate lines out, which a user cannot guess from "0 of 130")
                line.append(" · not in article text; in:all searches boilerplate too",
                            style="dim")
            elif self.shown == 0 and (unknown := self._unknown_tag()
                                      or self._unknown_label()) is not None:
                line.append(unknown, style="dim")
            elif self.query is not None and not self.query.empty and self.query.wordless:
                # ("..." listed every article as "130 of 130 · ranked")
                line.append(" · nothing to search for: punctuation is not searched",
                            style="dim")
            elif self.ready:
                line.append(" · ranked" if self.full_text else "", style="dim")
            else:
                line.append(" · titles only until the search index is ready", style="dim")
        kwic = self.kwic_for_cursor()
        if kwic is not None:
            line.append("\n")
            line.append_text(kwic)
        if line != self._info_shown:  # (an update repaints, even with the same line)
            self._info_shown = line
            info.update(line, layout=False)  # (its height is fixed: reader.tcss)

    def _unknown_tag(self) -> str | None:
        """" · no tag 'x'; tags: a, b, …" when the query asks for a tag nobody gave (a typo
        reads as "0 of 130" otherwise), else None."""
        store = self.app.store.store
        if self.query is None or store is None or not self.query.tags:
            return None
        known = sorted(store.tag_counts(None))
        keys = {tag_key(t) for t in known}
        missing = [t for t in self.query.tags if tag_key(t) not in keys]
        if not missing:
            return self._colleagues_tag(store)
        shown = ", ".join(known[:6]) + (", …" if len(known) > 6 else "")
        return f" · no tag {missing[0]!r}; " + (f"tags: {shown}" if known else "no tags yet")

    def _colleagues_tag(self, store: Any) -> str | None:
        """" · 'x' is bob's tag, not ann's (U …)" when a tag of the query is only other
        coders': tags are per coder, and "0 of 130" read as "nobody tagged it"."""
        assert self.query is not None
        mine = {tag_key(t) for t in store.tag_counts()}
        theirs = [t for t in self.query.tags if tag_key(t) not in mine]
        if not theirs:
            return None
        key = tag_key(theirs[0])
        who = sorted({s.coder for s in store.article_states(coder=None)
                      if any(tag_key(t) == key for t in s.tags)} - {store.coder})
        if not who:
            return None
        return (f" · {theirs[0]!r} is {', '.join(who)}'s tag, not {store.coder}'s "
                "(U works as another coder)")

    def _unknown_label(self) -> str | None:
        """" · no label 'x'; labels: a, b, …" when the query asks for a label that is
        neither in the codebook nor on any highlight (`label:claims` read "0 of 130")."""
        if self.query is None or not self.query.labels:
            return None
        known = [lab.name for lab in self.app.codebook.labels]
        store = self.app.store.store
        if store is not None:
            known += sorted({h.label for h in store.highlights(coder=None) if h.label})
        known = list(dict.fromkeys(known))
        lows = {k.lower() for k in known}
        missing = [lab for lab in self.query.labels if lab.lower() not in lows]
        if not missing:
            return None
        shown = ", ".join(known[:6]) + (", …" if len(known) > 6 else "")
        return f" · no label {missing[0]!r}; " + (f"labels: {shown}" if known else "no labels")

    # -- keyword in context ----------------------------------------------------------

    def snippet_of(self, index: int) -> str | None:
        """A listed row's keyword-in-context line (`ArticleList` asks only for rows with
        room for it)."""
        if self.full_text:
            self._rows_kwic = True
        line = self._snippet(index)
        if line and self.query is not None:
            # (a row has room for a few words after its title: the match comes first)
            line = _around_match(line, self.query, 12)
        return line

    def _snippet(self, index: int) -> str | None:
        """The keyword-in-context line of a hit, when known (else it is computed in the
        background and the list redrawn)."""
        if not self.full_text or self.query is None:
            return None
        key = (self.query.source, index)
        hit = self._snippets.get(key)
        if hit is not None:
            return hit or None
        with self._wanted_lock:
            start = not self._wanted
            if index not in self._wanted:
                self._wanted.append(index)
        if start:
            self.app.run_worker(self._fill_snippets, thread=True, group="snippets",
                                name="snippets")
        return None

    def _compute_snippets(self, query: Query, indices: list[int],
                          generation: int | None = None, budget: float | None = None) -> None:
        """Keyword-in-context lines of these hits into the cache (in a worker thread);
        with a `budget` (CPU seconds of this thread), the first and as many more as it
        allows (the others when a row asks for them)."""
        from reader.corpus import ArticleError, read_article
        from reader.search.index import snippet
        from reader.search.live import first_match

        app = self.app
        index = self.index
        if index is None:
            return
        live = self._live()
        start = time.thread_time()
        for k, i in enumerate(indices):
            if generation is not None and generation != self._generation:
                return
            if k and budget is not None and time.thread_time() - start > budget:
                return
            if (query.source, i) in self._snippets:
                continue
            article = app.corpus.articles[i]
            try:
                text = read_article(article, app.max_bytes).text
            except ArticleError:
                self._snippets[(query.source, i)] = ""
                continue
            found = first_match(text, query, live.doc(article.id))
            line = snippet(text, found[0], found[1], KWIC_WIDTH) if found else ""
            if len(self._snippets) > 2000:
                self._snippets.clear()
            self._snippets[(query.source, i)] = line

    def _fill_snippets(self) -> None:
        query = self.query
        if query is None:
            return
        while True:
            with self._wanted_lock:
                if not self._wanted:
                    break
                batch, self._wanted[:] = list(self._wanted), []
            self._compute_snippets(query, batch)
        self.app.call_from_thread(self._snippets_ready)

    def _snippets_ready(self) -> None:
        self.app.query_one(ArticleList).refresh()
        self.show_info()

    def kwic_for_cursor(self) -> Text | None:
        if not self.full_text:
            return None
        current = self.app.query_one(ArticleList).current
        if current is None:
            return None
        line = self._snippet(current)
        if not line:
            return None
        if self.query is not None:
            # (the line under the box is as narrow as the list: at 80 columns the
            # match of a 36-character left context fell past its end)
            width = self.app.query_one("#search-info", Static).size.width
            line = _around_match(line, self.query, max(8, width // 3))
        return _lit(line, self.query)

    # -- the open article ----------------------------------------------------------

    def article_opened(self, index: int) -> None:
        """Light the query's matches in the article just opened; re-index it if it
        changed (a correction made here, an edit) so that the next search sees it."""
        article = self.app.corpus.articles[index]
        # (a JSON Lines record is re-indexed with its file, at the next start)
        if self.ready and self.index is not None and getattr(article, "record", None) is None:
            store = self.app.store.store
            # every correction: others' line corrections teach this article too
            corrections = list(store.corrections()) if store is not None else []
            repeated = self.app.repeated
            targets = [(article.id, article.path, -1, -1)]
            self.app.run_worker(
                lambda: self._refresh(targets, corrections, repeated), thread=True,
                group="search-refresh", name="search refresh")
        query = self.query if self.full_text else None
        self.opened_with = query
        view = self.app.query_one(ArticleView)
        if query is None:
            view.set_matches([])
            return
        self.light(query, move=False)

    def _refresh(self, targets: list[Any], corrections: list[object],
                 repeated: frozenset[str] | None) -> None:
        index = self.index
        if index is not None and index.refresh(targets, corrections,
                                               max_bytes=self.app.max_bytes,
                                               repeated=repeated):
            self._live().warm(self.app.corpus._index)  # (now, not at the next keystroke)

    def _warm(self) -> None:
        """Read what `/`'s first keystroke would otherwise wait for, in the background."""
        if self.index is None:
            return
        live, where = self._live(), self.app.corpus._index
        threading.Thread(target=live.warm, args=(where,), daemon=True,
                         name="search warm").start()

    def jump_match(self, forward: bool) -> bool:
        """n / N in an article with matches lit: the next / previous match."""
        view = self.app.query_one(ArticleView)
        return view.has_focus and view.jump_match(forward)

    def to_first_match(self) -> None:
        """Opened from the list: the cursor goes to the first match."""
        view = self.app.query_one(ArticleView)
        if self.opened_with is not None and view.match_spans:
            view.move_cursor(view.match_spans[0].start)
            view.scroll_cursor_into_view()

    def light(self, query: Query, *, move: bool, scope: str | None = None) -> int:
        """Light `query`'s matches in the open article; returns how many."""
        from reader.search.index import find_matches

        app = self.app
        view = app.query_one(ArticleView)
        marks = app.marks
        boiler: list[int] = list(marks.boilerplate_lines) if marks is not None else []
        title_line = marks.title_line if marks is not None else None
        matches = find_matches(app.article_text, query.text_terms(), scope or query.scope,
                               boiler, title_line)
        view.set_matches([Span(a, b, "match") for _, a, b in matches])
        if move and matches:
            view.move_cursor(matches[0][1])
            view.scroll_cursor_into_view()
        return len(matches)

    def find_in_article(self) -> None:
        """Prompt for words to find in the open article (every line, boilerplate too)."""
        from reader.tui.screens import PromptScreen

        app = self.app
        if app.current is None:
            app.notify("open an article first", timeout=2)
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            view = app.query_one(ArticleView)
            if not value.strip():
                view.set_matches([])
                return
            try:
                query = parse(value)
            except QueryError as exc:
                app.notify(str(exc), severity="error")
                return
            cursor = view.cursor
            n = self.light(query, move=False, scope="all")
            if not n:
                why = " (punctuation is not searched)" if query.wordless else ""
                app.notify(f"not in this article: {value}{why}", timeout=2)
                return
            after = [s for s in view.match_spans if s.start >= cursor] or view.match_spans
            view.move_cursor(after[0].start)
            view.scroll_cursor_into_view()
            app.notify(f"{n} match{'es' if n != 1 else ''} · n/N next/previous", timeout=2)

        app.push_screen(PromptScreen("Find in this article", hint="words, \"a phrase\", "
                                     "pre* (n / N: next / previous match)"), done)


def _has_annotation_terms(query: Query) -> bool:
    from reader.filtering import AnyOf, Meta, Not

    for c in query.clauses:
        for t in c.terms if isinstance(c, AnyOf) else (c,):
            t = t.term if isinstance(t, Not) else t
            if isinstance(t, Meta) and t.kind != "speaker":
                return True
    return False


def _around_match(line: str, query: Query, left: int) -> str:
    """The snippet cut so that its first match starts at most `left` characters in (an
    ellipsis marks the cut), so that a narrow line still shows the match."""
    from reader.search.index import find_matches

    found = find_matches(line, query.text_terms(), "all")
    if not found:
        return line
    start = min(a for _, a, _ in found)
    if start <= left:
        return line
    cut = line.find(" ", start - left, start)  # (at a word's start where one is near)
    cut = cut + 1 if cut >= 0 else start - left
    return "…" + line[cut:].lstrip("…")


def _lit(line: str, query: Query | None) -> Text:
    """A snippet with its matches in bold."""
    from reader.search.index import find_matches

    out = Text(sanitize(line), style="dim")
    if query is not None:
        for _, a, b in find_matches(line, query.text_terms(), "all"):
            out.stylize("bold reverse", a, b)
    return out
