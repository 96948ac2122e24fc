"""The reader app: a thin Textual layer over the corpus, the detectors and the store.

Start-up never reads the corpus: the list shows file names from a directory scan, and a
thread worker fills in titles and word counts (from the summary cache when it is fresh).
Annotation changes go to the store at once; the store's journal makes them durable in a
few milliseconds, so the UI never waits on a full rewrite of the annotation file.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, ProgressBar, Static
from textual.worker import get_current_worker

from annotations.errors import StoreError
from reader import view_state
from reader.cache import Summary, SummaryCache, cache_path_for
from reader.corpus import (
    DEFAULT_MAX_BYTES,
    Article,
    ArticleError,
    Corpus,
    Skipped,
    locator,
    read_article,
    scan,
)
from reader.errorlog import log_problem
from reader.filtering import help_line
from reader.palette import colour_map, label_colour
from reader.quote_table import QuoteTable
from reader.textlayout import sanitize
from reader.tui import (
    annotate,
    big_article,
    coding,
    conflicts,
    corpus_views,
    dupes_ui,
    evidence,
    exit_notice,
    header,
    pane_widths,
    provisional,
)
from reader.tui.commands import BY_ID, COMMANDS, bindings_for
from reader.tui.hangup import quit_on_hangup
from reader.tui.keymap_check import warn_unknown as warn_unknown_keys
from reader.tui.keys import esc_then_key, keep_escape_before_symbols
from reader.tui.screen_scope import allowed as action_allowed
from reader.tui.screen_scope import palette_refusal
from reader.tui.screens import HelpScreen, MessageScreen, palette_help, skipped_count
from reader.tui.search import AppSearch
from reader.tui.unsaved_text import kept_at_exit
from reader.tui.widgets.article_header import ArticleHeader
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView, Span
from reader.tui.widgets.filter_input import FilterInput
from reader.tui.widgets.keybar import KeyBar
from reader.view_state import view_path_for

LAZY_STAT_OVER = 20_000  # files; above this the list shows before any file is stat-ed
JSONL_FIRST_SECONDS = 0.25  # indexing a big JSON Lines file goes on in the background after


FIRST_SCREEN = 60  # rows: the indexer redraws as soon as it has titles for these
BIG_ARTICLE = 256 * 1024  # characters; above this, detection runs in a worker


def _import_detectors() -> None:
    """Import the detectors in the indexer, not on the first enter (0.1 s)."""
    try:
        import annotations.export.corrected  # noqa: F401
        import reader.marks  # noqa: F401
    except Exception:  # detectors missing or broken: opening an article will say so
        pass


class CommandsProvider(Provider):
    """Palette entries from the same command list as the keys and the help screen."""

    async def discover(self) -> Hits:
        """With an empty query the palette lists the app's commands (not only Textual's)."""
        app = self.app
        assert isinstance(app, ReaderApp)
        for command in COMMANDS:
            if command.palette:
                yield DiscoveryHit(
                    command.title,
                    lambda c=command: app.run_command(c.id),
                    help=palette_help(command, app.user_keymap),
                )

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, ReaderApp)
        matcher = self.matcher(query)
        for command in COMMANDS:
            if not command.palette:
                continue
            score = matcher.match(f"{command.title} {command.help}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    lambda c=command: app.run_command(c.id),
                    help=palette_help(command, app.user_keymap),
                )


class MainScreen(Screen[None]):
    """The default screen, minus a full repaint on every focus change.

    Screen.focused repaints the whole screen when it changes; here the two widgets that
    gain and lose focus repaint their cursor rows themselves, so switching panes (and so
    opening an article) costs one small frame instead of a full one.
    """

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane_widths.follow_focus(self, event.widget)  # narrower list while reading


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        *bindings_for("app"),
        Binding("escape", "escape", "Back", show=False, id="app.escape"),
    ]
    COMMANDS = App.COMMANDS | {CommandsProvider}

    def __init__(
        self,
        corpus_path: str | Path,
        db: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        keymap: dict[str, str] | None = None,
        use_cache: bool = True,
        coder: str | None = None,
        text_field: str | None = None,
    ) -> None:
        super().__init__()
        keep_escape_before_symbols()  # (before the driver starts reading keys)
        # a large folder is listed from names alone; the indexer stats (see scan)
        self.corpus: Corpus = scan(corpus_path, max_bytes, lazy_stat_over=LAZY_STAT_OVER,
                                   text_field=text_field, background=JSONL_FIRST_SECONDS)
        self.max_bytes = max_bytes
        self.text_field = text_field
        self.user_keymap = keymap or {}
        self.titles_lower: list[str] = [
            f"{a.headline} {a.id}".lower() if a.headline else a.id.lower()
            for a in self.corpus.articles
        ]
        self.shares: list[float | None] = [None] * len(self.corpus.articles)
        # rows whose title is only the file's first line (often "Skip to main content")
        # until the headline pass reaches them: the list shows a placeholder, not a
        # wrong headline (`reader.tui.provisional`)
        self.first_line_titles: set[int] = set()
        self.current: int | None = None
        self.hide_boilerplate = False
        self.session = annotate.Session.start()
        self.store = annotate.open_store(self.corpus, db, coder)
        self.codebook = annotate.load_codebook(self.corpus, self.store.store)
        self.cache = SummaryCache(
            cache_path_for(self.store.path) if use_cache and self.store.path else None
        )
        # where the coder left off (boilerplate hidden, list position, open article)
        self.view_path = view_path_for(self.store.path) if use_cache and self.store.path else None
        self.view_state = view_state.load(self.view_path)
        self.hide_boilerplate = self.view_state.hide_boilerplate
        for i in view_state.screen_titles(self.view_state, self.corpus.articles,
                                          self.corpus._index):
            a = self.corpus.articles[i]  # titles in the first frame, not file names
            self.titles_lower[i] = f"{a.title or ''} {a.id}".lower()
        self.indexed = 0
        self.to_analyse = self.analysed = 0  # background boilerplate-share pass
        self.marks: Any = None
        self.article_text = ""
        # the corpus's repeated lines (`reader.pipeline`), found in the background; until
        # then articles are marked without that evidence and re-marked once it is ready
        self.repeated: frozenset[str] | None = None
        self.repeated_ready = False
        self.quotes = QuoteTable()  # article id → named speech quotations (compact)
        self.last_learned: tuple[int, int] | None = None  # (lines, articles) the last z changed
        self.only: set[int] | None = None  # list restricted to these (`tui.corpus_views`)
        self.only_label = ""
        self._shut_down = False
        self.exit_problems: list[str] = []  # unsaved things to tell the user after quitting
        self._filter_submitted_at: float | None = None
        self._prepared: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()
        self._prepared_lock = threading.Lock()
        self._prefetch_timer: Timer | None = None
        self.search = AppSearch(self, use_index=use_cache)  # full text: reader.tui.search
        self._meta_keys: list[tuple[str | None, str | None]] = []

    # -- layout ---------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield FilterInput(placeholder="search: " + help_line(), id="filter")
                yield Static(id="search-info")
                yield ArticleList(
                    self._title_of,
                    self._words_of,
                    self._tags_of,
                    self._status_of,
                    self._share_of,
                    meta_of=self._list_meta_of,
                    badge_of=self._badge_of,
                    id="list",
                )
                with Horizontal(id="progress-row"):
                    yield ProgressBar(
                        total=max(1, len(self.corpus.articles)),
                        show_eta=False,
                        show_percentage=False,
                        id="session-progress",
                    )
                    yield Static(id="progress-label")
            with Vertical(id="right"):
                yield ArticleHeader(self._update_header_for_focus, id="article-header")
                yield Static(id="start-card")
                yield ArticleView(id="article")
        yield Static(id="status")  # full width: line, speaker and labels are not cut
        yield KeyBar()

    async def on_event(self, event: events.Event) -> None:
        # Esc and a key typed right after it reach the app as one alt+key (see
        # `reader.tui.keys`). The app binds no alt keys (a user's keymap may), so such a
        # key is the two keys a person typed: Esc is handled first, its binding run to the
        # end (a prompt it closes is gone), then the key.
        if isinstance(event, events.Key) and not event.is_forwarded:
            typed = esc_then_key(event.key, event.character)
            if typed is not None and event.key not in self.active_bindings:
                if not (
                    await self._check_bindings("escape", priority=True)
                    or await self._check_bindings("escape")
                ):
                    await super().on_event(events.Key("escape", "\x1b"))
                self.post_message(events.Key(*typed))
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        quit_on_hangup(self)  # a closed terminal: the normal exit, an open memo kept
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
            warn_unknown_keys(self, self.user_keymap)  # a typo'd id: say so
        article_list = self.query_one(ArticleList)
        article_list.set_visible(list(range(len(self.corpus.articles))))
        where = self.corpus._index
        if self.view_state.list_article in where:
            article_list.cursor = where[self.view_state.list_article]
            self.call_after_refresh(article_list.show_cursor_centred)
        if self.view_state.open_article in where:
            self.call_after_refresh(self._reopen_last, where[self.view_state.open_article])
        article_list.snippet_of = self.search.snippet_of
        article_list.provisional_of = self.first_line_titles.__contains__
        self.query_one(FilterInput).typed = self.search.typed  # (before the echo's frame)
        article_list.focus()
        self.query_one(ArticleView).display = False  # the start card until an article opens
        self.query_one("#start-card", Static).update(header.start_card(self))
        self._update_title_bar()
        self._update_progress()
        self.call_after_refresh(self._update_progress)  # again, now its width is known
        if self.store.readonly_reason:
            self.notify(self.store.readonly_reason, title="Annotations are read-only",
                        severity="error", timeout=15)
        if self.corpus.skipped:
            self.notify(
                f"{skipped_count(self.corpus.skipped)} not loaded: press S to see why",
                severity="warning",
            )
        conflicts.notice_at_start(self)  # what `reader import` set aside, if unread
        # the indexing thread starts now (so workers.wait_for_complete() covers it) but
        # waits for the first frame, for which it would otherwise compete for the GIL
        self._first_frame = threading.Event()
        self.call_after_refresh(self._first_frame.set)
        self.index_corpus()
        self.search.start()
        if self.store.store is not None:
            self.set_interval(1.5, self.follow_other_writers)

    def _reopen_last(self, index: int) -> None:
        """Open the article that was open at the last quit, its cursor where it was."""
        self.open_article(index)
        if self.current == index:
            view = self.query_one(ArticleView)
            view.move_cursor(min(self.view_state.article_cursor, len(view.text)))
            view.focus()

    def save_view_state(self) -> None:
        """Remember where the coder is, for the next start (see reader.view_state)."""
        if self.view_path is None:
            return
        try:
            article_list = self.query_one(ArticleList)
            view = self.query_one(ArticleView)
        except NoMatches:  # stopped after its screen was taken down (ctrl+c): nothing to read
            return
        listed = article_list.current
        rows: dict[str, list[object]] = {}
        top = int(article_list.scroll_offset.y)
        for i in article_list.indices[top: top + max(article_list.size.height, 60)]:
            a = self.corpus.articles[i]
            if a.title is not None and a.size >= 0 and i not in self.first_line_titles:
                rows[a.id] = [a.size, a.mtime_ns, a.title, a.words]
        state = view_state.ViewState(
            rows=rows,
            hide_boilerplate=self.hide_boilerplate,
            list_article=self.corpus.articles[listed].id if listed is not None else None,
            open_article=(self.corpus.articles[self.current].id
                          if self.current is not None else None),
            article_cursor=view.cursor if self.current is not None else 0,
            conflicts_seen=self.view_state.conflicts_seen,
        )
        view_state.save(self.view_path, state)

    # -- entry accessors for the list ----------------------------------------

    def _title_of(self, i: int) -> str:
        if i in self.first_line_titles:
            return provisional.placeholder(self.corpus.articles[i])
        return self.corpus.articles[i].display_title

    def _words_of(self, i: int) -> int | None:
        return self.corpus.articles[i].words

    def _tags_of(self, i: int) -> list[str]:
        return self.store.tags(self.corpus.articles[i].id)

    def _status_of(self, i: int) -> str:
        return self.store.status(self.corpus.articles[i].id)

    def _share_of(self, i: int) -> float | None:
        return self.shares[i]

    def _badge_of(self, i: int) -> str | None:
        return dupes_ui.state(self).badge(i)

    def _list_meta_of(self, i: int) -> tuple[str | None, str | None, str | None]:
        """(source, date, url) for the list's metadata columns."""
        a = self.corpus.articles[i]
        return a.source, a.date, a.url

    def metadata_sets(self, kind: str, value: str) -> set[int]:
        """The articles a `site:` or `date:` term matches (`Facts.metadata`)."""
        from reader.filtering import metadata_matcher

        keys = self._meta_keys
        if len(keys) != len(self.corpus.articles):  # (memoised: once per corpus size)
            from reader.metadata import filter_keys

            keys[:] = filter_keys(self.corpus.articles)
        return metadata_matcher(keys.__getitem__, len(keys))(kind, value)

    # -- background indexing ----------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self) -> None:
        """Fill titles and word counts, from the cache where it is fresh.

        Two passes. This thread gives every uncached article its first line as a
        provisional title (a read and a split: about 40 s for 100,000 articles, little
        GIL). Then worker processes detect headlines and boilerplate shares (about 15 ms
        an article of pure Python, which in this process would slow every key). A cached
        summary without a share is provisional and goes through the second pass again.
        """
        worker = get_current_worker()
        self._first_frame.wait(timeout=2.0)
        self._index_pending(worker)
        articles = self.corpus.articles
        last_flush = last_save = time.monotonic()
        from reader.corpus import first_line_title

        for i, article in enumerate(articles):
            if worker.is_cancelled:
                return
            if article.size < 0 and article.record is None:  # scan(lazy_stat_over=...)
                try:
                    st = os.stat(article.path)
                    article.size, article.mtime_ns = st.st_size, st.st_mtime_ns
                except OSError:
                    article.size = article.mtime_ns = 0  # read_text below says why
            cached = self.cache.get(article.id, article.size, article.mtime_ns)
            if cached is None:
                try:
                    decoded = read_article(article, self.max_bytes)
                    title = first_line_title(decoded.text)
                    cached = Summary(article.size, article.mtime_ns, title,
                                     len(decoded.text.split()))
                except ArticleError as exc:
                    cached = Summary(article.size, article.mtime_ns, None, None, error=str(exc))
                self.cache.put(article.id, cached)
            if cached.error is None:
                article.title = cached.title
                article.words = cached.words
                if cached.share is None and article.words and not article.headline:
                    self.first_line_titles.add(i)  # (the headline pass redoes it)
                self.titles_lower[i] = f"{article.display_title} {article.id}".lower()
            else:
                article.title = f"⚠ {article.id} ({cached.error})"
                article.words = 0
                self.call_from_thread(self._skip_later, article, cached.error)
            self.shares[i] = cached.share
            self.indexed = i + 1
            now = time.monotonic()
            if now - last_flush > 0.25 or i + 1 == FIRST_SCREEN:  # the first screen at once
                last_flush = now
                self.call_from_thread(self._indexed_some)
            if i + 1 == min(FIRST_SCREEN, len(articles)):
                _import_detectors()  # after the first screen's titles, not before
            if now - last_save > 10:  # a quit mid-indexing keeps what was read
                last_save = now
                self.cache.save()
        self.cache.prune({a.id for a in articles})
        self.cache.save()
        self.call_from_thread(self._indexed_some, True)
        evidence.find_repeated(self, worker)
        self._analyse_shares(worker)

    def _index_pending(self, worker: Any) -> None:
        """Index the rest of big JSON Lines files, listing their records as they are found."""
        last = time.monotonic()
        while self.corpus.pending and not worker.is_cancelled:
            indexer = self.corpus.pending[0]
            indexer.step(5000)
            if indexer.done:
                self.corpus.pending.pop(0)
            now = time.monotonic()
            if indexer.done or now - last > 0.5:
                last = now
                found, bad = indexer.take()
                self.call_from_thread(self._add_articles, found, bad)

    def _add_articles(self, found: list[Article], bad: list[Skipped]) -> None:
        """Records found by background indexing join the end of the list."""
        self.corpus.extend(found)
        self.corpus.skipped.extend(bad)
        self.titles_lower.extend(f"{a.display_title} {a.id}".lower() for a in found)
        self.shares.extend([None] * len(found))
        article_list = self.query_one(ArticleList)
        if self.query_one("#filter", Input).value:
            self.apply_filter()
        else:
            article_list.set_visible(list(range(len(self.corpus.articles))),
                                     article_list.current)
        self._update_title_bar()
        self._update_progress()

    def _analyse_shares(self, worker: Any) -> None:
        """Headlines and boilerplate shares in worker processes (cached, cancellable)."""
        from reader.cache import analyse_summaries

        articles = self.corpus.articles
        where = {a.id: i for i, a in enumerate(articles)}
        quotes = evidence.load_quotes(self)
        jobs = [(a.id, locator(a)) for i, a in enumerate(articles)
                if (self.shares[i] is None or a.id not in quotes) and a.words]
        self.to_analyse, self.analysed = len(jobs), 0
        if not jobs:
            self.first_line_titles.clear()
            return
        store = self.store.store
        corrections = (self.call_from_thread(lambda: list(store.corrections()))
                       if store is not None else [])
        last = [time.monotonic(), time.monotonic()]

        def got(article_id: str, title: str | None, words: int | None, share: float | None,
                error: str | None, found: list[Any] | None = None) -> None:
            i = where[article_id]
            a = articles[i]
            self.analysed += 1
            if error is not None:  # changed since the first pass; it will be seen next time
                return
            self.shares[i] = share
            if found is not None:
                quotes[a.id] = found
            a.title, a.words = title, words
            self.first_line_titles.discard(i)
            self.titles_lower[i] = f"{a.display_title} {a.id}".lower()
            self.cache.put(a.id, Summary(a.size, a.mtime_ns, title, words, share))
            now = time.monotonic()
            if now - last[0] > 0.5:
                last[0] = now
                self.call_from_thread(self._indexed_some)
            if now - last[1] > 10:
                last[1] = now
                self.cache.save()

        analyse_summaries(jobs, got, lambda: worker.is_cancelled, corrections=corrections,
                          repeated=self.repeated, max_bytes=self.max_bytes)
        if not worker.is_cancelled:  # (no detectors: the first lines are the titles)
            self.first_line_titles.clear()
        self.cache.save()
        evidence.save_quotes(self, quotes)
        if not worker.is_cancelled:
            self.call_from_thread(self._indexed_some, True)

    @work(thread=True, exclusive=True, group="follow")
    def follow_other_writers(self) -> None:
        """Pick up what another window or a CLI call saved (three stats when nothing did)."""
        store = self.store.store
        try:
            changed = store is not None and store.reload_if_changed()
        except (StoreError, OSError) as exc:  # the store is read-only from now on: say why
            problem = f"annotations are read-only from now on: {exc}"
            log_problem(problem, exc)
            self.call_from_thread(self.notify, problem, severity="error", timeout=15)
            return
        if changed:
            self.call_from_thread(corpus_views.others_saved, self)
        if conflicts.grew(self):  # a `reader import` meanwhile kept some
            self.call_from_thread(conflicts.notice_if_new, self)

    def _skip_later(self, article: Article, reason: str) -> None:
        """A file that only reading shows to be bad: listed as skipped, kept greyed out."""
        if not any(s.id == article.id for s in self.corpus.skipped):
            self.corpus.skipped.append(Skipped(article.id, article.path, reason))
            self._update_title_bar()
            self._update_progress()  # one article fewer to do

    def _indexed_some(self, finished: bool = False) -> None:
        article_list = self.query_one(ArticleList)
        article_list.refresh_if_renamed()
        if article_list.has_focus and article_list.current is not None:
            self._update_header(article_list.current)  # its title is known now
        if self.query_one("#filter", Input).value:
            self.search.titles_changed()
        self._update_title_bar(finished)

    def _update_title_bar(self, finished: bool = False) -> None:
        n = len(self.corpus.articles)
        where = sanitize((self.corpus.single_file or self.corpus.root).name)
        parts = [f"reader · {where} · {header.plural(header.readable_count(self), 'article')}"]
        if self.indexed < n and not finished:
            parts.append(f"indexing {self.indexed:,}/{n:,}")
        elif self.analysed < self.to_analyse:
            parts.append(f"headlines & boilerplate {self.analysed:,}/{self.to_analyse:,}")
        if self.only_label:
            parts.append(f"list: {self.only_label} (esc: all)")
        search = self.search.status()
        if search:
            parts.append(search)
        if self.corpus.skipped:
            parts.append(f"{len(self.corpus.skipped)} not loaded (S)")  # `x` skips articles
        if self.store.coder:
            parts.append(f"coder {self.store.coder}")
        if self.store.readonly:
            parts.append("READ-ONLY annotations")
        self.query_one("#title-bar", Static).update(Text(" · ".join(parts)), layout=False)
        self._update_start_card()

    def _update_progress(self) -> None:
        done = self.store.done_count()
        total = header.readable_count(self)  # not the files that could not be read
        bar = self.query_one("#session-progress", ProgressBar)
        bar.update(total=max(1, total), progress=done)
        rate = self.session.rates()
        label = self.query_one("#progress-label", Static)
        text = f" {done}/{total} done · {rate}"
        if label.size.width and len(text) > label.size.width:  # narrow: the count only
            text = f" {done:,}/{total:,} done"
        label.update(Text(text, style=""))
        self._update_start_card()

    def _update_start_card(self) -> None:
        """Its counts follow the title bar's and the progress bar's (it was drawn once)."""
        card = self.query_one("#start-card", Static)
        if card.display:
            card.update(header.start_card(self))

    # -- list and filter ----------------------------------------------------

    @on(ArticleList.Opened)
    def open_from_list(self, event: ArticleList.Opened) -> None:
        self.open_article(event.index)
        self.search.to_first_match()
        self.query_one(ArticleView).focus()

    def open_article(self, index: int) -> None:
        article = self.corpus.articles[index]
        view = self.query_one(ArticleView)
        try:
            decoded, prepared_marks = self._prepare(article)
        except ArticleError as exc:
            self.notify(f"{article.id}: {exc}", severity="error")
            return
        self.current = index
        self.article_text = decoded.text
        if not view.display:  # the first article opened: the start card goes
            self.query_one("#start-card", Static).display = False
            view.display = True
        if problem := self.store.reanchor(article.id, decoded.text):
            self.notify(problem, severity="error", timeout=15)
        if decoded.lossy:
            self.notify(f"{article.id} is not valid UTF-8; shown as {decoded.encoding}",
                        severity="warning")
        if len(decoded.text) > BIG_ARTICLE:
            # detection takes about half a second a megabyte: show the text now, unmarked,
            # and the marks when a worker has them, so keys keep working meanwhile
            self.marks = None
            view.show(decoded.text, (), (), self._highlight_spans())
            view.set_hide_boilerplate(self.hide_boilerplate)
            self._update_header()
            self.analyse_in_background(index, decoded.text)
            return
        marks = prepared_marks
        self.marks = marks
        view.show(decoded.text, self._line_kinds(), self._quote_spans(), self._highlight_spans())
        view.set_hide_boilerplate(self.hide_boilerplate)
        self._marks_ready(index, decoded.text, marks, first=True)
        self.search.article_opened(index)

    def _prepare(self, article: Article) -> tuple[Any, Any]:
        """The article's text and corrected marks: from the prefetch cache when still valid.

        Keyed by size, mtime and the article's corrections, so an edited file or a new
        correction is analysed afresh. Big articles get no marks here (see open_article).
        """
        if article.record is not None:  # a JSON Lines record: its length and CRC
            size, stamp = article.size, article.mtime_ns
        else:
            try:
                st = os.stat(article.path)
            except OSError as exc:
                raise ArticleError(f"unreadable: {exc.strerror or exc}") from exc
            size, stamp = st.st_size, st.st_mtime_ns
        store = self.store.store
        # every correction can teach this article (`annotations.learning`)
        corrections = tuple(c.id for c in store.corrections()) if store else ()
        key = (article.id, size, stamp, corrections, self.repeated_ready)
        with self._prepared_lock:
            hit = self._prepared.get(key)
            if hit is not None:
                self._prepared.move_to_end(key)
                return hit
        decoded = read_article(article, self.max_bytes)
        marks = None
        if len(decoded.text) <= BIG_ARTICLE:
            marks = annotate.analyze_with_corrections(decoded.text, article.id, store,
                                                      self.repeated)
        with self._prepared_lock:
            self._prepared[key] = (decoded, marks)
            while len(self._prepared) > 16:
                self._prepared.popitem(last=False)
        return decoded, marks

    @on(ArticleList.Highlighted)
    def list_moved(self, event: ArticleList.Highlighted) -> None:
        """Prepare the article under the list cursor once the cursor rests a moment."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        if event.index is not None:
            index = event.index
            self._prefetch_timer = self.set_timer(0.04, lambda: self.prefetch(index))
            # the full title of the row, while the list or the search box has the focus
            # (typing a search left the header on the row of before: "enter opens" it said)
            if self.query_one(ArticleList).has_focus or getattr(self.focused, "id",
                                                                 None) == "filter":
                self._update_header(index)
        elif self.current is not None:  # an empty list: not the row of before, "enter opens"
            self._update_header()
        else:
            self.query_one("#article-header", Static).update("")

    @work(thread=True, exclusive=True, group="prefetch")
    def prefetch(self, index: int) -> None:
        with contextlib.suppress(ArticleError):
            self._prepare(self.corpus.articles[index])

    def _line_kinds(self) -> list[str]:
        if self.marks is None:
            return []
        return [k.value if hasattr(k, "value") else str(k) for k in self.marks.line_kinds]

    @work(thread=True, exclusive=True, group="open")
    def analyse_in_background(self, index: int, text: str) -> None:
        # in a process this thread abandons when cancelled: quitting never waits for it
        worker = get_current_worker()
        article_id = self.corpus.articles[index].id
        marks = big_article.marks_apart(text, article_id, self.store.store, self.repeated,
                                        lambda: worker.is_cancelled)
        if marks is not None:
            self.call_from_thread(self._marks_ready, index, text, marks)

    def _marks_ready(self, index: int, text: str, marks: Any, first: bool = False) -> None:
        """Install an article's marks; start the reading at its headline."""
        if self.current != index or self.article_text is not text:
            return  # the reader moved on meanwhile
        view = self.query_one(ArticleView)
        if not first:
            self.marks = marks
            view.set_line_kinds(self._line_kinds(), self._quote_spans())
        article = self.corpus.articles[index]
        title_line = marks.title_line
        if title_line and view.cursor == 0:
            # past the site's menus: the headline is where reading starts
            lines = text.split("\n", title_line)
            article.title = " ".join(lines[title_line - 1].split())[:300] or article.title
            view.move_cursor(sum(len(line) + 1 for line in lines[: title_line - 1]))
            view.scroll_to(y=max(0, view.row_of(view.cursor) - 1), animate=False, immediate=True)
        self.shares[index] = annotate.boilerplate_share(text, marks)
        if index in self.first_line_titles:  # this article's headline pass is done
            self.first_line_titles.discard(index)
            if title_line:
                article.title = " ".join(text.split("\n")[title_line - 1].split())[:300]
            self.query_one(ArticleList).refresh()
        self._remember_title(index, text, marks)
        self._update_header()
        if getattr(marks, "error", None):  # detection failed: say so, never "nothing marked"
            self.notify(f"{article.id}: boilerplate and quotation detection failed "
                        f"({marks.error}); the text is shown unmarked", severity="error")

    def _remember_title(self, index: int, text: str, marks: Any) -> None:
        """The summary cache gets the headline as marked now: after a `z` on the headline
        (or a chosen one) the next start listed, and the app's export named, the old one."""
        from reader.pipeline import summary_of

        article, share = self.corpus.articles[index], self.shares[index]
        if article.size < 0 or getattr(marks, "error", None):
            return
        title = summary_of(text, marks)[0]
        cached = self.cache.get(article.id, article.size, article.mtime_ns)
        if cached is not None and cached.title == title:
            return
        article.title = title
        self.titles_lower[index] = f"{article.display_title} {article.id}".lower()
        words = article.words if article.words is not None else len(text.split())
        self.cache.put(article.id, Summary(article.size, article.mtime_ns, title, words,
                                           share))
        self.query_one(ArticleList).refresh()

    def open_article_keep_cursor(self) -> None:
        """Re-open the current article after a correction or undo, where the reader was."""
        if self.current is None:
            return
        view = self.query_one(ArticleView)
        cursor, scroll = view.cursor, view.scroll_offset.y
        self.open_article(self.current)
        view.scroll_to(y=scroll, animate=False, immediate=True)
        view.move_cursor(cursor)

    def _quote_spans(self) -> list[Span]:
        if self.marks is None:
            return []
        return [
            Span(q.start, q.end, "quote-speech" if q.kind == "speech" else "quote-term", ref=q)
            for q in self.marks.quotes
        ]

    def _highlight_spans(self) -> list[Span]:
        if self.current is None:
            return []
        article = self.corpus.articles[self.current]
        spans = []
        colours = colour_map(self.codebook.labels)
        for h in self.store.highlights(article.id):
            if h.status == "orphaned":
                continue
            colour = colours.get(h.label) or label_colour("")
            spans.append(Span(h.start, h.end, "highlight", colour, h))
        return spans

    def refresh_annotations(self) -> None:
        """Redraw everything that shows annotations after a change or an undo."""
        if self.current is not None:
            self.query_one(ArticleView).set_highlights(self._highlight_spans())
            self._update_header()
        article_list = self.query_one(ArticleList)
        if article_list.has_focus and article_list.current is not None:
            self._update_header(article_list.current)  # the header follows the list's cursor
        article_list.refresh()
        self._update_progress()

    def _update_header(self, index: int | None = None) -> None:
        """Show article `index` (the list's cursor) or, by default, the open article."""
        if index is None:
            index = self.current
        if index is None:
            return
        width = max(10, self.query_one("#article-header", Static).size.width - 2)
        opened = index == self.current
        text = header.header_text(self, index, width, self.marks if opened else None, opened)
        box = self.query_one("#article-header", Static)
        rows = max(header.MIN_ROWS, len(text.plain.split("\n")))
        if box.styles.height is None or box.styles.height.value != rows:
            box.styles.height = rows  # a layout pass only when the height changes
            box.update(text)
        else:
            box.update(text, layout=False)

    @on(ArticleView.CursorMoved)
    def cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        # one fixed-height row: no layout pass, so the cursor line costs one small repaint
        # the view's cursor now, not the event's: several moves may be queued
        cursor = self.query_one(ArticleView).cursor
        self.query_one("#status", Static).update(self._status_text(cursor), layout=False)

    def _status_text(self, offset: int) -> Text:
        out = Text()
        if self.current is None:
            return out
        view = self.query_one(ArticleView)
        line = self.article_text.count("\n", 0, offset) + 1
        out.append(f"line {line}", style="dim")
        if self.query_one("#status", Static).size.width >= 100:  # narrow: room for the rest
            out.append(f" · char {offset}", style="dim")
        if view.selection:  # first: what the next key does; a long note may be cut instead
            a, b = view.selection
            out.append(f"  │  selected {b - a} chars (1-9 to highlight)", style="bold")
            bp = view.boilerplate_lines_in(a, b)
            if bp:  # a caption or a menu line would go into the highlight: say so
                out.append(f" · includes {header.plural(bp, 'boilerplate line')}",
                           style="bold reverse")
        q = view.span_at(view.quotes, offset)
        if q is not None:
            quote = q.ref
            who = getattr(quote, "speaker", None)
            kind = getattr(quote, "kind", "")
            out.append("  │  ")
            out.append(f"{kind}", style="bold")
            if who:
                out.append(f" — {sanitize(who)}", style="bold yellow")
            elif kind == "speech":
                out.append(" — speaker not named", style="dim")
        # every highlight under the cursor, innermost (the one keys act on) first
        for j, h in enumerate(view.spans_at(view.highlight_spans, offset)):
            hl = h.ref
            out.append("  │  " if j == 0 else "  · ")
            out.append(f"[{sanitize(hl.label or 'highlight')}]", style=f"bold {h.colour}")
            if hl.note:
                out.append(" " + sanitize(hl.note.splitlines()[0])[: 60 if j == 0 else 30])
        return out

    @on(ArticleView.Back)
    def back_to_list(self) -> None:
        left = self.query_one("#left")
        if not left.display:  # back from full-width reading
            left.display = True
            self.call_after_refresh(self._update_header)
        if isinstance(self.focused, ArticleView | None):
            # (not when a key typed right after h, as "h/" in one burst, has already sent
            # the focus elsewhere: the search box lost its letters to the list)
            self.query_one(ArticleList).focus()

    def action_toggle_list(self) -> None:
        """Hide the list for full-width reading, or show it again."""
        left = self.query_one("#left")
        left.display = not left.display
        if not left.display and self.current is not None:
            self.query_one(ArticleView).focus()
        elif left.display and self.current is None:
            self.query_one(ArticleList).focus()
        self.call_after_refresh(self._update_header)  # the title rows wrap to the new width

    def _update_header_for_focus(self) -> None:
        """The header for what has the focus: the row under the list's cursor while the
        list or the search box has it (as `pane_widths` shows it), else the open article."""
        article_list = self.query_one(ArticleList)
        focused = self.focused
        if (focused is article_list or getattr(focused, "id", None) == "filter") \
                and article_list.current is not None:
            self._update_header(article_list.current)
        else:
            self._update_header()

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_header_for_focus)
        self.call_after_refresh(self._update_progress)  # the label fits the list's width

    def action_focus_filter(self) -> None:
        corpus_views.back_to_reader(self)  # `/` from the overview or passages: search
        box = self.query_one("#filter", Input)
        box.add_class("active")
        self.query_one("#left").display = True
        box.focus()
        self.call_after_refresh(self.search.show_info)

    def action_find_in_article(self) -> None:
        self.search.find_in_article()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.search.changed()  # (usually applied already, as the box changed)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        """Enter moves to the list; a second Enter opens the article, even when typed so
        fast that it reaches the box before the focus has moved."""
        article_list = self.query_one(ArticleList)
        if self._filter_submitted_at is not None and (
            time.monotonic() - self._filter_submitted_at < 0.5
        ):
            self._filter_submitted_at = None
            article_list.action_open()
            return
        self._filter_submitted_at = time.monotonic()
        article_list.focus()

    def apply_filter(self) -> None:
        self.search.apply()  # full text once the index is ready (reader.tui.search)

    def _annotated_rows(self) -> list[tuple[int, str, list[str]]]:
        """(index, status, tags) of the articles with any state: the filter's fast path."""
        store = self.store.store
        if store is None:
            return []
        where = self.corpus._index
        return [(where[s.article], s.status, s.tags) for s in store.article_states()
                if s.article in where]

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        # notices quote titles and text ("“Shares [/drop]…”: done"): never read as markup;
        # a path longer than the notice breaks after a "/", not mid-name
        from reader.tui.notice_text import break_long_words, notice_width

        # ... and nothing in it (a file name, an article's words) reaches the terminal as an
        # escape sequence
        message = break_long_words(sanitize(message), notice_width(self.size.width))
        super().notify(message, title=sanitize(title), severity=severity, timeout=timeout,
                       markup=False)

    def action_help_quit(self) -> None:
        """ctrl+c: Textual's "Press [b]ctrl+q[/b] to quit", in words (notices are plain)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app", title="Do you want to quit?")
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # article and list keys do nothing under the overview, passages, etc. (a modal
        # dialog stops them already; its key bar below stays as it was)
        stack = self.screen_stack
        if not stack:  # starting or ending: nothing covers the reader
            return True
        screen = stack[-1]
        return action_allowed(action, isinstance(screen, MainScreen) or screen.is_modal)

    def action_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if corpus_views.clear_ids(self) and not box.value:
            return
        if box.has_focus or box.value:
            box.value = ""
            box.remove_class("active")
            self.apply_filter()
            self.query_one(ArticleList).focus()
            # after the focus has moved: the box still holds it now, and an empty focused
            # box shows the operator help, which would stay above the list
            self.call_after_refresh(self.search.show_info)

    def action_switch_pane(self) -> None:
        article_list = self.query_one(ArticleList)
        if article_list.has_focus:
            self.query_one(ArticleView).focus()
        else:
            self.query_one("#left").display = True
            article_list.focus()

    def action_toggle_boilerplate(self) -> None:
        self.hide_boilerplate = not self.hide_boilerplate
        self.query_one(ArticleView).set_hide_boilerplate(self.hide_boilerplate)
        self.notify("boilerplate hidden" if self.hide_boilerplate else "boilerplate shown",
                    timeout=1.5)

    def action_toggle_share(self) -> None:
        article_list = self.query_one(ArticleList)
        article_list.show_share = not article_list.show_share
        article_list.refresh()

    def action_show_skipped(self) -> None:
        if not self.corpus.skipped:  # (a dialog "Not loaded: nothing / (nothing)" to close)
            self.notify("every file was loaded: none skipped", timeout=2)
            return
        lines = [f"{s.id}: {s.reason}" for s in self.corpus.skipped]
        self.push_screen(MessageScreen(f"Not loaded: {skipped_count(self.corpus.skipped)}",
                                       lines))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.user_keymap))

    def run_command(self, command_id: str) -> None:
        command = BY_ID[command_id]
        screen = self.screen
        refusal = palette_refusal(command.title, command.scope, command.action.removeprefix(
            "app."), isinstance(screen, MainScreen) or screen.is_modal)
        if refusal:
            self.notify(refusal, severity="warning")
            return
        if command.scope == "app" or command.action.startswith("app."):
            self.call_next(self.run_action, command.action.removeprefix("app."))
        else:
            target = self.query_one(ArticleView if command.scope == "article" else ArticleList)
            self.call_next(self.run_action, command.action, target)

    # -- annotation actions live in reader.tui.annotate ------------------------

    def on_save_done(self, message: annotate.SaveDone) -> None:
        message.fn(message.future)

    def action_tag_prompt(self) -> None:
        annotate.tag_prompt(self)

    def action_next_todo(self) -> None:
        if not self.search.jump_match(True):  # n / N: search matches first
            annotate.goto_todo(self, 1)

    def action_prev_todo(self) -> None:
        if not self.search.jump_match(False):
            annotate.goto_todo(self, -1)

    def action_mark_done(self) -> None:
        annotate.mark_status(self, "done")

    def action_mark_skipped(self) -> None:
        annotate.mark_status(self, "skipped")

    def action_undo(self) -> None:
        annotate.undo(self, redo=False)

    def action_redo(self) -> None:
        annotate.undo(self, redo=True)

    def action_label_key(self, key: str | int) -> None:
        annotate.label_key(self, str(key))

    def action_edit_note(self) -> None:
        annotate.edit_note(self)

    def action_delete_highlight(self) -> None:
        annotate.delete_highlight(self)

    def action_toggle_line(self) -> None:
        annotate.toggle_line(self)

    def action_line_everywhere(self) -> None:
        annotate.line_everywhere(self)

    def action_list_corrections(self) -> None:
        from reader.tui.corrections_ui import list_corrections

        list_corrections(self)

    def action_quote_kind(self) -> None:
        annotate.quote_kind(self)

    def action_quote_speaker(self) -> None:
        annotate.quote_speaker(self)

    def action_quote_reject(self) -> None:
        annotate.quote_reject(self)

    def action_import_conflicts(self) -> None:
        conflicts.show(self)

    def action_orphans(self) -> None:
        annotate.orphans(self)

    def action_codebook(self) -> None:
        from reader.tui.codebook_screen import open_codebook

        open_codebook(self)

    def action_adjudicate(self) -> None:
        from reader.tui.adjudication_screen import open_adjudication

        open_adjudication(self)

    def action_pick_label(self) -> None:
        from reader.tui.codebook_screen import pick_label

        pick_label(self)

    def action_export(self) -> None:
        annotate.export(self)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Textual saves to ~/Downloads, which many machines lack: there the screenshot
        failed. Save to the first folder that exists and is writable, and say where."""
        from reader.tui.screenshot import screenshot_folder

        return super().deliver_screenshot(filename, path or str(screenshot_folder()),
                                          time_format)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """In place of Textual's notice, whose markup our plain notices would show raw."""
        if event.name == "screenshot":
            from reader.tui.screenshot import saved_notice

            event.prevent_default()
            self.notify(saved_notice(event.path), title="Screenshot")

    def action_passages(self) -> None:
        from reader.tui.passages_screen import PassagesScreen

        self.push_screen(PassagesScreen())

    def action_overview(self) -> None:
        from reader.tui.overview_screen import OverviewScreen

        self.push_screen(OverviewScreen())

    def action_memo(self) -> None:
        coding.edit_memo(self, project=False)

    def action_project_memo(self) -> None:
        coding.edit_memo(self, project=True)

    def action_switch_coder(self) -> None:
        coding.switch_coder(self)
    def action_collapse_copies(self) -> None:
        dupes_ui.toggle_collapse(self)

    def action_copy_tags_to_copies(self) -> None:
        dupes_ui.copy_tags(self)

    # -- shutdown ---------------------------------------------------------------

    async def action_quit(self) -> None:
        hold = getattr(self.screen, "hold_quit", None)  # an editor with unsaved text
        if hold is not None and hold():
            return
        self.shutdown()
        if not self.is_headless:  # (a test's app exits without a terminal to tell)
            exit_notice.arm()  # the exit may wait for a worker thread's file read
        self.exit()

    def shutdown(self) -> None:
        """Fold the journal, record the session, keep the cache; safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        self.exit_problems += kept_at_exit(self)  # an editor left open with text in it
        for worker in self.workers:
            worker.cancel()
        dupes_ui.stop(self)  # a `reader dupes` still running would hold the exit
        try:
            if problem := annotate.finish_session(self):
                self.exit_problems.append(problem)  # printed once the terminal is back
        finally:
            with contextlib.suppress(OSError):  # a convenience: a read-only folder skips it
                self.save_view_state()
            self.cache.save()
            self.store.close()
            self.search.close()
